import { z } from 'zod';
import { DialerSettingSchema, type DialerSetting } from './dialer';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Device-local preferences; each key is validated on read so a bad value falls back, never crashes. */
export const SETTINGS_SCHEMAS = {
  language: z.enum(LANGUAGES),
  /** Region that numbers without a country code are read in (CN: "138 0013 8000"). */
  defaultPhoneRegion: z.string().regex(/^[A-Z]{2}$/),
  demoOffered: z.boolean(),
  ownerName: z.string().max(80),
  /** How calls are placed on this device: the system's phone handler, a softphone's link, or log only. */
  dialer: DialerSettingSchema,
  /** Call-backs due up to this time have been announced on this device. */
  callbacksNotifiedUntil: z.number().int().nonnegative(),
} as const;

export type SettingKey = keyof typeof SETTINGS_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { readonly [K in Exclude<SettingKey, 'language' | 'callbacksNotifiedUntil'>]: SettingValue<K> } = {
  defaultPhoneRegion: 'CN',
  demoOffered: false,
  ownerName: '',
  dialer: { kind: 'tel' } satisfies DialerSetting,
};

/** zh-CN for any Chinese system locale, English otherwise. */
export function languageForLocale(locale: string): Language {
  return /^zh\b/i.test(locale) ? 'zh-CN' : 'en';
}

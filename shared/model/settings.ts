import { z } from 'zod';
import { MemberSchema } from '../sync/protocol';
import { AccountViewSchema } from './account';
import { DialerSettingSchema, type DialerSetting } from './dialer';
import { AudioDevicesSchema, SipAccountSchema } from './sip';

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
  /** The built-in softphone's account (without its password); null until it is set up. */
  sipAccount: SipAccountSchema.nullable(),
  /** Microphone and speaker for the softphone. */
  audioDevices: AudioDevicesSchema,
  /** Call-backs due up to this time have been announced on this device. */
  callbacksNotifiedUntil: z.number().int().nonnegative(),
  /** Who is signed in on this device, kept so the app knows while offline; null when signed out. */
  account: z.object({ serverUrl: z.string().max(2000), user: AccountViewSchema, signedInAt: z.number().int() }).nullable(),
  /** The team's people as the server last sent them (names of owners and authors). */
  teamMembers: z.array(MemberSchema).max(5000),
  /** What the sync engine is doing; every window of the app shows it. */
  syncStatus: z.lazy(() => SyncStatusSchema),
} as const;

export const SYNC_PHASES = ['idle', 'syncing', 'offline', 'signedOut', 'sessionExpired', 'updateRequired', 'error'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];
export const SyncStatusSchema = z.object({
  phase: z.enum(SYNC_PHASES),
  lastSyncedAt: z.number().int().nullable(),
  /** The server's words for the last failure, shown under "needs attention". */
  message: z.string().max(1000),
  /** When the next automatic attempt is due (backing off), if one is. */
  retryAt: z.number().int().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export type SettingKey = keyof typeof SETTINGS_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { readonly [K in Exclude<SettingKey, 'language' | 'callbacksNotifiedUntil'>]: SettingValue<K> } = {
  defaultPhoneRegion: 'CN',
  demoOffered: false,
  ownerName: '',
  dialer: { kind: 'tel' } satisfies DialerSetting,
  sipAccount: null,
  audioDevices: { input: null, output: null },
  account: null,
  teamMembers: [],
  syncStatus: { phase: 'signedOut', lastSyncedAt: null, message: '', retryAt: null },
};

/** zh-CN for any Chinese system locale, English otherwise. */
export function languageForLocale(locale: string): Language {
  return /^zh\b/i.test(locale) ? 'zh-CN' : 'en';
}

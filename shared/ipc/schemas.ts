/**
 * The payload and result schema of every invoke channel. Main parses each payload with these
 * (the renderer is not trusted to send what its types say); the types below are derived from them.
 */
import { z } from 'zod';
import { InvokeChannel } from './channels';
import { COMMAND_IDS, type MenuId } from './commands';

export const UI_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f]*$/;

const menuText = z.string().trim().min(1).max(80).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  /** The user's preferred system language as a BCP 47 tag (e.g. "zh-CN", "en-US"). */
  locale: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const openExternalPayloadSchema = z.strictObject({
  // The link validator has the real rules; this only bounds what main will look at.
  url: z.string().max(4096),
});

export const menuLabelsSchema = z.strictObject({
  language: z.enum(UI_LANGUAGES),
  // An enum-keyed record requires every command: a menu never shows a missing label.
  labels: z.record(z.enum(COMMAND_IDS), menuText),
  // `satisfies` fails the build when a menu is added to MENU_IDS but not here.
  menuTitles: z.strictObject({
    file: menuText,
    edit: menuText,
    view: menuText,
    leads: menuText,
    call: menuText,
    window: menuText,
    help: menuText,
  }) satisfies z.ZodType<Record<MenuId, string>>,
});
export type MenuLabels = z.infer<typeof menuLabelsSchema>;

export const notificationRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(120).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters'),
  body: z.string().max(1000),
});
export type NotificationRequest = z.infer<typeof notificationRequestSchema>;

export const invokeContract = {
  [InvokeChannel.appInfo]: { payload: z.undefined(), result: appInfoSchema },
  [InvokeChannel.openExternal]: { payload: openExternalPayloadSchema, result: z.void() },
  [InvokeChannel.setMenuLabels]: { payload: menuLabelsSchema, result: z.void() },
  [InvokeChannel.showNotification]: { payload: notificationRequestSchema, result: z.void() },
} as const satisfies Record<InvokeChannel, { readonly payload: z.ZodType; readonly result: z.ZodType }>;

export type InvokePayload<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['payload']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['result']>;

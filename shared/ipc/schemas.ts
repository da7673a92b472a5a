/**
 * The payload and result schema of every invoke channel. Main parses each payload with these
 * (the renderer is not trusted to send what its types say); the types below are derived from them.
 */
import { z } from 'zod';
import { AccountViewSchema } from '../model/account';
import { InvokeChannel } from './channels';
import { COMMAND_IDS, type MenuId } from './commands';
import { isApiPath, MAX_API_PATH_LENGTH, MAX_SERVER_URL_LENGTH } from './teamServer';

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

// Bounds only: main checks the address itself and answers a bad one as a refused sign-in
// (url.invalid), and the team server has the real e-mail and password rules; a typo must come back
// as the server's answer, not as an IPC error.
export const serverSignInPayloadSchema = z.strictObject({
  serverUrl: z.string().max(MAX_SERVER_URL_LENGTH),
  email: z.string().max(320),
  password: z.string().max(1024),
});
export type ServerSignInPayload = z.infer<typeof serverSignInPayloadSchema>;

export const serverSessionSchema = z.strictObject({
  serverUrl: z.string().max(MAX_SERVER_URL_LENGTH),
  user: AccountViewSchema,
});
export type ServerSessionInfo = z.infer<typeof serverSessionSchema>;

/** The team server refuses bodies over 1 MiB (413); main does not serialize more than that for it. */
export const MAX_SERVER_REQUEST_BODY_CHARS = 1024 * 1024;

/** The length of value as JSON, or null when JSON cannot express it (a cycle, a BigInt, undefined). */
function jsonLength(value: unknown): number | null {
  try {
    const text: unknown = JSON.stringify(value);
    return typeof text === 'string' ? text.length : null;
  } catch {
    // JSON.stringify signals "not expressible" only by throwing; null is that answer.
    return null;
  }
}

const jsonBodySchema = z.unknown().superRefine((value, context) => {
  const length = jsonLength(value);
  if (length === null) context.addIssue({ code: 'custom', message: 'must be expressible as JSON' });
  else if (length > MAX_SERVER_REQUEST_BODY_CHARS) {
    context.addIssue({ code: 'custom', message: `must be at most ${MAX_SERVER_REQUEST_BODY_CHARS} characters as JSON` });
  }
});

export const SERVER_METHODS = ['GET', 'POST', 'PUT'] as const;

export const serverRequestPayloadSchema = z
  .strictObject({
    method: z.enum(SERVER_METHODS),
    path: z
      .string()
      .max(MAX_API_PATH_LENGTH)
      .refine(isApiPath, 'must be an /api/ path without whitespace, "#" or "\\"'),
    body: jsonBodySchema.optional(),
  })
  // fetch throws on a GET with a body, which would read as "server unreachable".
  .refine((request) => request.method !== 'GET' || request.body === undefined, {
    path: ['body'],
    message: 'a GET request takes no body',
  });
export type ServerRequestPayload = z.infer<typeof serverRequestPayloadSchema>;

export const serverReplySchema = z.strictObject({
  status: z.number().int().min(100).max(599),
  /** The answer parsed as JSON; null when it was empty or not JSON. */
  body: z.unknown(),
  /** From a Retry-After header given in seconds; null when absent or given as a date. */
  retryAfterSeconds: z.number().positive().nullable(),
});
export type ServerReply = z.infer<typeof serverReplySchema>;

/** Generous for any PBX; the main process keeps at most this much of a secret in memory and on disk. */
export const MAX_SIP_PASSWORD_LENGTH = 256;

// Empty is not a password: forgetting it is set(null), so a cleared field cannot be saved by mistake.
export const sipPasswordSchema = z.string().min(1).max(MAX_SIP_PASSWORD_LENGTH);

export const SIP_SECRET_PERSISTENCE = ['keychain', 'session'] as const;
export type SipSecretPersistence = (typeof SIP_SECRET_PERSISTENCE)[number];

export const sipSecretSetPayloadSchema = z.strictObject({ password: sipPasswordSchema.nullable() });

export const invokeContract = {
  [InvokeChannel.appInfo]: { payload: z.undefined(), result: appInfoSchema },
  [InvokeChannel.openExternal]: { payload: openExternalPayloadSchema, result: z.void() },
  [InvokeChannel.setMenuLabels]: { payload: menuLabelsSchema, result: z.void() },
  [InvokeChannel.showNotification]: { payload: notificationRequestSchema, result: z.void() },
  [InvokeChannel.serverSignIn]: { payload: serverSignInPayloadSchema, result: serverSessionSchema },
  [InvokeChannel.serverSignOut]: { payload: z.undefined(), result: z.void() },
  [InvokeChannel.serverRequest]: { payload: serverRequestPayloadSchema, result: serverReplySchema },
  [InvokeChannel.serverSession]: { payload: z.undefined(), result: serverSessionSchema.nullable() },
  [InvokeChannel.sipSecretPersistence]: { payload: z.undefined(), result: z.enum(SIP_SECRET_PERSISTENCE) },
  [InvokeChannel.sipSecretGet]: { payload: z.undefined(), result: sipPasswordSchema.nullable() },
  [InvokeChannel.sipSecretSet]: { payload: sipSecretSetPayloadSchema, result: z.void() },
} as const satisfies Record<InvokeChannel, { readonly payload: z.ZodType; readonly result: z.ZodType }>;

export type InvokePayload<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['payload']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['result']>;

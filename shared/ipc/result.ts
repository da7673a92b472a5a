/**
 * What crosses IPC: every invoke answers with data, never a thrown error, because Electron
 * flattens an error thrown in main into a generic message. The preload unwraps the envelope;
 * the renderer sees a resolved value or a rejected DesktopError.
 */

export const IPC_ERROR_CODES = [
  /** The request did not come from the app's own page (app://desk). */
  'FORBIDDEN_SENDER',
  /** The payload failed the channel's schema; the message names the field. */
  'INVALID_ARGUMENT',
  /** openExternal refused the URL; the message carries the validator's reason. */
  'LINK_REFUSED',
  /** The OS cannot do it (e.g. notifications unsupported). */
  'UNSUPPORTED',
  /** The team server gave no answer (network down, DNS, refused, timed out): retry later. */
  'UNREACHABLE',
  /** The team server refused the sign-in; the message is the reason (a SignInRefusal, teamServer.ts). */
  'SIGN_IN_REFUSED',
  /** Anything else; details are logged in main, not sent to the renderer. */
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcErrorPayload {
  readonly code: IpcErrorCode;
  readonly message: string;
}

export type IpcResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: IpcErrorPayload };

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function ipcFail<T = never>(code: IpcErrorCode, message: string): IpcResult<T> {
  return { ok: false, error: { code, message } };
}

export function isIpcErrorCode(value: unknown): value is IpcErrorCode {
  return typeof value === 'string' && (IPC_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The error a window.desktop call rejects with. contextBridge copies an Error into the page's
 * world by message only (custom properties such as `code` may not survive), so the code is also
 * the message's prefix: "LINK_REFUSED: scheme-not-allowed". Read it with desktopErrorCode().
 */
export class DesktopError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'DesktopError';
    this.code = code;
  }
}

/** The IpcErrorCode of an error thrown by window.desktop, or null if it is not one. */
export function desktopErrorCode(error: unknown): IpcErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  if ('code' in error && isIpcErrorCode(error.code)) return error.code;
  if ('message' in error && typeof error.message === 'string') {
    const prefix = /^([A-Z_]+): /.exec(error.message)?.[1];
    if (isIpcErrorCode(prefix)) return prefix;
  }
  return null;
}

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    isIpcErrorCode(error.code) &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * Turns an envelope received from main into its value or a thrown DesktopError.
 * The value's type is the channel's declared result: main validated it before sending.
 */
export function unwrapIpcResult<T>(reply: unknown): T {
  if (!isIpcResult(reply)) throw new DesktopError('INTERNAL', 'Malformed reply from the main process');
  if (!reply.ok) throw new DesktopError(reply.error.code, reply.error.message);
  return reply.value as T;
}

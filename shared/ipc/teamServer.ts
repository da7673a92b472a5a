/**
 * The team-server rules both sides of IPC need: which server addresses are acceptable, which paths
 * the main process will call for the page, and how a refused sign-in travels back. Zod-free, so the
 * preload and the renderer can import it without the schema library.
 */
import { parseUrl } from './whatwgUrl';

export const MAX_SERVER_URL_LENGTH = 2048;
export const MAX_API_PATH_LENGTH = 2048;
/** The prefix every path the page may ask main to call starts with; the session is for the API only. */
export const API_PATH_PREFIX = '/api/';

/** The reasons a sign-in is refused; the renderer's SignInError carries the same codes. */
export const SIGN_IN_REFUSALS = ['auth.invalid', 'rate.limited', 'server.invalid', 'url.invalid', 'server.error'] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

export function isSignInRefusal(value: unknown): value is SignInRefusal {
  return typeof value === 'string' && (SIGN_IN_REFUSALS as readonly string[]).includes(value);
}

/**
 * The refusal carried by a rejected window.desktop.server.signIn. Only the message is sure to cross
 * contextBridge, so it is read from there: "SIGN_IN_REFUSED: auth.invalid".
 */
export function signInRefusalOf(error: unknown): SignInRefusal | null {
  if (typeof error !== 'object' || error === null || !('message' in error) || typeof error.message !== 'string') return null;
  const refusal = /^SIGN_IN_REFUSED: (.+)$/.exec(error.message)?.[1];
  return isSignInRefusal(refusal) ? refusal : null;
}

export type ServerUrlCheck =
  | { readonly ok: true; readonly origin: string }
  | {
      readonly ok: false;
      readonly reason:
        | 'too-long'
        | 'control-character'
        | 'unparseable'
        | 'scheme-not-allowed'
        | 'http-only-for-this-computer'
        | 'credentials-not-allowed'
        | 'path-not-allowed';
    };

// Plain http would send the password and the session token readable by anyone on the network;
// it is tolerated only for a server on this very machine (development, a local trial).
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

// The URL parser silently drops tabs and newlines, so "https://ex\nample.com" would become another
// host than the one the user sees; such input is refused before parsing.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A team server address as typed by the user: https://host[:port][/] (http:// only for localhost
 * and 127.0.0.1), no credentials, path, query or fragment. Answers the origin, without a trailing
 * slash, so `${origin}/api/…` is always a path on that server.
 */
export function checkServerUrl(raw: string): ServerUrlCheck {
  const text = raw.trim();
  if (text.length > MAX_SERVER_URL_LENGTH) return { ok: false, reason: 'too-long' };
  if (CONTROL_CHARACTERS.test(text)) return { ok: false, reason: 'control-character' };
  const url = parseUrl(text);
  if (url === null) return { ok: false, reason: 'unparseable' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme-not-allowed' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, reason: 'http-only-for-this-computer' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials-not-allowed' };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return { ok: false, reason: 'path-not-allowed' };
  return { ok: true, origin: `${url.protocol}//${url.hostname}${url.port === '' ? '' : `:${url.port}`}` };
}

// Whitespace, '#' and backslashes have no place in an API path: the URL parser would drop, cut at
// or reinterpret them, so the request would go somewhere other than what was checked.
const API_PATH = /^\/api\/[^\s#\\]*$/;

/** The shape check of a path the page asks main to call; main re-checks the resolved URL too. */
export function isApiPath(path: string): path is `/api/${string}` {
  return path.length <= MAX_API_PATH_LENGTH && API_PATH.test(path);
}

/**
 * The app's own origin. The UI is served from app://desk/ (a privileged custom scheme) instead of
 * file://, so it gets a real origin that CSP, IPC sender checks and permission checks can name.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True only for app://desk/… . Protocol and host are compared one by one: the WHATWG `origin` of
 * a custom scheme is the string "null" in Node, which would make every such URL look alike.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL at all, so not ours.
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

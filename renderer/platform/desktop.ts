import type { DesktopApi, DesktopServerApi } from '../../shared/ipc/desktopApi';
import { desktopErrorCode } from '../../shared/ipc/result';
import { signInRefusalOf, type SignInRefusal } from '../../shared/ipc/teamServer';
import type { Platform } from './platform';
import { ServerUnreachableError, SignInError, type ServerTransport } from './server';

// The browser transport's wording, keyed by SignInError's codes: a refusal main can send that
// SignInError cannot name fails to compile below.
const SIGN_IN_MESSAGES: Readonly<Record<SignInError['code'], string>> = {
  'auth.invalid': 'Wrong e-mail or password.',
  'rate.limited': 'Too many attempts: wait a minute.',
  'server.error': 'The server had a problem.',
  'server.invalid': 'This address does not answer like an SDR Desk server.',
  'url.invalid': 'Use the https:// address of your team server (http:// only for this computer).',
};

/** The errors the browser transport throws, from the DesktopError main answered with. */
function asServerError(error: unknown): unknown {
  if (desktopErrorCode(error) === 'UNREACHABLE') return new ServerUnreachableError();
  const refusal: SignInRefusal | null = signInRefusalOf(error);
  return refusal === null ? error : new SignInError(refusal, SIGN_IN_MESSAGES[refusal]);
}

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asServerError(error);
  }
}

/** The main process does the HTTP and keeps the token; any team server may be chosen, so none is fixed. */
function createDesktopServerTransport(desktop: { readonly server: DesktopServerApi }): ServerTransport {
  return {
    fixedServerUrl: null,
    signIn: (serverUrl, email, password) => translated(() => desktop.server.signIn(serverUrl, email, password)),
    signOut: () => translated(() => desktop.server.signOut()),
    request: (method, path, body) => translated(() => desktop.server.request(method, path, body)),
  };
}

/** Electron: everything goes through the preload's window.desktop, over validated IPC. */
export function createDesktopPlatform(desktop: DesktopApi): Platform {
  return {
    kind: 'desktop',
    systemLocale: async () => (await desktop.getAppInfo()).locale,
    openExternal: (url) => desktop.openExternal(url),
    onCommand: (listener) => desktop.onCommand(listener),
    onDeepLink: (listener) => desktop.onDeepLink(listener),
    setMenuLabels: (language, labels, menuTitles) => desktop.setMenuLabels({ language, labels, menuTitles }),
    notify: (title, body) => desktop.showNotification({ title, body }),
    server: createDesktopServerTransport(desktop),
    // Main keeps it (safeStorage, or main's memory); the page holds no copy between calls.
    sipSecret: desktop.sipSecret,
  };
}

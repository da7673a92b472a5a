import { validateExternalLink } from '../../shared/ipc/externalLinks';
import { MAX_SIP_PASSWORD_LENGTH, sipPasswordSchema } from '../../shared/ipc/schemas';
import { AccountViewSchema } from '../../shared/model/account';
import type { Platform, SipSecretStore } from './platform';
import { ServerUnreachableError, SignInError, type ServerResponse, type ServerTransport } from './server';

/**
 * Precaches the app (service worker built by vite-plugin-pwa) so browser mode opens and reloads
 * with no network. Served over http(s) only: Electron loads the app from app:// on disk.
 */
export async function registerOfflineCache(): Promise<void> {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || import.meta.env.DEV) return;
  await navigator.serviceWorker.register('./sw.js');
}

/** Browser mode: the same app in a tab (end-to-end tests, team leads reviewing from a browser). */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    systemLocale: async () => navigator.languages[0] ?? navigator.language,
    openExternal: async (url) => {
      const checked = validateExternalLink(url);
      if (!checked.ok) throw new Error(`Link refused: ${checked.reason}`);
      if (checked.url.startsWith('https:')) {
        window.open(checked.url, '_blank', 'noopener,noreferrer');
        return;
      }
      // tel: and mailto: go to the system's handler through a link click, which keeps this page.
      const anchor = document.createElement('a');
      anchor.href = checked.url;
      anchor.rel = 'noopener';
      anchor.click();
    },
    onCommand: () => () => undefined,
    onDeepLink: () => () => undefined,
    setMenuLabels: async () => undefined,
    notify: async (title, body) => {
      if (typeof Notification === 'undefined') return;
      const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
      if (permission === 'granted') new Notification(title, { body });
    },
    server: createBrowserServerTransport(location.origin),
    sipSecret: createBrowserSipSecretStore(tabSessionStorage()),
  };
}

export const SIP_PASSWORD_KEY = 'sdrdesk.sipPassword';

/** null where the browser refuses storage (disabled by policy, some private modes): reading it throws. */
function tabSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * A tab has no keychain, so the SIP password lives only as long as the tab: sessionStorage keeps
 * it across reloads, never across a closed tab. Where storage is refused or full, the page's
 * memory keeps it until the page goes. The same rules as the desktop app's IPC contract, so a
 * password one build accepts the other does not refuse.
 */
export function createBrowserSipSecretStore(storage: Storage | null): SipSecretStore {
  // undefined: sessionStorage not read yet. After that, memory is what this page believes.
  let remembered: string | null | undefined;

  const read = (): string | null => {
    try {
      const stored = storage?.getItem(SIP_PASSWORD_KEY) ?? null;
      return stored !== null && sipPasswordSchema.safeParse(stored).success ? stored : null;
    } catch {
      return null;
    }
  };

  const write = (password: string | null): void => {
    if (storage === null) return;
    try {
      if (password === null) storage.removeItem(SIP_PASSWORD_KEY);
      else storage.setItem(SIP_PASSWORD_KEY, password);
    } catch {
      // Quota or refusal: memory holds the new value, and an older copy must not return on reload.
      try {
        storage.removeItem(SIP_PASSWORD_KEY);
      } catch {
        // Nothing more to try; this page still has the new value in memory.
      }
    }
  };

  return {
    persistence: async () => 'session',
    get: async () => {
      if (remembered === undefined) remembered = read();
      return remembered;
    },
    set: async (password) => {
      if (password !== null && !sipPasswordSchema.safeParse(password).success) {
        throw new RangeError(`A SIP password has 1 to ${MAX_SIP_PASSWORD_LENGTH} characters`);
      }
      remembered = password;
      write(password);
    },
  };
}

/**
 * fetch against the server that served this page, with the HttpOnly session cookie it sets
 * (SameSite=Strict: the page's own origin only, which the CSP's connect-src 'self' also demands).
 */
export function createBrowserServerTransport(origin: string): ServerTransport {
  const call = async (method: string, path: string, body?: unknown): Promise<ServerResponse> => {
    let response: Response;
    try {
      response = await fetch(`${origin}${path}`, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new ServerUnreachableError();
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = null;
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, body: parsed, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
  };
  return {
    fixedServerUrl: origin,
    signIn: async (_serverUrl, email, password) => {
      const res = await call('POST', '/api/auth/login', { email, password, session: 'cookie' });
      if (res.status === 401) throw new SignInError('auth.invalid', 'Wrong e-mail or password.');
      if (res.status === 429) throw new SignInError('rate.limited', 'Too many attempts: wait a minute.');
      if (res.status >= 500) throw new SignInError('server.error', 'The server had a problem.');
      const user = AccountViewSchema.safeParse((res.body as { user?: unknown } | null)?.user);
      if (res.status !== 200 || !user.success) throw new SignInError('server.invalid', 'This address does not answer like an SDR Desk server.');
      return { serverUrl: origin, user: user.data };
    },
    signOut: async () => {
      await call('POST', '/api/auth/logout').catch(() => undefined);
    },
    request: (method, path, body) => call(method, path, body),
  };
}

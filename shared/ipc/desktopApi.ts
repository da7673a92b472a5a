/**
 * window.desktop: the one object the preload exposes to the renderer. The renderer declares
 * `window.desktop` itself (only renderer/platform/ may use it) with this type.
 *
 * Invoke methods resolve with the value or reject with a DesktopError (see result.ts);
 * subscriptions return their own unsubscribe and hand the listener only the payload.
 */
import type { CommandId } from './commands';
import type { DeepLinkTarget } from './deepLink';
import type { AppInfo, MenuLabels, NotificationRequest, ServerReply, ServerSessionInfo, SipSecretPersistence } from './schemas';

export type Unsubscribe = () => void;

/**
 * The team server, reached through the main process: main does the HTTP and keeps the session
 * token (in safeStorage); the page never sees it. Failures reject with a DesktopError:
 * UNREACHABLE (no answer), SIGN_IN_REFUSED (message = a SignInRefusal, read it with
 * signInRefusalOf), INVALID_ARGUMENT (a bad path or body).
 */
export interface DesktopServerApi {
  /** serverUrl: https://host[:port] (http:// only for localhost); anything else is refused as url.invalid. */
  readonly signIn: (serverUrl: string, email: string, password: string) => Promise<ServerSessionInfo>;
  /** Revokes the session on the server when it answers and forgets it here; INTERNAL only if the saved file cannot be deleted. */
  readonly signOut: () => Promise<void>;
  /** With the session's token; signed out, it answers 401 auth.required as the server would. */
  readonly request: (method: 'GET' | 'POST' | 'PUT', path: `/api/${string}`, body?: unknown) => Promise<ServerReply>;
  /** The stored session, if any (kept from an earlier run when safeStorage could encrypt it). */
  readonly session: () => Promise<ServerSessionInfo | null>;
}

/**
 * The softphone's SIP password, kept by the main process: encrypted with safeStorage in userData
 * ('keychain'), or only in main's memory until quit when the OS offers no real encryption
 * ('session'). get() is the only way it comes back to the page.
 */
export interface DesktopSipSecretApi {
  readonly persistence: () => Promise<SipSecretPersistence>;
  readonly get: () => Promise<string | null>;
  /** null forgets it. 1–256 characters, else INVALID_ARGUMENT; INTERNAL when it cannot be saved or deleted (nothing changes then). */
  readonly set: (password: string | null) => Promise<void>;
}

export interface DesktopApi {
  readonly getAppInfo: () => Promise<AppInfo>;
  /** Only tel:, mailto: and https: links pass (externalLinks.ts); others reject with LINK_REFUSED. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Localizes the application menu; until called, the menu shows the English defaults. */
  readonly setMenuLabels: (labels: MenuLabels) => Promise<void>;
  readonly showNotification: (notification: NotificationRequest) => Promise<void>;
  /** A menu item or its accelerator was used. */
  readonly onCommand: (listener: (command: CommandId) => void) => Unsubscribe;
  /**
   * An sdrdesk:// link was opened. Links that arrive before the first listener subscribes
   * (e.g. the one the app was launched with) are kept and delivered to it.
   */
  readonly onDeepLink: (listener: (target: DeepLinkTarget) => void) => Unsubscribe;
  readonly server: DesktopServerApi;
  readonly sipSecret: DesktopSipSecretApi;
}

import type { CommandId, CommandLabels, MenuTitles } from '../../shared/ipc/commands';
import type { DeepLinkTarget } from '../../shared/ipc/deepLink';
import type { ServerTransport } from './server';

/**
 * Everything the app needs from where it runs. The same renderer build runs in Electron
 * (desktop: window.desktop over IPC) and in a browser tab (browser: web APIs); only this folder
 * knows which.
 */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  systemLocale(): Promise<string>;
  /** tel:, mailto: and https: only; anything else is refused. */
  openExternal(url: string): Promise<void>;
  /** Menu commands from the desktop shell; the browser has none. Returns an unsubscribe. */
  onCommand(listener: (id: CommandId) => void): () => void;
  /** sdrdesk:// links opened from elsewhere (a CRM, an e-mail); the browser has none. */
  onDeepLink(listener: (target: DeepLinkTarget) => void): () => void;
  /** Gives the desktop menu its labels in the UI language. */
  setMenuLabels(language: 'zh-CN' | 'en', labels: CommandLabels, menuTitles: MenuTitles): Promise<void>;
  notify(title: string, body: string): Promise<void>;
  /** The team server (sign-in and sync). */
  readonly server: ServerTransport;
  /** Where the softphone's SIP password is kept. */
  readonly sipSecret: SipSecretStore;
}

/**
 * The SIP password never goes into IndexedDB. The desktop app's main process keeps it encrypted
 * with the OS keychain (safeStorage); a browser tab keeps it only for its session.
 */
export interface SipSecretStore {
  /** 'keychain': kept encrypted across restarts; 'session': forgotten when the app or tab closes. */
  persistence(): Promise<'keychain' | 'session'>;
  get(): Promise<string | null>;
  /** null forgets it. */
  set(password: string | null): Promise<void>;
}

/**
 * window.desktop: the one object the preload exposes to the renderer. The renderer declares
 * `window.desktop` itself (only renderer/platform/ may use it) with this type.
 *
 * Invoke methods resolve with the value or reject with a DesktopError (see result.ts);
 * subscriptions return their own unsubscribe and hand the listener only the payload.
 */
import type { CommandId } from './commands';
import type { DeepLinkTarget } from './deepLink';
import type { AppInfo, MenuLabels, NotificationRequest } from './schemas';

export type Unsubscribe = () => void;

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
}

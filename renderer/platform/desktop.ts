import type { DesktopApi } from '../../shared/ipc/desktopApi';
import type { Platform } from './platform';

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
  };
}

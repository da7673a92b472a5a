import { validateExternalLink } from '../../shared/ipc/externalLinks';
import type { Platform } from './platform';

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
  };
}

import { validateExternalLink } from '../../shared/ipc/externalLinks';
import type { Platform } from './platform';

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
    setMenuLabels: async () => undefined,
    notify: async (title, body) => {
      if (typeof Notification === 'undefined') return;
      const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
      if (permission === 'granted') new Notification(title, { body });
    },
  };
}

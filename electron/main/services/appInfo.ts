import type { App } from 'electron';
import type { AppInfo } from '../../../shared/ipc/schemas';

/**
 * The renderer picks zh-CN or en on first run from `locale`. The OS's preferred languages are
 * what the user chose; app.getLocale() (Chromium's UI locale) is the fallback.
 */
export function readAppInfo(
  app: Pick<App, 'getVersion' | 'getLocale' | 'getPreferredSystemLanguages'>,
  platform: string,
): AppInfo {
  const locale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  return { version: app.getVersion(), platform, locale: locale === '' ? 'en' : locale };
}

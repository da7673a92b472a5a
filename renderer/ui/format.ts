import type { TFunction } from 'i18next';

/** "3 min", "5 h", "2 d": how long an inbound lead has waited for its first call. */
export function formatAge(ms: number, t: TFunction): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('time.hours', { count: hours });
  return t('time.days', { count: Math.floor(hours / 24) });
}

export function formatDateTime(ms: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(ms);
}

/** The lead's wall-clock time, or null for an unknown zone. */
export function formatLocalTime(ms: number, language: string, timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(language, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
  } catch {
    return null;
  }
}

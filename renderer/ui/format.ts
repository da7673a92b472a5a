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

/** "14:37" today, with the date on other days: for "last synced" where today is the usual case. */
export function formatRecent(ms: number, language: string, now: number): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(language, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The lead's wall-clock time, or null for an unknown zone. */
export function formatLocalTime(ms: number, language: string, timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(language, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
  } catch {
    return null;
  }
}

/** "04:07", "1:02:09": a call's running time. */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const h = Math.floor(m / 60);
  const mm = String(m % 60).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The value an <input type="date"> shows for this moment in the user's own zone. */
export function localDateInputValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** The value an <input type="datetime-local"> shows for this moment in the user's own zone. */
export function localDateTimeInputValue(ms: number): string {
  const d = new Date(ms);
  return `${localDateInputValue(ms)}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

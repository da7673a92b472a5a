import { z } from 'zod';

/**
 * Report and review periods are whole days in a time zone: the SDR in Shanghai and the lead in
 * Berlin mean their own midnight. Bounds are computed with Intl so daylight saving is right.
 */

export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-11-29' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 2000 && y <= 2100;
  }, { error: 'is not a calendar date' });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, { error: 'is not a time zone (use a name such as Asia/Shanghai)' });

/** The period's fields, for schemas that take a period among other parameters. */
export const PERIOD_FIELDS = { from: DateSchema, to: DateSchema, tz: TimeZoneSchema };

/** Refines a schema holding PERIOD_FIELDS: in order, and at most a year long. */
export function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (p.to < p.from) ctx.addIssue({ code: 'custom', message: 'the period ends before it starts', path: ['to'] });
  else if (dayNumber(p.to) - dayNumber(p.from) + 1 > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', message: `the period is longer than ${MAX_PERIOD_DAYS} days`, path: ['to'] });
}

export const PeriodSchema = z.object(PERIOD_FIELDS).superRefine(checkPeriod);
export type Period = z.infer<typeof PeriodSchema>;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (Shanghai: +8 h). */
export function zoneOffsetMs(at: number, tz: string): number {
  let format = offsetFormatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(tz, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day starts in a zone. */
export function startOfDay(date: string, tz: string): number {
  const guess = dayNumber(date) * DAY_MS;
  const first = guess - zoneOffsetMs(guess, tz);
  // Once more at the found instant: the offset may differ there (a DST change that day).
  return guess - zoneOffsetMs(first, tz);
}

/** [start, end) of the period in epoch ms: from's midnight to the midnight after `to`. */
export function periodBounds(period: Period): { startMs: number; endMs: number } {
  const next = new Date((dayNumber(period.to) + 1) * DAY_MS).toISOString().slice(0, 10);
  return { startMs: startOfDay(period.from, period.tz), endMs: startOfDay(next, period.tz) };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(at: number, tz: string): string {
  return new Date(at + zoneOffsetMs(at, tz)).toISOString().slice(0, 10);
}

/** Every day of the period, in order. */
export function periodDays(period: Pick<Period, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let d = dayNumber(period.from); d <= dayNumber(period.to); d++) days.push(new Date(d * DAY_MS).toISOString().slice(0, 10));
  return days;
}

import { localDate } from '../../../shared/rules/period';

/** The quick periods a team lead picks most; each ends today except the last full quarter. */
export const PERIOD_PRESETS = ['last7', 'last30', 'thisMonth', 'lastQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const iso = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** The dates of a preset, counted from today in the team lead's own time zone. */
export function presetRange(preset: PeriodPreset, now: number, tz: string): DateRange {
  const today = localDate(now, tz);
  const [year, month] = parts(today);
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: iso(Date.UTC(year, month - 1, 1)), to: today };
    case 'lastQuarter': {
      const quarterStartMonth = Math.floor((month - 1) / 3) * 3;
      // Date.UTC carries a negative month into the previous year.
      return { from: iso(Date.UTC(year, quarterStartMonth - 3, 1)), to: iso(Date.UTC(year, quarterStartMonth, 1) - DAY_MS) };
    }
    case 'thisYear':
      return { from: iso(Date.UTC(year, 0, 1)), to: today };
  }
}

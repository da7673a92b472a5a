import { MAX_PERIOD_DAYS, PeriodSchema, periodDays, type Period } from '../../../shared/rules/period';

/** Why a period cannot be asked for, and which field the message belongs next to. */
export type PeriodProblem =
  | { readonly field: 'from' | 'to'; readonly reason: 'badDate' }
  | { readonly field: 'to'; readonly reason: 'reversed' }
  | { readonly field: 'to'; readonly reason: 'tooLong'; readonly days: number; readonly max: number }
  | { readonly field: 'tz'; readonly reason: 'badZone' };

export type PeriodCheck = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly problem: PeriodProblem };

/**
 * The server's own rules (PeriodSchema), checked before asking so a reversed or over-long period
 * gets a message next to the field instead of a round trip. The schema's messages are English, so
 * each field is checked on its own first and the dates then tell which message to show.
 */
export function checkPeriod(from: string, to: string, tz: string): PeriodCheck {
  const { shape } = PeriodSchema;
  if (!shape.from.safeParse(from).success) return { ok: false, problem: { field: 'from', reason: 'badDate' } };
  if (!shape.to.safeParse(to).success) return { ok: false, problem: { field: 'to', reason: 'badDate' } };
  if (!shape.tz.safeParse(tz).success) return { ok: false, problem: { field: 'tz', reason: 'badZone' } };
  const parsed = PeriodSchema.safeParse({ from, to, tz });
  if (parsed.success) return { ok: true, period: parsed.data };
  if (to < from) return { ok: false, problem: { field: 'to', reason: 'reversed' } };
  return { ok: false, problem: { field: 'to', reason: 'tooLong', days: periodDays({ from, to }).length, max: MAX_PERIOD_DAYS } };
}

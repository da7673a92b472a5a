import { MAX_PERIOD_DAYS, PeriodSchema, localDate, type Period } from '../../../shared/rules/period';

/**
 * What the team lead filters the review list by, as the form holds it: '' is "any"; choices come
 * from the form's options and the server checks them again.
 */
export interface ReviewFilters {
  readonly from: string;
  readonly to: string;
  readonly sdr: string;
  readonly disposition: string;
  readonly channel: string;
  readonly tag: string;
  readonly script: string;
  readonly outcome: string;
  readonly reviewed: string;
  /** As typed; the request uses it trimmed, after the typing pauses. */
  readonly search: string;
}

export const PAGE_SIZE = 50;
export const DEFAULT_PERIOD_DAYS = 30;

/** The zone whose midnights the period means: the reviewer's own. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The last 30 days, today included, as the reviewer's calendar has them. */
export function defaultFilters(now: number, tz: string): ReviewFilters {
  const to = localDate(now, tz);
  return { from: addDays(to, 1 - DEFAULT_PERIOD_DAYS), to, sdr: '', disposition: '', channel: '', tag: '', script: '', outcome: '', reviewed: '', search: '' };
}

export function hasNarrowingFilters(filters: ReviewFilters): boolean {
  return [filters.sdr, filters.disposition, filters.channel, filters.tag, filters.script, filters.outcome, filters.reviewed, filters.search.trim()].some((v) => v !== '');
}

export type PeriodField = 'from' | 'to';
export type PeriodCheck = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly field: PeriodField; readonly message: string };

/** The same check the server makes, so a reversed period is shown without asking it. */
export function checkPeriod(from: string, to: string, tz: string): PeriodCheck {
  const parsed = PeriodSchema.safeParse({ from, to, tz });
  if (parsed.success) return { ok: true, period: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path[0] === 'from' ? 'from' : 'to';
  return { ok: false, field, message: issue?.message ?? 'invalid' };
}

/**
 * The query string of GET /api/review/calls for one list (without its page cursor), parameters in
 * a fixed order so that the same filters always make the same string.
 */
export function reviewQueryString(period: Period, filters: ReviewFilters): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, tz: period.tz });
  const optional: readonly (readonly [string, string])[] = [
    ['sdr', filters.sdr],
    ['disposition', filters.disposition],
    ['channel', filters.channel],
    ['tag', filters.tag],
    ['script', filters.script],
    ['outcome', filters.outcome],
    ['reviewed', filters.reviewed],
    ['q', filters.search.trim()],
  ];
  for (const [name, value] of optional) if (value !== '') params.set(name, value);
  return params.toString();
}

/** One page of that list. */
export function pageQueryString(query: string, cursor: string | null): string {
  const params = new URLSearchParams(query);
  if (cursor !== null) params.set('cursor', cursor);
  params.set('limit', String(PAGE_SIZE));
  return params.toString();
}

/** A message key of the 'review' namespace, with what it interpolates. */
export interface Message {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/**
 * What to say about a period field: the shared schema's (and so the server's) English messages in
 * the user's language; a message this client does not know is shown as the server wrote it.
 */
export function periodMessage(message: string): Message {
  if (message === 'the period ends before it starts') return { key: 'period.reversed' };
  if (message === `the period is longer than ${MAX_PERIOD_DAYS} days`) return { key: 'period.tooLong', values: { days: MAX_PERIOD_DAYS } };
  if (message.startsWith('must be a date') || message === 'is not a calendar date' || message.startsWith('Invalid input')) return { key: 'period.invalidDate' };
  return { key: 'period.other', values: { message } };
}

/** Number formats of the reports, pure so the rounding rules are tested without React. */

export type DurationUnit = 'd' | 'h' | 'min' | 's';
export interface DurationPart {
  readonly unit: DurationUnit;
  readonly value: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * "45 s", "4 min", "2 h 10 min", "3 d 4 h": at most two units, the smaller one rounded, so a
 * speed to lead reads at a glance. Rounding up to the next unit moves to that unit's form.
 */
export function durationParts(ms: number): readonly DurationPart[] {
  if (ms < MINUTE) return [{ unit: 's', value: Math.round(Math.max(0, ms) / 1000) }];
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return [{ unit: 'min', value: minutes }];
  if (minutes < 24 * 60) {
    const parts: DurationPart[] = [{ unit: 'h', value: Math.floor(minutes / 60) }];
    if (minutes % 60 > 0) parts.push({ unit: 'min', value: minutes % 60 });
    return parts;
  }
  const hours = Math.round(ms / HOUR);
  const parts: DurationPart[] = [{ unit: 'd', value: Math.floor(hours / 24) }];
  if (hours % 24 > 0) parts.push({ unit: 'h', value: hours % 24 });
  return parts;
}

/** "3:07": hours and minutes of talk, the way a team lead compares SDRs' phone time. */
export function formatTalkTime(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatPercent(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A difference of two rates in percentage points, signed: "+12.5", "-3", "0". */
export function formatPoints(difference: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(roundPoints(difference));
}

/** Percentage points to one decimal, as the CSV carries them. */
export function roundPoints(difference: number): number {
  return Math.round(difference * 1000) / 10;
}

/** part / whole, or null when there is nothing to divide (shown as a dash, never as 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

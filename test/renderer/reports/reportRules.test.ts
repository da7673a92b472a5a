import { describe, expect, it } from 'vitest';
import { checkPeriod } from '../../../renderer/features/reports/periodCheck';
import { presetRange } from '../../../renderer/features/reports/periodPresets';
import { durationParts, formatPoints, formatTalkTime } from '../../../renderer/features/reports/reportFormat';
import { scriptInsightRows } from '../../../renderer/features/reports/scriptInsight';
import { sortRows } from '../../../renderer/features/reports/sortRows';
import { SCRIPTS, TEAM_REPORT } from './teamReportFixture';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('durationParts', () => {
  it.each([
    [45_000, '45 s'],
    [4 * MIN, '4 min'],
    [59 * MIN + 40_000, '1 h'],
    [2 * HOUR + 10 * MIN, '2 h 10 min'],
    [23 * HOUR + 59.7 * MIN, '1 d'],
    [3 * 24 * HOUR, '3 d'],
    [3 * 24 * HOUR + 4 * HOUR + 10 * MIN, '3 d 4 h'],
  ])('%i ms reads "%s"', (ms, expected) => {
    expect(
      durationParts(ms)
        .map((p) => `${p.value} ${p.unit}`)
        .join(' '),
    ).toBe(expected);
  });
});

describe('number formats', () => {
  it('shows talk time as hours:minutes', () => {
    expect(formatTalkTime(45_000)).toBe('12:30');
    expect(formatTalkTime(29)).toBe('0:00');
    expect(formatTalkTime(3_570)).toBe('1:00');
  });

  it('signs a difference in percentage points', () => {
    expect(formatPoints(0.65, 'en')).toBe('+65');
    expect(formatPoints(-0.125, 'en')).toBe('-12.5');
    expect(formatPoints(0, 'en')).toBe('0');
  });
});

describe('presetRange', () => {
  // 02:00 in Shanghai on 1 January 2027 is still 31 December 2026 in UTC.
  const newYearInShanghai = Date.UTC(2026, 11, 31, 18);

  it('counts from today in the team lead’s zone', () => {
    expect(presetRange('last7', newYearInShanghai, 'Asia/Shanghai')).toEqual({ from: '2026-12-26', to: '2027-01-01' });
    expect(presetRange('last7', newYearInShanghai, 'UTC')).toEqual({ from: '2026-12-25', to: '2026-12-31' });
  });

  it('takes the previous full quarter, across a year boundary', () => {
    expect(presetRange('lastQuarter', newYearInShanghai, 'Asia/Shanghai')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('lastQuarter', Date.UTC(2026, 4, 15, 12), 'UTC')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('starts this month and this year on their first day', () => {
    const now = Date.UTC(2026, 1, 28, 12);
    expect(presetRange('thisMonth', now, 'UTC')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('thisYear', now, 'UTC')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(presetRange('last30', now, 'UTC')).toEqual({ from: '2026-01-30', to: '2026-02-28' });
  });
});

describe('checkPeriod', () => {
  it('accepts a period the server accepts', () => {
    expect(checkPeriod('2026-01-01', '2026-12-31', 'Asia/Shanghai')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-12-31', tz: 'Asia/Shanghai' } });
  });

  it('says which field is wrong and why', () => {
    expect(checkPeriod('', '2026-11-30', 'UTC')).toEqual({ ok: false, problem: { field: 'from', reason: 'badDate' } });
    expect(checkPeriod('2026-11-01', '2026-02-30', 'UTC')).toEqual({ ok: false, problem: { field: 'to', reason: 'badDate' } });
    expect(checkPeriod('2026-11-30', '2026-11-01', 'UTC')).toEqual({ ok: false, problem: { field: 'to', reason: 'reversed' } });
    expect(checkPeriod('2025-01-01', '2026-01-01', 'UTC').ok).toBe(true);
    expect(checkPeriod('2025-01-01', '2026-01-02', 'UTC')).toEqual({ ok: false, problem: { field: 'to', reason: 'tooLong', days: 367, max: 366 } });
    expect(checkPeriod('2026-11-01', '2026-11-30', 'Mars/Olympus')).toEqual({ ok: false, problem: { field: 'tz', reason: 'badZone' } });
  });
});

describe('scriptInsightRows', () => {
  const rows = scriptInsightRows(TEAM_REPORT.scriptInsight, SCRIPTS);

  it('uses the newest version that still has the question, else the ids', () => {
    expect(rows.map((r) => [r.scriptName, r.prompt])).toEqual([
      ['挖掘话术 v2', '今年这个项目的预算大概是多少？'],
      ['挖掘话术 v2', '什么时候上线？'],
      ['retired', 'pain'],
    ]);
  });

  it('orders by the difference and highlights only positive ones', () => {
    expect(rows.map((r) => [r.difference, r.highlighted])).toEqual([
      [0.9 - 0.25, true],
      [0, false],
      [null, false],
    ]);
  });
});

describe('sortRows', () => {
  const rows = [
    { name: 'b', rate: 0.2 },
    { name: 'a', rate: null },
    { name: 'c', rate: 0.5 },
  ];

  it('puts rows without a value last in both directions', () => {
    expect(sortRows(rows, (r) => r.rate, 'descending', 'en').map((r) => r.name)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, (r) => r.rate, 'ascending', 'en').map((r) => r.name)).toEqual(['b', 'c', 'a']);
  });

  it('compares text in the UI language, numbers inside it by value', () => {
    expect(sortRows([{ n: 'SDR 10' }, { n: 'SDR 9' }], (r) => r.n, 'ascending', 'en').map((r) => r.n)).toEqual(['SDR 9', 'SDR 10']);
  });
});

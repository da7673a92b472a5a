import { describe, expect, it } from 'vitest';
import { toCsvTable, type Column, type ReportFormat } from '../../../renderer/features/reports/reportColumns';
import { buildReportCsv, reportCsvFileName } from '../../../renderer/features/reports/reportCsv';

const decode = (csv: string) => csv.replace(/^\uFEFF/, '');

describe('buildReportCsv', () => {
  it('starts with a UTF-8 BOM and keeps Chinese as typed', () => {
    const csv = buildReportCsv({ headers: ['退回原因', '被退回数'], rows: [['预算不足，明年再说', 3]] });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(decode(csv)).toBe('退回原因,被退回数\r\n预算不足，明年再说,3\r\n');
  });

  it.each([
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+86 138 0000 0000', `"'+86 138 0000 0000"`],
    ['-1+2', `"'-1+2"`],
    ['@cmd', `"'@cmd"`],
  ])('puts an apostrophe before a text cell starting like a formula: %s', (cell, expected) => {
    expect(decode(buildReportCsv({ headers: ['Campaign'], rows: [[cell]] }))).toBe(`Campaign\r\n${expected}\r\n`);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(decode(buildReportCsv({ headers: ['Difference (pts)'], rows: [[-12.5]] }))).toBe('Difference (pts)\r\n-12.5\r\n');
  });

  it('quotes commas, quotes and line breaks people typed', () => {
    expect(decode(buildReportCsv({ headers: ['Reason'], rows: [['No budget, "maybe" next year\nCall in Q3']] }))).toBe('Reason\r\n"No budget, ""maybe"" next year\nCall in Q3"\r\n');
  });

  it('names the file after the period and the table', () => {
    expect(reportCsvFileName({ from: '2026-11-01', to: '2026-11-30' }, 'sdrs')).toBe('sdr-report-2026-11-01_2026-11-30-sdrs.csv');
  });
});

describe('toCsvTable', () => {
  const format: ReportFormat = {
    language: 'en',
    count: (n) => n.toLocaleString('en'),
    rate: (r) => `${Math.round(r * 1000) / 10}%`,
    points: (d) => `${d > 0 ? '+' : ''}${Math.round(d * 1000) / 10}`,
    duration: (ms) => `${Math.round(ms / 60_000)} min`,
    talk: () => '1:05',
    date: () => 'Mon, Nov 2',
    missing: '—',
  };
  interface Row {
    readonly name: string;
    readonly dials: number;
    readonly rate: number | null;
    readonly diff: number;
    readonly speed: number | null;
    readonly day: string;
  }
  const columns: readonly Column<Row>[] = [
    { id: 'name', label: 'SDR', kind: 'text', value: (r) => r.name },
    { id: 'dials', label: 'Dials', kind: 'count', value: (r) => r.dials },
    { id: 'rate', label: 'Connect rate', kind: 'rate', value: (r) => r.rate },
    { id: 'diff', label: 'Difference (pts)', kind: 'points', value: (r) => r.diff },
    { id: 'speed', label: 'Speed', kind: 'duration', value: (r) => r.speed },
    { id: 'day', label: 'Day', kind: 'date', value: (r) => r.day },
  ];

  it('exports counts and dates as Excel reads them, rates as shown, missing values empty', () => {
    const table = toCsvTable(columns, [{ name: '李雷', dials: 1234, rate: 0.2431, diff: -0.125, speed: null, day: '2026-11-02' }], format);
    expect(table).toEqual({ headers: ['SDR', 'Dials', 'Connect rate', 'Difference (pts)', 'Speed', 'Day'], rows: [['李雷', 1234, '24.3%', -12.5, '', '2026-11-02']] });
  });
});

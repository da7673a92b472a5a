import type { ReactNode } from 'react';
import type { CsvCell, CsvTable } from './reportCsv';
import { roundPoints } from './reportFormat';

/**
 * How a column's value reads. 'count': an integer; 'rate': a fraction 0–1; 'points': a difference
 * of two rates; 'duration': ms; 'talk': seconds; 'date': YYYY-MM-DD; 'text': shown as is.
 */
export type CellKind = 'text' | 'count' | 'rate' | 'points' | 'duration' | 'talk' | 'date';
export type CellValue = string | number | null;

export interface Column<Row> {
  readonly id: string;
  /** The header, in the UI's language (the CSV's header too). */
  readonly label: string;
  readonly kind: CellKind;
  /** What the cell shows (formatted by kind), what sorting compares and what the CSV carries. */
  readonly value: (row: Row) => CellValue;
  /** Text that needs room to stay readable (a question's words) rather than wrapping word by word. */
  readonly wide?: boolean;
  /** Shown after the cell's text, e.g. a highlight badge; not exported. */
  readonly extra?: (row: Row) => ReactNode;
}

/** The UI language's formats, built once per render by useReportFormat. */
export interface ReportFormat {
  readonly language: string;
  readonly count: (n: number) => string;
  readonly rate: (rate: number) => string;
  /** Percentage points, signed; the column's header names the unit. */
  readonly points: (difference: number) => string;
  readonly duration: (ms: number) => string;
  readonly talk: (seconds: number) => string;
  readonly date: (date: string) => string;
  /** What a missing value shows: a rate with nothing to divide, no speed to lead yet. */
  readonly missing: string;
}

export function cellText(kind: CellKind, value: CellValue, format: ReportFormat): string {
  if (value === null) return format.missing;
  if (typeof value === 'string') return kind === 'date' ? format.date(value) : value;
  switch (kind) {
    case 'count':
      return format.count(value);
    case 'rate':
      return format.rate(value);
    case 'points':
      return format.points(value);
    case 'duration':
      return format.duration(value);
    case 'talk':
      return format.talk(value);
    default:
      return String(value);
  }
}

/**
 * Counts as plain numbers and dates as YYYY-MM-DD (Excel sorts and sums them); the rest as the
 * table shows it, so the file reads like the screen. Missing values are empty cells.
 */
export function csvCell(kind: CellKind, value: CellValue, format: ReportFormat): CsvCell {
  if (value === null) return '';
  if (kind === 'count' || kind === 'date') return value;
  if (kind === 'points' && typeof value === 'number') return roundPoints(value);
  return cellText(kind, value, format);
}

export function toCsvTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], format: ReportFormat): CsvTable {
  return {
    headers: columns.map((c) => c.label),
    rows: rows.map((row) => columns.map((c) => csvCell(c.kind, c.value(row), format))),
  };
}

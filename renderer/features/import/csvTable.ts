import Papa from 'papaparse';
import type { Delimiter, FileProblem } from './types';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;

export interface CsvRow {
  /** As Excel numbers it: the header is row 1, the first data row is row 2. */
  readonly rowNumber: number;
  readonly cells: readonly string[];
  /** Papaparse saw a quote in the middle of a quoted value; the cells may be cut wrongly. */
  readonly badQuotes: boolean;
}

export interface CsvTable {
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}

export type CsvTableResult = { readonly ok: true; readonly table: CsvTable } | { readonly ok: false; readonly problem: FileProblem };

/**
 * Parses decoded CSV text into a header and data rows. Rows are parsed as arrays, not objects, so
 * that two columns with the same header (two "电话" columns are common) both survive in order.
 * Blank lines are dropped after parsing, not by papaparse, so row numbers keep matching Excel's.
 */
export function parseCsvTable(text: string): CsvTableResult {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  // An unclosed quote swallows every later line into one value: importing "the rest" would
  // silently drop rows, so the file is refused and the row named.
  if (unclosed) return { ok: false, problem: { code: 'unclosedQuote', row: (unclosed.row ?? 0) + 1 } };
  const badQuoteRows = new Set(parsed.errors.filter((e) => e.code === 'InvalidQuotes').map((e) => e.row));

  const [headerCells, ...records] = parsed.data;
  if (!headerCells || isBlank(headerCells)) return { ok: false, problem: { code: 'empty' } };
  const rows: CsvRow[] = [];
  records.forEach((cells, i) => {
    if (isBlank(cells)) return;
    rows.push({ rowNumber: i + 2, cells, badQuotes: badQuoteRows.has(i + 1) });
  });
  if (rows.length === 0) return { ok: false, problem: { code: 'noDataRows' } };
  if (rows.length > MAX_ROWS) return { ok: false, problem: { code: 'tooManyRows', rows: rows.length, max: MAX_ROWS } };
  return { ok: true, table: { delimiter, headers: headerCells.map((h) => h.trim()), rows } };
}

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];

/**
 * The delimiter is the candidate that occurs most often in the header line (outside quotes); ties
 * go to the comma. Papaparse's own guess needs consistent field counts over the first lines, which
 * Excel files with blank lines or ragged rows do not always have.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  let lineHasContent = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (lineHasContent) break;
    } else if (!quoted && CANDIDATES.includes(ch as Delimiter)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== '') lineHasContent = true;
  }
  let best: Delimiter = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

import { guessColumnMapping } from './columnMapping';
import { MAX_FILE_BYTES, parseCsvTable, type CsvTableResult } from './csvTable';
import { decodeCsvBytes } from './decodeCsvBytes';
import type { AnalyzeResult, ColumnMapping, DetectedEncoding, ValidateResult, ValidationContext } from './types';
import { validateRows } from './validateRows';

/**
 * The CPU-heavy steps of an import, as plain functions of the file's bytes. The import worker runs
 * them off the UI thread; tests and environments without workers call them directly. Both steps
 * decode and parse the file again rather than keeping state between calls: parsing is a fraction
 * of the validation cost, and a stateless worker can simply be terminated to cancel.
 */
export const PREVIEW_ROWS = 5;

export function analyzeCsv(bytes: Uint8Array): AnalyzeResult {
  const read = readTable(bytes);
  if (!read.ok) return read;
  const { table } = read;
  return {
    ok: true,
    analysis: {
      encoding: read.encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      sample: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
      rowCount: table.rows.length,
      guessedMapping: guessColumnMapping(table.headers),
    },
  };
}

export function validateCsv(
  bytes: Uint8Array,
  mapping: ColumnMapping,
  ctx: ValidationContext,
  onProgress?: (done: number, total: number) => void,
): ValidateResult {
  const read = readTable(bytes);
  if (!read.ok) return read;
  return { ok: true, outcome: validateRows(read.table, mapping, ctx, onProgress) };
}

function readTable(bytes: Uint8Array): (CsvTableResult & { readonly ok: false }) | (CsvTableResult & { readonly ok: true; readonly encoding: DetectedEncoding }) {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: { code: 'tooLarge', maxMb: MAX_FILE_BYTES / 1024 / 1024 } };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problem: { code: decoded.problem } };
  const parsed = parseCsvTable(decoded.text);
  return parsed.ok ? { ...parsed, encoding: decoded.encoding } : parsed;
}

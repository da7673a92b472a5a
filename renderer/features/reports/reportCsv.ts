import Papa from 'papaparse';

/** Numbers stay numbers so Excel can sum them; text is what the table shows. */
export type CsvCell = string | number;

export interface CsvTable {
  /** In the UI's language. */
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/**
 * A report table as a CSV for Excel. It starts with a UTF-8 BOM because Excel reads a CSV without
 * one in the system code page, which garbles Chinese. Return reasons, campaigns and names are
 * typed by people, so text cells starting with = + - @ get a leading apostrophe (escapeFormulae)
 * and are not run as formulas; numbers are never touched.
 */
export function buildReportCsv(table: CsvTable): string {
  const csv = Papa.unparse({ fields: [...table.headers], data: table.rows.map((row) => [...row]) }, { escapeFormulae: true, newline: '\r\n' });
  return '\uFEFF' + csv + '\r\n';
}

/** "sdr-report-2026-11-01_2026-11-30-sdrs.csv": the period and the table, sortable by name. */
export function reportCsvFileName(period: { readonly from: string; readonly to: string }, table: string): string {
  return `sdr-report-${period.from}_${period.to}-${table}.csv`;
}

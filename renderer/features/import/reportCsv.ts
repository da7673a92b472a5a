import Papa from 'papaparse';

/** One line of the import report, already in the user's language. */
export interface ReportLine {
  readonly row: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

export interface ReportHeadings {
  readonly row: string;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

/**
 * The rows not imported as a CSV the SDR opens in Excel to fix the source file. It starts with a
 * UTF-8 BOM because Excel reads a CSV without one in the system code page, which garbles Chinese.
 * Values come from an untrusted file, so formulas are neutralised (escapeFormulae prefixes a
 * quote to cells starting with = + - @), at the cost of "'+86…" showing for such phone numbers.
 */
export function buildReportCsv(lines: readonly ReportLine[], headings: ReportHeadings): string {
  const csv = Papa.unparse(
    {
      fields: [headings.row, headings.field, headings.value, headings.reason],
      data: lines.map((l) => [String(l.row), l.field, l.value, l.reason]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return '\uFEFF' + csv + '\r\n';
}

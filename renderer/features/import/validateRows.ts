import { isSupportedCountry } from 'libphonenumber-js/max';
import { parseLeadInput, type FieldError, type LeadInputContext } from '../../../shared/model/leadInput';
import type { CsvRow, CsvTable } from './csvTable';
import { mappedColumns, rowToLeadInput, type MappedColumn, type RowInput } from './rowToLeadInput';
import type { ColumnMapping, RowIssue, ValidRow, ValidationContext, ValidationOutcome } from './types';

const PROGRESS_EVERY = 2000;

/**
 * Checks every data row with parseLeadInput, the same rules as the lead form, and names the
 * column and value behind each error so the SDR can find it in Excel.
 */
export function validateRows(
  table: CsvTable,
  mapping: ColumnMapping,
  ctx: ValidationContext,
  onProgress: (done: number, total: number) => void = () => undefined,
): ValidationOutcome {
  const columns = mappedColumns(mapping, table.headers);
  const leadCtx: LeadInputContext = {
    // The setting is validated on save; a stale or hand-edited value falls back to the app default.
    defaultRegion: isSupportedCountry(ctx.defaultPhoneRegion) ? ctx.defaultPhoneRegion : 'CN',
    defaultKind: ctx.defaultKind,
  };
  const rows: ValidRow[] = [];
  const issues: RowIssue[] = [];
  const total = table.rows.length;
  table.rows.forEach((row, i) => {
    if (i % PROGRESS_EVERY === 0) onProgress(i, total);
    const structural = structuralIssue(row, table.headers.length);
    if (structural) {
      issues.push(structural);
      return;
    }
    const rowInput = rowToLeadInput(row.cells, columns, ctx.ownerName);
    const result = parseLeadInput(rowInput.input, leadCtx);
    if (result.ok) rows.push({ rowNumber: row.rowNumber, fields: result.fields });
    else for (const error of result.errors) issues.push(fieldIssue(error, row, rowInput, columns));
  });
  onProgress(total, total);
  return { rows, issues, rowCount: total };
}

function structuralIssue(row: CsvRow, headerCount: number): RowIssue | null {
  if (row.badQuotes) {
    return { rowNumber: row.rowNumber, field: 'row', column: null, value: '', reason: { scope: 'import', code: 'invalidQuotes' } };
  }
  // Values beyond the last header mean the row's cells are shifted (an unquoted comma inside a
  // value): every field would land in the wrong column, so the row is refused rather than guessed.
  const extra = row.cells.slice(headerCount).filter((c) => c.trim() !== '');
  if (extra.length > 0) {
    return {
      rowNumber: row.rowNumber,
      field: 'row',
      column: null,
      value: extra.join(', '),
      reason: { scope: 'import', code: 'tooManyValues', params: { count: headerCount + extra.length, columns: headerCount } },
    };
  }
  return null;
}

function fieldIssue(error: FieldError, row: CsvRow, rowInput: RowInput, columns: readonly MappedColumn[]): RowIssue {
  const [head = '', ...rest] = error.field.split('.');
  const base = { rowNumber: row.rowNumber, field: head, reason: { scope: 'lead', code: error.code } } as const;
  const cellOf = (c: MappedColumn | undefined) => (c ? (row.cells[c.index] ?? '').trim() : '');

  if (head === 'phones' && rest.length > 0) {
    const source = rowInput.phoneSources[Number(rest[0])];
    return { ...base, column: source?.column ?? null, value: source?.raw ?? '' };
  }
  if (head === 'customFields') {
    const column = columns.find((c) => c.customKey === rest.join('.'));
    return { ...base, column: column?.column ?? null, value: cellOf(column) };
  }
  if (head === 'phones' && error.code === 'contact.required') return { ...base, column: null, value: '' };
  const column = columns.find((c) => c.target === head);
  return { ...base, column: column?.column ?? null, value: cellOf(column) };
}

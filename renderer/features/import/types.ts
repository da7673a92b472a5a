import type { LeadFields } from '../../../shared/model/leadInput';
import { EDITABLE_LEAD_FIELDS, type EditableLeadField, type Lead } from '../../../shared/model/lead';

/** Lead fields a CSV column can fill. `phones` and `tags` may come from several columns. */
export const LEAD_COLUMN_TARGETS = EDITABLE_LEAD_FIELDS.filter(
  (field): field is Exclude<EditableLeadField, 'customFields'> => field !== 'customFields',
);
export type LeadColumnTarget = (typeof LEAD_COLUMN_TARGETS)[number];

/** `custom` keeps the column as a custom field named after its header; `ignore` drops it. */
export type ColumnTarget = LeadColumnTarget | 'custom' | 'ignore';

/** One target per CSV column, in column order. */
export type ColumnMapping = readonly ColumnTarget[];

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type Delimiter = ',' | ';' | '\t';

/** Why a whole file is refused before anything is imported; keys under `problem.*` in strings.ts. */
export type FileProblem =
  | { readonly code: 'tooLarge'; readonly maxMb: number }
  | { readonly code: 'tooManyRows'; readonly rows: number; readonly max: number }
  | { readonly code: 'excelWorkbook' }
  | { readonly code: 'binary' }
  | { readonly code: 'empty' }
  | { readonly code: 'noDataRows' }
  | { readonly code: 'unclosedQuote'; readonly row: number };

export interface CsvAnalysis {
  readonly encoding: DetectedEncoding;
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  /** The first few data rows, for the preview table. */
  readonly sample: readonly (readonly string[])[];
  /** Data rows that are not blank. */
  readonly rowCount: number;
  readonly guessedMapping: ColumnMapping;
}

export type AnalyzeResult = { readonly ok: true; readonly analysis: CsvAnalysis } | { readonly ok: false; readonly problem: FileProblem };

/** Reasons the import itself gives (keys under `reason.*`); field errors use the app's `errors.*`. */
export type ImportReasonCode = 'duplicateInFile' | 'duplicateExisting' | 'tooManyValues' | 'invalidQuotes';

/**
 * A row that was not imported, or one problem of it. `rowNumber` is the row as Excel shows it
 * (header = 1). `column` is the CSV header the value came from, when one did.
 */
export interface RowIssue {
  readonly rowNumber: number;
  readonly field: string;
  readonly column: string | null;
  readonly value: string;
  readonly reason:
    | { readonly scope: 'lead'; readonly code: string }
    | { readonly scope: 'import'; readonly code: ImportReasonCode; readonly params?: Readonly<Record<string, string | number>> };
}

export interface ValidRow {
  readonly rowNumber: number;
  readonly fields: LeadFields;
}

export interface ValidationContext {
  readonly defaultPhoneRegion: string;
  readonly defaultKind: Lead['kind'];
  /** Owner of rows whose owner cell is empty. */
  readonly ownerName: string;
}

export interface ValidationOutcome {
  readonly rows: readonly ValidRow[];
  readonly issues: readonly RowIssue[];
  readonly rowCount: number;
}

export type ValidateResult = { readonly ok: true; readonly outcome: ValidationOutcome } | { readonly ok: false; readonly problem: FileProblem };

export type DuplicateMode = 'skip' | 'merge';

export interface ImportProgress {
  /**
   * `checking`: reading and validating rows (done/total rows); `matching`: looking for duplicates
   * among stored leads (no measurable progress); `saving`: writing leads (done/total leads).
   */
  readonly phase: 'checking' | 'matching' | 'saving';
  readonly done: number;
  readonly total: number;
}

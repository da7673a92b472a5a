export { ImportDialog, type ImportDialogProps } from './ImportDialog';
export { importLeadsFromFile, runImport, type ImportResult, type RunImportOptions } from './runImport';
export { importStrings } from './strings';
export type { ColumnMapping, ColumnTarget, CsvAnalysis, DuplicateMode, FileProblem, ImportProgress, RowIssue } from './types';

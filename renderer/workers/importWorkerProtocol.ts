import type { AnalyzeResult, ColumnMapping, ValidateResult, ValidationContext } from '../features/import/types';

/** Messages between the import dialog and importWorker.ts; one request per worker. */
export type ImportWorkerRequest =
  | { readonly type: 'analyze'; readonly bytes: Uint8Array }
  | { readonly type: 'validate'; readonly bytes: Uint8Array; readonly mapping: ColumnMapping; readonly ctx: ValidationContext };

export type ImportWorkerResponse =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'analyzed'; readonly result: AnalyzeResult }
  | { readonly type: 'validated'; readonly result: ValidateResult }
  | { readonly type: 'error'; readonly message: string };

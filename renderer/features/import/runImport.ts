import { v7 as uuidv7 } from 'uuid';
import type { SdrDeskDb } from '../../db';
import type { Lead } from '../../../shared/model/lead';
import { checkMapping, type MappingProblem } from './columnMapping';
import { defaultCsvRunner, type CsvRunner } from './csvRunner';
import { recordUnfinishedImport, writeImport } from './mutations';
import type { ColumnMapping, CsvAnalysis, DuplicateMode, FileProblem, ImportProgress, RowIssue } from './types';

export interface RunImportOptions {
  readonly fileName: string;
  readonly mapping: ColumnMapping;
  readonly duplicates: DuplicateMode;
  readonly defaultKind: Lead['kind'];
  readonly defaultPhoneRegion: string;
  /** Owner of leads whose row names none. */
  readonly ownerName: string;
  /** Injected for deterministic tests; default Date.now, uuid v7 and a worker when there is one. */
  readonly clock?: () => number;
  readonly newId?: () => string;
  readonly runner?: CsvRunner;
}

export type ImportResult =
  | {
      readonly state: 'done';
      readonly batchId: string;
      readonly created: number;
      /** Rows merged into a lead that existed or came earlier in the file. */
      readonly merged: number;
      /** Duplicate rows skipped. */
      readonly skipped: number;
      /** Rows refused by validation. */
      readonly invalid: number;
      /** Every row not imported, by row number; a row with several errors appears once per error. */
      readonly issues: readonly RowIssue[];
    }
  | { readonly state: 'cancelled'; readonly batchId: string }
  | { readonly state: 'failed'; readonly batchId: string; readonly message: string }
  | { readonly state: 'refused'; readonly problem: FileProblem }
  | { readonly state: 'unmapped'; readonly problems: readonly MappingProblem[] };

/**
 * Validates the file with the given mapping (in the worker) and writes it (one transaction, see
 * mutations.ts). A cancelled or failed run changes no lead and queues no mutation; it is recorded
 * in the import history as such.
 */
export async function runImport(
  db: SdrDeskDb,
  bytes: Uint8Array,
  headers: readonly string[],
  options: RunImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const problems = checkMapping(options.mapping, headers);
  if (problems.length > 0) return { state: 'unmapped', problems };
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? uuidv7;
  const batchId = newId();
  const startedAt = clock();
  try {
    const ctx = { defaultKind: options.defaultKind, defaultPhoneRegion: options.defaultPhoneRegion, ownerName: options.ownerName };
    const runner = options.runner ?? defaultCsvRunner();
    const validated = await runner.validate(bytes, options.mapping, ctx, (done, total) => onProgress({ phase: 'checking', done, total }), signal);
    if (!validated.ok) return { state: 'refused', problem: validated.problem };
    const { rows, issues } = validated.outcome;
    const invalidRows = new Set(issues.map((i) => i.rowNumber)).size;
    const written = await writeImport(
      db,
      rows,
      { batchId, fileName: options.fileName, mode: options.duplicates, invalidRows, startedAt, clock, newId },
      onProgress,
      signal,
    );
    return {
      state: 'done',
      batchId,
      created: written.created,
      merged: written.mergedRows,
      skipped: written.skipped.length,
      invalid: invalidRows,
      issues: [...issues, ...written.skipped].sort((a, b) => a.rowNumber - b.rowNumber),
    };
  } catch (error) {
    const state = signal?.aborted ? 'cancelled' : 'failed';
    await recordUnfinishedImport(db, { id: batchId, fileName: options.fileName, startedAt, finishedAt: clock(), state });
    if (state === 'cancelled') return { state, batchId };
    return { state, batchId, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The whole import without UI, for the end-to-end test and the benchmark: analyse the file, take
 * the guessed mapping unless one is given, and run it.
 */
export async function importLeadsFromFile(
  db: SdrDeskDb,
  bytes: Uint8Array,
  options: Omit<RunImportOptions, 'mapping'> & { readonly mapping?: ColumnMapping },
  onProgress: (progress: ImportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ImportResult & { readonly analysis?: CsvAnalysis }> {
  const runner = options.runner ?? defaultCsvRunner();
  const analyzed = await runner.analyze(bytes, signal);
  if (!analyzed.ok) return { state: 'refused', problem: analyzed.problem };
  const { analysis } = analyzed;
  const result = await runImport(db, bytes, analysis.headers, { ...options, runner, mapping: options.mapping ?? analysis.guessedMapping }, onProgress, signal);
  return { ...result, analysis };
}

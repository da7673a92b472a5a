import { mutateInTransaction, mutationTables, type ImportBatchRow, type SdrDeskDb } from '../../db';
import { leadDedupeKeys } from '../../../shared/rules/leadSearch';
import { planImport } from './importPlan';
import { findLeadsByDedupeKeys } from './queries';
import type { DuplicateMode, ImportProgress, RowIssue, ValidRow } from './types';

/**
 * Leads per 'lead.importBatch' mutation (the schema allows 1000). Smaller chunks keep each step
 * of zod checks and search-token building on the window's thread short, so the progress bar and
 * the Cancel button stay responsive, and keep each sync push request a moderate size.
 */
export const IMPORT_CHUNK_SIZE = 500;

export interface WriteImportOptions {
  readonly batchId: string;
  readonly fileName: string;
  readonly mode: DuplicateMode;
  /** Rows refused by validation, counted in the batch's `skipped`. */
  readonly invalidRows: number;
  readonly startedAt: number;
  readonly clock: () => number;
  readonly newId: () => string;
}

export interface WriteImportOutcome {
  readonly created: number;
  readonly mergedRows: number;
  readonly skipped: readonly RowIssue[];
}

/**
 * Writes an import as ONE read-write transaction: duplicate look-up, every chunk's mutation (lead
 * rows + outbox entry) and the batch record. Cancelling (the signal, checked between chunks) or
 * any failure throws inside the transaction, so IndexedDB rolls all of it back and the store is
 * exactly as before: no half-imported file, no outbox entries for leads that do not exist.
 *
 * This runs in the window, not the worker: IndexedDB is asynchronous, so the window only does the
 * per-chunk CPU work and stays responsive between chunks; the app's one Dexie connection (with
 * its versionchange handling) stays the only writer; and liveQuery subscribers in this window see
 * the commit directly rather than through Dexie's cross-context broadcast.
 *
 * Nothing but Dexie operations may be awaited in here (a timer or fetch would let the transaction
 * commit early), which is why progress is a synchronous callback.
 */
export function writeImport(
  db: SdrDeskDb,
  rows: readonly ValidRow[],
  options: WriteImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<WriteImportOutcome> {
  const keys = [...new Set(rows.flatMap((r) => leadDedupeKeys(r.fields)))];
  const tables = [...new Set([...mutationTables(db), db.importBatches])];
  return db.transaction('rw', tables, async () => {
    signal?.throwIfAborted();
    const now = options.clock();
    onProgress({ phase: 'matching', done: 0, total: rows.length });
    const existing = await findLeadsByDedupeKeys(db, keys);
    const plan = planImport(rows, existing, { batchId: options.batchId, now, mode: options.mode, newId: options.newId });
    const total = plan.created.length + plan.merged.length;
    const chunkCount = Math.ceil(Math.max(plan.created.length, plan.merged.length) / IMPORT_CHUNK_SIZE);
    let done = 0;
    for (let i = 0; i < chunkCount; i++) {
      signal?.throwIfAborted();
      const created = plan.created.slice(i * IMPORT_CHUNK_SIZE, (i + 1) * IMPORT_CHUNK_SIZE);
      const merged = plan.merged.slice(i * IMPORT_CHUNK_SIZE, (i + 1) * IMPORT_CHUNK_SIZE);
      await mutateInTransaction(db, 'lead.importBatch', { batchId: options.batchId, updatedAt: now, created: [...created], merged: [...merged] }, now);
      done += created.length + merged.length;
      onProgress({ phase: 'saving', done, total });
    }
    // Last chance to cancel: after this the batch commits as a whole.
    signal?.throwIfAborted();
    await db.importBatches.put({
      id: options.batchId,
      fileName: options.fileName,
      startedAt: options.startedAt,
      finishedAt: options.clock(),
      created: plan.created.length,
      merged: plan.mergedRows,
      skipped: plan.skipped.length + options.invalidRows,
      state: 'done',
    });
    return { created: plan.created.length, mergedRows: plan.mergedRows, skipped: plan.skipped };
  });
}

/**
 * After a rollback the batch leaves no trace, so the history records it separately: an import
 * that was cancelled or failed, and imported nothing.
 */
export async function recordUnfinishedImport(
  db: SdrDeskDb,
  batch: Pick<ImportBatchRow, 'id' | 'fileName' | 'startedAt' | 'finishedAt'> & { readonly state: 'cancelled' | 'failed' },
): Promise<void> {
  await db.importBatches.put({ ...batch, created: 0, merged: 0, skipped: 0 });
}

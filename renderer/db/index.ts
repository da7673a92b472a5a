export { SdrDeskDb, DB_NAME } from './database';
export { mutate, mutateInTransaction, mutationTables, MutationError, reapplyPending, affectedLeadId, newSyncState, requeueRejected, withServerTime } from './mutate';
export { DEMO_BATCH_ID } from './schema';
export { toLeadRow, fromLeadRow } from './leadRow';
export type { LeadRow, ImportBatchRow, OutboxRow, RejectionRow, SyncStateRow } from './schema';
export { db, watchForNewerVersion } from './instance';
export type { LeadChange } from './leadChanges';

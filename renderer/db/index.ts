export { SdrDeskDb, DB_NAME } from './database';
export { mutate, mutateInTransaction, mutationTables, MutationError } from './mutate';
export { toLeadRow, fromLeadRow } from './leadRow';
export type { LeadRow, ImportBatchRow, OutboxRow } from './schema';
export { db, watchForNewerVersion } from './instance';
export type { LeadChange } from './leadChanges';

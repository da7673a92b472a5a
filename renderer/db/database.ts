import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Lead } from '../../shared/model/lead';
import { leadChangesMiddleware, type LeadChange } from './leadChanges';
import { toLeadRow } from './leadRow';
import {
  SCHEMA_VERSIONS,
  type CallRow,
  type DraftRow,
  type HandoffRow,
  type ImportBatchRow,
  type LeadEventRow,
  type LeadRow,
  type NoteRow,
  type OutboxRow,
  type PlaybookRow,
  type RejectionRow,
  type ReviewCacheRow,
  type ReviewReadRow,
  type ReviewRow,
  type ScriptRow,
  type SettingRow,
  type SyncStateRow,
} from './schema';

export const DB_NAME = 'sdr-desk';

export class SdrDeskDb extends Dexie {
  leads!: EntityTable<LeadRow, 'id'>;
  calls!: EntityTable<CallRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  events!: EntityTable<LeadEventRow, 'id'>;
  scripts!: EntityTable<ScriptRow, 'id'>;
  handoffs!: EntityTable<HandoffRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  playbook!: EntityTable<PlaybookRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  importBatches!: EntityTable<ImportBatchRow, 'id'>;
  rejections!: EntityTable<RejectionRow, 'seq'>;
  reviews!: EntityTable<ReviewRow, 'id'>;
  reviewReads!: EntityTable<ReviewReadRow, 'reviewId'>;
  reviewCache!: EntityTable<ReviewCacheRow, 'callId'>;
  private readonly leadListeners = new Set<(change: LeadChange) => void>();

  constructor(name: string = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Strict durability: a write the UI calls saved has reached the disk, not just the OS cache.
    // Every user write carries an outbox row, so nearly every write wants it anyway.
    // No shared live-query cache: in Chromium a live query over the open call sometimes kept the
    // cached row after a later write committed; every live query reads IndexedDB instead.
    super(name, { ...options, chromeTransactionDurability: 'strict', cache: 'disabled' });
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.version === 2) version.upgrade(reindexLeads);
    }
    this.use(leadChangesMiddleware(this.leadListeners));
  }

  /** Committed writes to the leads table, for in-memory views of it. Returns an unsubscribe. */
  onLeadsChanged(listener: (change: LeadChange) => void): () => void {
    this.leadListeners.add(listener);
    return () => this.leadListeners.delete(listener);
  }
}

async function reindexLeads(tx: Transaction): Promise<void> {
  await tx
    .table<LeadRow, string>('leads')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      const lead = { ...row, importBatchId: row['importBatchId'] ?? null } as unknown as Lead;
      Object.assign(row, toLeadRow(lead));
    });
}

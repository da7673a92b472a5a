import type { Lead } from '../../shared/model/lead';
import type { OutboxEntry } from '../../shared/sync/mutations';

/** Fields stored beside a lead only so that indexes can answer the queue and search. */
export interface LeadIndexFields {
  readonly searchTokens: readonly string[];
  readonly queueBucket: number;
  readonly queueSort: number;
}
export type LeadRow = Lead & LeadIndexFields;

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/** Per-device sync bookkeeping: client id, last clock, next outbox sequence number. */
export interface SyncStateRow {
  readonly key: 'local';
  readonly clientId: string;
  readonly hlc: string;
  readonly nextSeq: number;
}

export interface ImportBatchRow {
  readonly id: string;
  readonly fileName: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly created: number;
  readonly merged: number;
  readonly skipped: number;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
}

/** Later issues fill these tables; their rows are typed loosely until then. */
export interface PlaceholderRow {
  readonly id: string;
  readonly leadId?: string;
}

export type OutboxRow = OutboxEntry;

/**
 * Every schema version the app has shipped, oldest first. A version stays here for good once
 * released, with its upgrade, so a profile of any age opens. Index only what a where() uses.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      leads: 'id, [kind+queueBucket+queueSort], *searchTokens, status, temperature, *tags, sourceChannel, owner, nextCallbackAt',
      calls: 'id, leadId',
      notes: 'id, leadId',
      tags: 'id',
      scripts: 'id',
      handoffs: 'id, leadId',
      outbox: 'seq',
      settings: 'key',
      syncState: 'key',
    },
  },
  {
    // v2: imports become batches that can be reported on and undone; search tokens and queue keys
    // are recomputed for every lead (the upgrade below), which is also how a tokenizer change ships.
    version: 2,
    stores: {
      // Due call-backs are read as keys in due order per view; a lead without one (null) is not in that index.
      leads: 'id, [kind+queueBucket+queueSort], [kind+queueBucket+nextCallbackAt], *searchTokens, status, temperature, *tags, sourceChannel, owner, importBatchId',
      importBatches: 'id, startedAt',
    },
  },
] as const;

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

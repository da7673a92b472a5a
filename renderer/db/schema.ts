import type { Call } from '../../shared/model/call';
import type { Handoff } from '../../shared/model/handoff';
import type { Lead } from '../../shared/model/lead';
import type { LeadEvent } from '../../shared/model/leadEvent';
import type { Note } from '../../shared/model/note';
import type { Playbook } from '../../shared/model/playbook';
import type { Review } from '../../shared/model/review';
import type { Script } from '../../shared/model/script';
import type { OutboxEntry } from '../../shared/sync/mutations';

/** importBatchId of the demo leads: they and every change to them stay on this device. */
export const DEMO_BATCH_ID = 'demo';

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
  /** The team server's change counter this device has every row up to (written with those rows). */
  readonly cursor?: number;
  /** Server time minus this device's time at the last answer: clocks stamp changes in server time. */
  readonly clockOffsetMs?: number;
}

/** A change the team server refused: shown under "needs attention" until the user resolves it. */
export interface RejectionRow {
  readonly seq: number;
  readonly mutationId: string;
  readonly name: string;
  readonly args: unknown;
  readonly leadId: string | null;
  readonly code: string;
  readonly message: string;
  readonly createdAt: number;
  readonly rejectedAt: number;
  /** When this device replaced its copy of the lead with the server's (null: not yet). */
  readonly repairedAt: number | null;
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

/** `isOpen` is set only until the call is wrapped up, so the index holds just the call in progress. */
export type CallRow = Call & { readonly isOpen?: 1 };
export type NoteRow = Note;
export type LeadEventRow = LeadEvent;
export type HandoffRow = Handoff;

/** A note being typed: kept on this device only, until it is saved as a note. */
export interface DraftRow {
  /** `note:<leadId>` for a new note, `note:<leadId>:<rootId>` while editing one. */
  readonly key: string;
  readonly leadId: string;
  readonly rootId: string | null;
  readonly text: string;
  readonly updatedAt: number;
}

/** A script version the team loaded; the defaults ship in code and are not stored. */
export interface ScriptRow {
  /** `<script id>@<version>`: calls keep pointing at the version they used. */
  readonly id: string;
  readonly script: Script;
  readonly loadedAt: number;
  /** False once the team resets to the defaults; the row stays so old calls still show their questions. */
  readonly active: boolean;
}

/** One section of the team's playbook that replaces the shipped default. */
export type PlaybookRow = { readonly [K in keyof Playbook]: { readonly key: K; readonly value: Playbook[K] } }[keyof Playbook];

export type OutboxRow = OutboxEntry;

export type ReviewRow = Review;

/** The SDR opened this review: unread marks are per device. */
export interface ReviewReadRow {
  readonly reviewId: string;
  readonly readAt: number;
}

/** A call the team lead opened in the review workspace, as the server showed it. */
export interface ReviewCacheRow {
  readonly callId: string;
  readonly openedAt: number;
  /** ReviewCallDetail (validated again when read). */
  readonly detail: unknown;
  /** The list row, so the offline list shows the same columns. */
  readonly row: unknown;
}

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
  {
    // v3: the discovery call. Tables that v1 only reserved get their real indexes; lead events
    // (status and tag changes), note drafts and the team's playbook are new; tags was never used.
    version: 3,
    stores: {
      calls: 'id, [leadId+startedAt], isOpen',
      notes: 'id, [leadId+createdAt]',
      events: 'id, [leadId+at]',
      handoffs: 'id, leadId',
      drafts: 'key',
      playbook: 'key',
      tags: null,
    },
  },
  {
    // v4: sync. Changes the team server refused wait here for the user.
    version: 4,
    stores: {
      rejections: 'seq, leadId',
    },
  },
  {
    // v5: coaching. Team leads' reviews of calls (synced), which of them this SDR has read (this
    // device only), and the review workspace's recently opened calls, readable offline.
    version: 5,
    stores: {
      reviews: 'id, callId, leadId, createdAt',
      reviewReads: 'reviewId',
      reviewCache: 'callId, openedAt',
    },
  },
] as const;

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

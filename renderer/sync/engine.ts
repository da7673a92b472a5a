import { z } from 'zod';
import type { SyncStatus } from '../../shared/model/settings';
import { SyncStatusSchema } from '../../shared/model/settings';
import { ChangeSchema, MAX_PUSH_BATCH, PROTOCOL_VERSION, PullResponseSchema, PushResponseSchema, type PushBody } from '../../shared/sync/protocol';
import type { SdrDeskDb } from '../db';
import { affectedLeadId, withServerTime } from '../db';
import type { OutboxRow, RejectionRow } from '../db/schema';
import { ServerUnreachableError, type ServerResponse, type ServerTransport } from '../platform/server';
import type { Role } from '../../shared/model/account';
import { storedAccount } from './account';
import { applyPull, replaceLead, type PublishedPlaybook } from './applyPull';

/** A failed round trip, sorted by what the engine does next. */
export class SyncFailure extends Error {
  constructor(
    readonly phase: SyncStatus['phase'],
    message: string,
    /** Retry automatically (with backoff) or wait for the user (sign in, update the app). */
    readonly retry: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function failureOf(res: ServerResponse): SyncFailure {
  const parsed = ErrorBodySchema.safeParse(res.body);
  const message = parsed.success ? parsed.data.error.message : `The server answered ${res.status}.`;
  const retryAfterMs = res.retryAfterSeconds !== null ? res.retryAfterSeconds * 1000 : null;
  if (res.status === 401) return new SyncFailure('sessionExpired', message, false);
  if (res.status === 426) return new SyncFailure('updateRequired', message, false);
  // 429, 5xx and anything else: retried with backoff (a Retry-After is honoured).
  return new SyncFailure('error', message, true, retryAfterMs);
}

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;
export const SYNC_INTERVAL_MS = 60_000;

/** Full jitter (AWS architecture blog): a random wait up to 1 s, 2 s, 4 s… 60 s, never under Retry-After. */
export function backoffDelay(failures: number, random: () => number, retryAfterMs: number | null): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(retryAfterMs ?? 0, Math.round(cap * random()));
}

export interface SyncEngineOptions {
  readonly now?: () => number;
  readonly random?: () => number;
  /** A published team playbook arrived: load it (the playbook feature validates and stores it). */
  readonly onPlaybook?: (playbook: PublishedPlaybook) => Promise<void>;
  readonly intervalMs?: number;
}

/**
 * Pushes the outbox and pulls the team's changes. One engine per window; only the leader (Web
 * Locks) syncs, the others read the status it writes to IndexedDB. Triggers: start, reconnect,
 * every minute, a local change, and the user's "sync now"; failures back off with jitter.
 */
export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(
    private readonly db: SdrDeskDb,
    private readonly transport: ServerTransport,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Runs a sync now; while one runs, another follows it once (a change made meanwhile is sent). */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.cycle();
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Timed syncs: every interval, and sooner after a failure (backoff). */
  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  resume(): void {
    this.stopped = false;
  }

  private async cycle(): Promise<void> {
    const account = await storedAccount(this.db);
    if (!account) {
      await this.setStatus({ phase: 'signedOut', message: '', retryAt: null });
      return;
    }
    // Admins belong to no team: they manage accounts online and have nothing to sync.
    if (account.user.role === 'admin') {
      await this.setStatus({ phase: 'idle', message: '', retryAt: null });
      return;
    }
    await this.setStatus({ phase: 'syncing', message: '', retryAt: null });
    try {
      let playbook: PublishedPlaybook | null = null;
      for (let round = 0; round < 3; round++) {
        const pushed = await this.pushAll();
        playbook = (await this.pullAll()) ?? playbook;
        await this.repairRefused(account.user.role);
        // Something written while pulling: send it before calling this sync done.
        if (pushed === 0 || (await this.db.outbox.count()) === 0) break;
      }
      if (playbook) await this.options.onPlaybook?.(playbook);
      this.failures = 0;
      await this.setStatus({ phase: 'idle', message: '', retryAt: null, lastSyncedAt: this.now() });
      this.schedule(this.options.intervalMs ?? SYNC_INTERVAL_MS);
    } catch (error) {
      const failure =
        error instanceof SyncFailure
          ? error
          : error instanceof ServerUnreachableError
            ? new SyncFailure('offline', error.message, true)
            : new SyncFailure('error', error instanceof Error ? error.message : String(error), true);
      if (!(error instanceof SyncFailure) && !(error instanceof ServerUnreachableError)) console.error('sync', error);
      if (!failure.retry) {
        await this.setStatus({ phase: failure.phase, message: failure.message, retryAt: null });
        return;
      }
      this.failures++;
      const delay = backoffDelay(this.failures, this.random, failure.retryAfterMs);
      await this.setStatus({ phase: failure.phase, message: failure.message, retryAt: this.now() + delay });
      this.schedule(delay);
    }
  }

  private async request(method: 'GET' | 'POST', path: `/api/${string}`, body?: unknown): Promise<ServerResponse> {
    const res = await this.transport.request(method, path, body);
    if (res.status !== 200) throw failureOf(res);
    return res;
  }

  /** Sends the outbox in order, a batch at a time; returns how many changes the server settled. */
  private async pushAll(): Promise<number> {
    let settled = 0;
    for (;;) {
      const batch = await this.db.outbox.orderBy('seq').limit(MAX_PUSH_BATCH).toArray();
      const first = batch[0];
      if (!first) return settled;
      const body: PushBody = {
        clientId: first.clientId,
        protocolVersion: PROTOCOL_VERSION,
        mutations: batch.map(({ seq, id, name, args, hlc, createdAt }) => ({ seq, id, name, args, hlc, createdAt })),
      };
      const sentAt = this.now();
      const res = await this.request('POST', '/api/sync/push', body);
      const parsed = PushResponseSchema.safeParse(res.body);
      if (!parsed.success) throw new SyncFailure('error', 'The server sent an answer this app cannot read.', true);
      const answer = parsed.data;
      if (answer.lastSeq < first.seq) {
        // Nothing of this batch settled: the server is missing earlier changes from this device.
        throw new SyncFailure('error', `The server expects change ${answer.lastSeq + 1} from this device, which it no longer has. Ask your admin.`, false);
      }
      await this.settle(batch, answer.results, answer.lastSeq, answer.serverTime, sentAt);
      settled += batch.filter((m) => m.seq <= answer.lastSeq).length;
    }
  }

  /** Drops what the server settled and keeps what it refused for the user, in one transaction. */
  private async settle(batch: readonly OutboxRow[], results: z.infer<typeof PushResponseSchema>['results'], lastSeq: number, serverTime: number, sentAt: number): Promise<void> {
    const rejected = new Map(results.flatMap((r) => (r.status === 'rejected' ? [[r.seq, r] as const] : [])));
    const now = this.now();
    await this.db.transaction('rw', [this.db.outbox, this.db.rejections, this.db.syncState, this.db.calls, this.db.handoffs], async () => {
      const rows: RejectionRow[] = [];
      for (const m of batch) {
        const r = rejected.get(m.seq);
        if (m.seq > lastSeq || !r) continue;
        rows.push({ seq: m.seq, mutationId: m.id, name: m.name, args: m.args, leadId: await affectedLeadId(this.db, m.name, m.args), code: r.code, message: r.message, createdAt: m.createdAt, rejectedAt: now, repairedAt: null });
      }
      await this.db.rejections.bulkPut(rows);
      await this.db.outbox.where('seq').belowOrEqual(lastSeq).delete();
      const state = await this.db.syncState.get('local');
      // Half the round trip is the best guess of when the server read its clock.
      if (state) await this.db.syncState.put(withServerTime(state, serverTime, Math.round((sentAt + now) / 2)));
    });
  }

  /**
   * A refused change left this device's copy of its lead different from the server's, and the
   * pull will not fix it if the server's lead did not change: fetch that lead and replace it.
   */
  private async repairRefused(role: Role): Promise<void> {
    const pending = await this.db.rejections.filter((r) => r.repairedAt === null).toArray();
    const leadIds = new Set(pending.flatMap((r) => (r.leadId === null ? [] : [r.leadId])));
    // Sales devices hold hand-offs, not leads: the pull brings the hand-off as the server has it.
    if (role === 'sales' || leadIds.size === 0) {
      if (pending.length > 0) await this.db.rejections.where('seq').anyOf(pending.map((r) => r.seq)).modify({ repairedAt: this.now() });
      return;
    }
    for (const leadId of leadIds) {
      const res = await this.request('GET', `/api/sync/leads/${leadId}`);
      const parsed = z.object({ changes: z.array(ChangeSchema) }).safeParse(res.body);
      if (!parsed.success) throw new SyncFailure('error', 'The server sent a lead this app cannot read.', true);
      await replaceLead(this.db, leadId, parsed.data.changes);
    }
  }

  /** Pulls every page from the stored cursor. */
  private async pullAll(): Promise<PublishedPlaybook | null> {
    let playbook: PublishedPlaybook | null = null;
    for (let pages = 0; pages < 100_000; pages++) {
      const cursor = (await this.db.syncState.get('local'))?.cursor ?? 0;
      const res = await this.request('GET', `/api/sync/pull?cursor=${cursor}&protocolVersion=${PROTOCOL_VERSION}`);
      const parsed = PullResponseSchema.safeParse(res.body);
      if (!parsed.success) throw new SyncFailure('error', 'The server sent changes this app cannot read.', true);
      const applied = await applyPull(this.db, parsed.data, this.now());
      playbook = applied.playbook ?? playbook;
      if (!parsed.data.more) return playbook;
    }
    return playbook;
  }

  private async setStatus(next: Omit<SyncStatus, 'lastSyncedAt'> & { lastSyncedAt?: number }): Promise<void> {
    const previous = SyncStatusSchema.safeParse((await this.db.settings.get('syncStatus'))?.value);
    const lastSyncedAt = next.lastSyncedAt ?? (previous.success ? previous.data.lastSyncedAt : null);
    await this.db.settings.put({ key: 'syncStatus', value: { ...next, lastSyncedAt } satisfies SyncStatus });
  }
}

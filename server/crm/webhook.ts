import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { HandoffSchema, type CrmDelivery } from '../../shared/model/handoff';
import type { Database } from '../db/schema';
import type { Entity } from '../sync/store';
import { TeamStore } from '../sync/store';

export const SIGNATURE_HEADER = 'x-sdr-desk-signature';
export const TIMESTAMP_HEADER = 'x-sdr-desk-timestamp';

export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** HMAC-SHA256 over "<timestamp>.<body>": the receiver checks both, so a captured call cannot be replayed later. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Queues an accepted hand-off for the team's CRM, in the transaction that accepted it. */
export async function enqueueCrmDelivery(store: TeamStore, handoff: Entity, now: number): Promise<void> {
  const team = await store.trx.selectFrom('teams').select(['crm_webhook_url']).where('id', '=', handoff.teamId).executeTakeFirst();
  if (!team?.crm_webhook_url) return;
  const data = HandoffSchema.parse(handoff.data);
  const payload = JSON.stringify({ event: 'handoff.accepted', handoff: { ...data, crm: undefined } });
  const url = team.crm_webhook_url;
  store.defer((tx) =>
    tx
      .insertInto('crm_deliveries')
      .values({ handoff_id: handoff.id, team_id: handoff.teamId, url, payload, status: 'pending', attempts: 0, next_attempt_at: now, last_error: '', updated_at: now })
      .onConflict((oc) => oc.column('handoff_id').doNothing())
      .execute(),
  );
  handoff.data = { ...handoff.data, crm: { status: 'pending', attempts: 0, lastError: '', at: now } satisfies CrmDelivery };
  await store.put(handoff);
}

/** Waits before attempt n+1: 10 s doubling up to an hour, with ±50 % jitter so failures spread out. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random()));
}

export interface CrmDelivererOptions {
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Sends queued deliveries until each succeeds. A delivery is leased before it is sent (its next
 * attempt moved a minute on, only if nobody else moved it first), so several server instances
 * on one PostgreSQL do not send it twice at once.
 */
export class CrmDeliverer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: CrmDelivererOptions = {},
  ) {}

  start(intervalMs: number): void {
    this.timer ??= setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over the due deliveries; returns how many were attempted. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = (this.options.now ?? Date.now)();
    const due = await this.db.selectFrom('crm_deliveries').selectAll().where('status', '!=', 'delivered').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(20).execute();
    let attempted = 0;
    for (const delivery of due) {
      const leased = await this.db
        .updateTable('crm_deliveries')
        .set({ next_attempt_at: now + 60_000 })
        .where('handoff_id', '=', delivery.handoff_id)
        .where('next_attempt_at', '=', delivery.next_attempt_at)
        .executeTakeFirst();
      if (Number(leased.numUpdatedRows) !== 1) continue;
      attempted++;
      const error = await this.send(delivery.team_id, delivery.url, delivery.payload, now);
      const attempts = delivery.attempts + 1;
      const status = error === null ? 'delivered' : 'failing';
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('crm_deliveries')
          .set({ status, attempts, last_error: error ?? '', next_attempt_at: error === null ? now : now + retryDelayMs(attempts), updated_at: now })
          .where('handoff_id', '=', delivery.handoff_id)
          .execute();
        const store = new TeamStore(trx, delivery.team_id);
        const handoff = await store.get('handoff', delivery.handoff_id);
        if (!handoff) return;
        store.beginMutation(0);
        handoff.data = { ...handoff.data, crm: { status, attempts, lastError: error ?? '', at: now } satisfies CrmDelivery };
        await store.put(handoff);
        await store.finish(1);
      });
      if (error !== null) this.options.log?.(`CRM webhook for hand-off ${delivery.handoff_id} failed (attempt ${attempts}): ${error}`);
    }
    return attempted;
  }

  /** Null when the CRM answered 2xx; otherwise what went wrong, for the hand-off's status. */
  private async send(teamId: string, url: string, payload: string, now: number): Promise<string | null> {
    const team = await this.db.selectFrom('teams').select('crm_webhook_secret').where('id', '=', teamId).executeTakeFirst();
    const timestamp = Math.floor(now / 1000);
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signPayload(team?.crm_webhook_secret ?? '', timestamp, payload) },
        body: payload,
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message.slice(0, 500) : 'request failed';
    }
  }
}

import type { Kysely } from 'kysely';
import { decodeHlc } from '../../shared/sync/hlc';
import { MAX_CLOCK_AHEAD_MS, type MutationResult, type PushBody, type PushResponse } from '../../shared/sync/protocol';
import { enqueueCrmDelivery } from '../crm/webhook';
import type { Database } from '../db/schema';
import { applyMutation, Rejection, type Actor, type ApplyContext, type Member } from './apply';
import { TeamStore } from './store';

export class PushRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PushRefused';
  }
}

export async function teamMembers(db: Kysely<Database>, teamId: string): Promise<Member[]> {
  return db.selectFrom('users').select(['id', 'name', 'email', 'role']).where('team_id', '=', teamId).where('disabled_at', 'is', null).execute();
}

/**
 * Applies a client's mutations in sequence order, in one transaction with the client's last
 * processed sequence number: a retried request skips what it already did, a gap stops the batch,
 * and a mutation that cannot apply is recorded as rejected and counts as processed.
 */
export async function push(db: Kysely<Database>, actor: Actor, body: PushBody, now: number, refusals: string[]): Promise<PushResponse> {
  const members = await teamMembers(db, actor.teamId);
  const mutations = [...body.mutations].sort((a, b) => a.seq - b.seq);
  return db.transaction().execute(async (trx) => {
    // Taking the client's row first serialises two copies of the same request (PostgreSQL row lock).
    await trx
      .insertInto('sync_clients')
      .values({ client_id: body.clientId, user_id: actor.id, last_seq: 0, updated_at: now })
      .onConflict((oc) => oc.column('client_id').doUpdateSet({ updated_at: now }))
      .execute();
    const client = await trx.selectFrom('sync_clients').select(['user_id', 'last_seq']).where('client_id', '=', body.clientId).executeTakeFirstOrThrow();
    if (client.user_id !== actor.id) {
      throw new PushRefused(409, 'sync.clientTaken', 'This device last synced for another account. Sign out and sign in again to start afresh.');
    }
    const seen = mutations.filter((m) => m.seq <= client.last_seq).map((m) => m.seq);
    const rejectedBefore = new Map(
      seen.length === 0
        ? []
        : (await trx.selectFrom('sync_rejections').select(['seq', 'code', 'message']).where('client_id', '=', body.clientId).where('seq', 'in', seen).execute()).map((r) => [r.seq, r]),
    );
    const store = new TeamStore(trx, actor.teamId);
    await store.readAhead(mutations.filter((m) => m.seq > client.last_seq).flatMap((m) => referencedIds(m.args)));
    const results: MutationResult[] = [];
    let last = client.last_seq;
    let applied = 0;
    for (const m of mutations) {
      if (m.seq <= client.last_seq) {
        const before = rejectedBefore.get(m.seq);
        results.push(before ? { seq: m.seq, id: m.id, status: 'rejected', code: before.code, message: before.message } : { seq: m.seq, id: m.id, status: 'applied' });
        continue;
      }
      if (m.seq !== last + 1) break;
      const index = applied++;
      const ctx: ApplyContext = { store, actor, hlc: m.hlc, now, members, refusals, onAccepted: (handoff) => enqueueCrmDelivery(store, handoff, now) };
      try {
        checkClock(m.hlc, now);
        await store.runMutation(index, () => applyMutation(ctx, m.name, m.args));
        results.push({ seq: m.seq, id: m.id, status: 'applied' });
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        // Messages may quote what the client sent; PostgreSQL text cannot hold U+0000.
        const message = error.message.replaceAll('\u0000', '\uFFFD');
        await trx.insertInto('sync_rejections').values({ client_id: body.clientId, seq: m.seq, mutation_id: m.id, code: error.code, message, at: now }).execute();
        results.push({ seq: m.seq, id: m.id, status: 'rejected', code: error.code, message });
      }
      last = m.seq;
    }
    if (last !== client.last_seq) await trx.updateTable('sync_clients').set({ last_seq: last, updated_at: now }).where('client_id', '=', body.clientId).execute();
    await store.finish(Math.max(applied, 1));
    return { lastSeq: last, results, serverTime: now };
  });
}

/** A clock far ahead of the server's would win every later edit: refused (DESIGN.md). */
function checkClock(hlc: string, now: number): void {
  let wallMs: number;
  try {
    wallMs = decodeHlc(hlc).wallMs;
  } catch {
    throw new Rejection('invalid', 'The change carries a malformed clock.');
  }
  const ahead = wallMs - now;
  if (ahead > MAX_CLOCK_AHEAD_MS) {
    const minutes = Math.round(ahead / 60_000);
    const span = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
    throw new Rejection('clock.ahead', `This change was saved while your computer's clock was ${span} ahead of the server. Check the clock, then send it again.`);
  }
}

/**
 * The record ids a mutation's arguments name (its lead, its own new records, the call or hand-off
 * it answers), found by shape so that it needs no per-mutation code; only a read-ahead hint.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function referencedIds(args: unknown): string[] {
  const ids: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 2 || value === null || typeof value !== 'object') return;
    for (const [field, inner] of Object.entries(value)) {
      if ((field === 'id' || field === 'leadId') && typeof inner === 'string' && UUID.test(inner)) ids.push(inner);
      else if (!Array.isArray(inner)) visit(inner, depth + 1);
    }
  };
  visit(args, 0);
  return ids;
}

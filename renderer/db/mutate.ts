import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { canRecall, isOpenHandoff } from '../../shared/model/handoff';
import { LeadSchema, type Lead } from '../../shared/model/lead';
import type { StatusEvent } from '../../shared/model/leadEvent';
import { mergeAnswers } from '../../shared/model/script';
import { canTransition, canTransitionVia } from '../../shared/rules/lifecycle';
import { decodeHlc, encodeHlc, tickHlc } from '../../shared/sync/hlc';
import { MAX_CLOCK_AHEAD_MS } from '../../shared/sync/protocol';
import { MUTATION_ARGS, mutationLeadId, OutboxEntrySchema, type MutationArgs, type MutationName } from '../../shared/sync/mutations';
import type { SdrDeskDb } from './database';
import { fromLeadRow, toLeadRow } from './leadRow';
import { DEMO_BATCH_ID, type CallRow, type OutboxRow, type SyncStateRow } from './schema';

/** Tables a mutation may touch; every mutation transaction locks all of them. */
export function mutationTables(db: SdrDeskDb) {
  return [db.leads, db.calls, db.notes, db.events, db.handoffs, db.reviews, db.importBatches, db.outbox, db.syncState];
}

export type MutationErrorCode =
  | 'lead.notFound'
  | 'lead.exists'
  | 'lead.stale'
  | 'lead.doNotCall'
  | 'call.notFound'
  | 'call.closed'
  | 'handoff.exists'
  | 'handoff.notFound'
  | 'handoff.notRecallable'
  | 'handoff.notOpen'
  | 'lifecycle.invalid'
  | 'invalid';

export class MutationError extends Error {
  constructor(
    readonly code: MutationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MutationError';
  }
}

/**
 * The one write path for user data: applies the mutation to the local tables and appends it to the
 * outbox in ONE transaction, so the sync engine sends exactly what the user saw saved. The promise
 * resolves once the transaction has committed (with strict durability). Resolves with the outbox
 * entry, or null for a demo lead's change, which never leaves the device.
 */
export function mutate<N extends MutationName>(
  db: SdrDeskDb,
  name: N,
  args: MutationArgs<N>,
  now: number = Date.now(),
): Promise<OutboxRow | null> {
  return db.transaction('rw', mutationTables(db), () => mutateInTransaction(db, name, args, now));
}

/** For callers that batch several mutations in one transaction of their own (the CSV import). */
export async function mutateInTransaction<N extends MutationName>(
  db: SdrDeskDb,
  name: N,
  args: MutationArgs<N>,
  now: number,
): Promise<OutboxRow | null> {
  const parsed = MUTATION_ARGS[name].safeParse(args);
  if (!parsed.success) {
    throw new MutationError('invalid', `${name}: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
  }
  const t = boundTables(db, 'apply');
  const leadId = await affectedLeadId(t, name, parsed.data);
  const demo = leadId !== null && (await t.leads.get(leadId))?.importBatchId === DEMO_BATCH_ID;
  await APPLY[name](t, parsed.data as MutationArgs<N>);
  if (demo) return null;
  const state = await loadSyncState(t, now);
  // Stamped in the server's time once the device has heard from it: a wrong local clock neither
  // wins every merge nor gets refused as "ahead".
  const hlc = encodeHlc(tickHlc(decodeHlc(state.hlc), now + (state.clockOffsetMs ?? 0)));
  const entry: OutboxRow = { seq: state.nextSeq, clientId: state.clientId, id: uuidv7(), name, args: parsed.data, hlc, createdAt: now };
  await t.outbox.add(entry);
  await t.syncState.put({ ...state, hlc, nextSeq: state.nextSeq + 1 });
  return entry;
}

/**
 * Queues a refused change again, as a new change with a fresh clock (after the user fixed what
 * the server named, e.g. the computer's clock). Its effect is already in the local rows.
 */
export function requeueRejected(db: SdrDeskDb, seq: number, now: number = Date.now()): Promise<OutboxRow | null> {
  return db.transaction('rw', [db.rejections, db.outbox, db.syncState], async () => {
    const rejected = await db.rejections.get(seq);
    if (!rejected) return null;
    const parsed = OutboxEntrySchema.shape.name.safeParse(rejected.name);
    if (!parsed.success) return null;
    const state = await loadSyncState(db, now);
    const hlc = encodeHlc(tickHlc(decodeHlc(state.hlc), now + (state.clockOffsetMs ?? 0)));
    const entry: OutboxRow = { seq: state.nextSeq, clientId: state.clientId, id: uuidv7(), name: parsed.data, args: rejected.args, hlc, createdAt: now };
    await db.outbox.add(entry);
    await db.syncState.put({ ...state, hlc, nextSeq: state.nextSeq + 1 });
    await db.rejections.delete(seq);
    return entry;
  });
}

/**
 * Re-applies a change not yet confirmed by the server on top of rows just pulled (rebase). Runs
 * inside the pull's transaction; a change that no longer applies here stays queued all the same:
 * the server gives the verdict.
 */
export async function reapplyPending(db: SdrDeskDb, entry: OutboxRow): Promise<void> {
  const t = boundTables(db, 'rebase');
  const name = entry.name;
  const parsed = MUTATION_ARGS[name].safeParse(entry.args);
  if (!parsed.success) return;
  try {
    await (APPLY[name] as (db: TxTables, args: unknown) => Promise<void>)(t, parsed.data);
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
  }
}

/** The lead a queued change is about, looking up calls and hand-offs for the changes that name those. */
export async function affectedLeadId(t: Pick<TxTables, 'calls' | 'handoffs'>, name: MutationName, args: unknown): Promise<string | null> {
  const direct = mutationLeadId(name, args);
  if (direct !== null || name === 'lead.importBatch') return direct;
  const id = (args as { id?: unknown }).id;
  if (typeof id !== 'string') return null;
  if (name === 'handoff.accept' || name === 'handoff.return') return (await t.handoffs.get(id))?.leadId ?? null;
  return (await t.calls.get(id))?.leadId ?? null;
}

/** The tables a mutation writes, as the caller's transaction sees them, and how it applies. */
type TxTables = Pick<SdrDeskDb, 'leads' | 'calls' | 'notes' | 'events' | 'handoffs' | 'reviews' | 'importBatches' | 'outbox' | 'syncState'> & {
  /** 'rebase': the change may already be in these rows; what is there already is skipped, not refused. */
  readonly mode: 'apply' | 'rebase';
};

/**
 * Binds every table to the transaction the mutation runs in. Dexie otherwise finds the transaction
 * through its zone, which a native await can lose while a live query's read-only zone is current:
 * in Chromium a read then came from the live query's cache and a write built on it dropped
 * answers saved a moment earlier.
 */
function boundTables(db: SdrDeskDb, mode: TxTables['mode']): TxTables {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.db !== db || tx.mode !== 'readwrite') throw new MutationError('invalid', 'mutateInTransaction() needs a read-write transaction of this database');
  const table = <K extends keyof TxTables>(name: K) => tx.table(name) as unknown as TxTables[K];
  return {
    leads: table('leads'),
    calls: table('calls'),
    notes: table('notes'),
    events: table('events'),
    handoffs: table('handoffs'),
    reviews: table('reviews'),
    importBatches: table('importBatches'),
    outbox: table('outbox'),
    syncState: table('syncState'),
    mode,
  };
}

async function loadSyncState(db: Pick<TxTables, 'syncState'>, now: number): Promise<SyncStateRow> {
  return (await db.syncState.get('local')) ?? newSyncState(now);
}

/**
 * Records how far this device's clock is from the server's. A clock that ran ahead also left the
 * hybrid logical clock ahead, and an HLC never goes back on its own: it is pulled back to the
 * furthest the server accepts, which no change the server took can be later than.
 */
export function withServerTime(state: SyncStateRow, serverTime: number, localTime: number): SyncStateRow {
  const hlc = decodeHlc(state.hlc);
  const limit = serverTime + MAX_CLOCK_AHEAD_MS;
  return { ...state, clockOffsetMs: serverTime - localTime, hlc: hlc.wallMs > limit ? encodeHlc({ ...hlc, wallMs: limit, counter: 0 }) : state.hlc };
}

/** A device that has never written: a new client id, clock and sequence. */
export function newSyncState(now: number): SyncStateRow {
  const clientId = uuidv7();
  return { key: 'local', clientId, hlc: encodeHlc({ wallMs: now, counter: 0, clientId }), nextSeq: 1 };
}

type Appliers = { readonly [N in MutationName]: (db: TxTables, args: MutationArgs<N>) => Promise<void> };

const APPLY: Appliers = {
  'lead.create': async (db, { lead }) => {
    if (await db.leads.get(lead.id)) {
      if (db.mode === 'rebase') return;
      throw new MutationError('lead.exists', `Lead ${lead.id} exists`);
    }
    await db.leads.add(toLeadRow(lead));
  },
  'lead.update': async (db, { id, patch, updatedAt }) => {
    const lead = await getLead(db, id);
    if (patch.status !== undefined && patch.status !== lead.status && !canTransitionVia(lead.status, patch.status, 'manual')) {
      throw new MutationError('lifecycle.invalid', `A ${lead.status} lead cannot move to ${patch.status}`);
    }
    await putLead(db, applyPatch(lead, patch, updatedAt));
  },
  'lead.importBatch': async (db, { created, merged, updatedAt }) => {
    if (db.mode === 'rebase') {
      const existing = await db.leads.bulkGet(created.map((lead) => lead.id));
      await db.leads.bulkAdd(created.filter((_lead, i) => !existing[i]).map(toLeadRow));
    } else {
      await db.leads.bulkAdd(created.map(toLeadRow));
    }
    if (merged.length === 0) return;
    const rows = await db.leads.bulkGet(merged.map((m) => m.id));
    const updated = merged.map(({ id, patch }, i) => {
      const row = rows[i];
      if (!row) throw new MutationError('lead.notFound', `Lead ${id} not found`);
      return toLeadRow(applyPatch(fromLeadRow(row), patch, updatedAt));
    });
    await db.leads.bulkPut(updated);
  },
  'call.start': async (db, { call }) => {
    const lead = await getLead(db, call.leadId);
    // A do-not-call lead may still ring in; only calling them is refused.
    if (call.channel === 'phone' && call.direction === 'outbound' && lead.doNotCall) throw new MutationError('lead.doNotCall', `Lead ${lead.id} must not be called`);
    if (db.mode === 'rebase' && (await db.calls.get(call.id))) return;
    await db.calls.add(call.wrappedUpAt === null ? { ...call, isOpen: 1 } : call);
  },
  'call.progress': async (db, { id, connectedAt, endedAt, sip }) => {
    const call = await openCall(db, id);
    await db.calls.put({
      ...call,
      connectedAt: call.connectedAt ?? connectedAt ?? null,
      endedAt: call.endedAt ?? endedAt ?? null,
      ...(sip ? { sip } : {}),
    });
  },
  'call.answers': async (db, { id, scriptId, scriptVersion, answers }) => {
    const call = await openCall(db, id);
    await db.calls.put({ ...call, scriptId, scriptVersion, answers: mergeAnswers(call.answers, answers) });
  },
  'call.wrapUp': async (db, { id, wrappedUpAt, disposition, doNotCall, callbackAt, leadFields }) => {
    const call = await openCall(db, id);
    const { isOpen: _open, ...closed } = call;
    await db.calls.put({ ...closed, endedAt: call.endedAt ?? wrappedUpAt, wrappedUpAt, disposition, callbackAt });
    const lead = await getLead(db, call.leadId);
    await putLead(
      db,
      applyPatch(
        lead,
        {
          status: lead.status === 'new' ? 'working' : lead.status,
          firstContactedAt: lead.firstContactedAt ?? call.startedAt,
          lastContactedAt: Math.max(lead.lastContactedAt ?? 0, call.startedAt),
          // A call made settles the call-back it was for; a new one replaces it.
          nextCallbackAt: callbackAt,
          doNotCall: lead.doNotCall || doNotCall,
          customFields: { ...lead.customFields, ...leadFields },
        },
        wrappedUpAt,
      ),
    );
  },
  'note.add': async (db, { note }) => {
    await getLead(db, note.leadId);
    await db.notes.put(note);
  },
  'lead.tags': async (db, { event }) => {
    const lead = await getLead(db, event.leadId);
    const removed = new Set(event.removed);
    const tags = [...lead.tags.filter((tag) => !removed.has(tag)), ...event.added.filter((tag) => !lead.tags.includes(tag))];
    await putLead(db, applyPatch(lead, { tags }, event.at));
    await db.events.put(event);
  },
  'lead.transition': async (db, { event }) => {
    if (!canTransitionVia(event.from, event.to, 'manual')) {
      throw new MutationError('lifecycle.invalid', `${event.from} → ${event.to} is not a move made by hand (hand-off statuses belong to their flow)`);
    }
    await applyStatusEvent(db, event);
  },
  'handoff.create': async (db, { handoff, event }) => {
    // Rebasing, this very hand-off may already be here (as the server delivered it): not a second one.
    const open = await db.handoffs.where('leadId').equals(handoff.leadId).filter((h) => isOpenHandoff(h.status) && h.id !== handoff.id).first();
    if (open) throw new MutationError('handoff.exists', `Lead ${handoff.leadId} was handed off by ${open.fromSdr} at ${new Date(open.createdAt).toISOString()}`);
    if (event.to !== 'mql' || event.leadId !== handoff.leadId) throw new MutationError('invalid', 'A hand-off moves its lead to mql');
    await applyStatusEvent(db, event);
    if (db.mode === 'rebase' && (await db.handoffs.get(handoff.id))) return;
    await db.handoffs.add(handoff);
  },
  'handoff.recall': async (db, { id, event }) => {
    const handoff = await db.handoffs.get(id);
    if (!handoff) throw new MutationError('handoff.notFound', `Hand-off ${id} not found`);
    if (event.leadId !== handoff.leadId || event.to !== 'working') throw new MutationError('invalid', 'A recall moves its own lead back to working');
    if (db.mode === 'rebase' && handoff.status === 'recalled') return applyStatusEvent(db, event);
    if (!canRecall(handoff.status)) throw new MutationError('handoff.notRecallable', `Hand-off ${id} is ${handoff.status}`);
    await applyStatusEvent(db, event);
    await db.handoffs.put({ ...handoff, status: 'recalled', statusReason: event.reason, updatedAt: event.at });
  },
  'handoff.accept': (db, args) => answerHandoff(db, args, 'accepted', ''),
  'handoff.return': (db, args) => answerHandoff(db, args, 'returned', args.reason),
  'review.add': async (db, { review }) => {
    if (await db.reviews.get(review.id)) return;
    // Who reviewed and whose call it was are the server's to say: blank here until it has it.
    const call = await db.calls.get(review.callId);
    await db.reviews.add({
      id: review.id,
      callId: review.callId,
      leadId: review.leadId,
      sdrId: '',
      sdrName: call?.sdr ?? '',
      reviewerId: '',
      reviewer: '',
      comment: review.comment,
      scores: review.scores,
      criteria: review.criteria,
      createdAt: review.at,
    });
  },
};

/**
 * Sales' answer. On a sales rep's device the lead itself is not stored (the hand-off carries its
 * snapshot), so the lead moves only where it is.
 */
async function answerHandoff(db: TxTables, args: { id: string; eventId: string; at: number }, status: 'accepted' | 'returned', reason: string): Promise<void> {
  const handoff = await db.handoffs.get(args.id);
  if (!handoff) throw new MutationError('handoff.notFound', `Hand-off ${args.id} not found`);
  if (db.mode === 'rebase' && handoff.status === status) return;
  if (!canRecall(handoff.status)) throw new MutationError('handoff.notOpen', `Hand-off ${args.id} is ${handoff.status}`);
  await db.handoffs.put({ ...handoff, status, statusReason: reason, updatedAt: args.at });
  const lead = await db.leads.get(handoff.leadId);
  if (!lead || lead.status !== 'mql') return;
  const to = status === 'accepted' ? 'sql' : 'returned';
  await applyStatusEvent(db, { type: 'status', id: args.eventId, leadId: lead.id, at: args.at, by: '', from: 'mql', to, reason, nextTouchAt: null });
}

// These return Dexie's own promises (no async wrapper), so no native promise sits between two
// requests of the transaction.
function getLead(db: TxTables, id: string): PromiseLike<Lead> {
  return db.leads.get(id).then((row) => {
    if (!row) throw new MutationError('lead.notFound', `Lead ${id} not found`);
    return fromLeadRow(row);
  });
}

function putLead(db: TxTables, lead: Lead): PromiseLike<string> {
  return db.leads.put(toLeadRow(lead));
}

function openCall(db: TxTables, id: string): PromiseLike<CallRow> {
  return db.calls.get(id).then((call) => {
    if (!call) throw new MutationError('call.notFound', `Call ${id} not found`);
    if (call.wrappedUpAt !== null) throw new MutationError('call.closed', `Call ${id} is already wrapped up`);
    return call;
  });
}

/**
 * Applies a status event: refused unless the lead is still in the status the user saw. Rebasing,
 * a lead already moved is left as it is.
 */
async function applyStatusEvent(db: TxTables, event: StatusEvent, extra: Partial<Lead> = {}): Promise<void> {
  const lead = await getLead(db, event.leadId);
  if (db.mode === 'rebase' && lead.status !== event.from) {
    await db.events.put(event);
    return;
  }
  if (lead.status !== event.from) throw new MutationError('lead.stale', `Lead ${lead.id} is ${lead.status}, not ${event.from}`);
  if (!canTransition(event.from, event.to)) throw new MutationError('lifecycle.invalid', `A ${event.from} lead cannot move to ${event.to}`);
  const nextCallbackAt = event.to === 'nurturing' || event.to === 'disqualified' || event.to === 'mql' ? event.nextTouchAt : lead.nextCallbackAt;
  await putLead(db, applyPatch(lead, { ...extra, status: event.to, nextCallbackAt }, event.at));
  await db.events.put(event);
}

function applyPatch(lead: Lead, patch: Partial<Lead>, updatedAt: number): Lead {
  const next = LeadSchema.safeParse({ ...lead, ...patch, updatedAt: Math.max(updatedAt, lead.updatedAt) });
  if (!next.success) throw new MutationError('invalid', next.error.issues.map((i) => i.path.join('.')).join(', '));
  return next.data;
}

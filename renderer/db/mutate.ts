import { v7 as uuidv7 } from 'uuid';
import { LeadSchema, type Lead } from '../../shared/model/lead';
import { decodeHlc, encodeHlc, tickHlc } from '../../shared/sync/hlc';
import { MUTATION_ARGS, type MutationArgs, type MutationName } from '../../shared/sync/mutations';
import type { SdrDeskDb } from './database';
import { fromLeadRow, toLeadRow } from './leadRow';
import type { OutboxRow, SyncStateRow } from './schema';

/** Tables a mutation may touch; every mutation transaction locks all of them. */
export function mutationTables(db: SdrDeskDb) {
  return [db.leads, db.calls, db.notes, db.tags, db.handoffs, db.importBatches, db.outbox, db.syncState];
}

export class MutationError extends Error {
  constructor(
    readonly code: 'lead.notFound' | 'lead.exists' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'MutationError';
  }
}

/**
 * The one write path for user data: applies the mutation to the local tables and appends it to the
 * outbox in ONE transaction, so the sync engine sends exactly what the user saw saved. The promise
 * resolves once the transaction has committed (with strict durability).
 */
export function mutate<N extends MutationName>(
  db: SdrDeskDb,
  name: N,
  args: MutationArgs<N>,
  now: number = Date.now(),
): Promise<OutboxRow> {
  return db.transaction('rw', mutationTables(db), () => mutateInTransaction(db, name, args, now));
}

/** For callers that batch several mutations in one transaction of their own (the CSV import). */
export async function mutateInTransaction<N extends MutationName>(
  db: SdrDeskDb,
  name: N,
  args: MutationArgs<N>,
  now: number,
): Promise<OutboxRow> {
  const parsed = MUTATION_ARGS[name].safeParse(args);
  if (!parsed.success) {
    throw new MutationError('invalid', `${name}: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
  }
  const state = await loadSyncState(db, now);
  const hlc = encodeHlc(tickHlc(decodeHlc(state.hlc), now));
  await APPLY[name](db, parsed.data as MutationArgs<N>);
  const entry: OutboxRow = { seq: state.nextSeq, clientId: state.clientId, id: uuidv7(), name, args: parsed.data, hlc, createdAt: now };
  await db.outbox.add(entry);
  await db.syncState.put({ ...state, hlc, nextSeq: state.nextSeq + 1 });
  return entry;
}

async function loadSyncState(db: SdrDeskDb, now: number): Promise<SyncStateRow> {
  const existing = await db.syncState.get('local');
  if (existing) return existing;
  const clientId = uuidv7();
  return { key: 'local', clientId, hlc: encodeHlc({ wallMs: now, counter: 0, clientId }), nextSeq: 1 };
}

type Appliers = { readonly [N in MutationName]: (db: SdrDeskDb, args: MutationArgs<N>) => Promise<void> };

const APPLY: Appliers = {
  'lead.create': async (db, { lead }) => {
    if (await db.leads.get(lead.id)) throw new MutationError('lead.exists', `Lead ${lead.id} exists`);
    await db.leads.add(toLeadRow(lead));
  },
  'lead.update': async (db, { id, patch, updatedAt }) => {
    const row = await db.leads.get(id);
    if (!row) throw new MutationError('lead.notFound', `Lead ${id} not found`);
    await db.leads.put(toLeadRow(applyPatch(fromLeadRow(row), patch, updatedAt)));
  },
  'lead.importBatch': async (db, { created, merged, updatedAt }) => {
    await db.leads.bulkAdd(created.map(toLeadRow));
    if (merged.length === 0) return;
    const rows = await db.leads.bulkGet(merged.map((m) => m.id));
    const updated = merged.map(({ id, patch }, i) => {
      const row = rows[i];
      if (!row) throw new MutationError('lead.notFound', `Lead ${id} not found`);
      return toLeadRow(applyPatch(fromLeadRow(row), patch, updatedAt));
    });
    await db.leads.bulkPut(updated);
  },
};

function applyPatch(lead: Lead, patch: Partial<Lead>, updatedAt: number): Lead {
  const next = LeadSchema.safeParse({ ...lead, ...patch, updatedAt: Math.max(updatedAt, lead.updatedAt) });
  if (!next.success) throw new MutationError('invalid', next.error.issues.map((i) => i.path.join('.')).join(', '));
  return next.data;
}

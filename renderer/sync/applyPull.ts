import { CallSchema } from '../../shared/model/call';
import { HandoffSchema } from '../../shared/model/handoff';
import { LeadSchema } from '../../shared/model/lead';
import { LeadEventSchema } from '../../shared/model/leadEvent';
import { NoteSchema } from '../../shared/model/note';
import { ReviewSchema } from '../../shared/model/review';
import { isEntityKind, type Change, type EntityKind, type PullResponse } from '../../shared/sync/protocol';
import { z } from 'zod';
import { affectedLeadId, DEMO_BATCH_ID, mutationTables, newSyncState, reapplyPending, toLeadRow, withServerTime, type SdrDeskDb } from '../db';

const PlaybookChangeSchema = z.object({ text: z.string(), publishedAt: z.number(), by: z.string(), version: z.number().int().positive().optional() });
export type PublishedPlaybook = z.infer<typeof PlaybookChangeSchema>;

export interface PullApplied {
  readonly applied: number;
  /** Rows the server sent that this app cannot read (a newer server): skipped, counted. */
  readonly unreadable: number;
  /** The team's playbook, when this page carried a newly published one. */
  readonly playbook: PublishedPlaybook | null;
}

/**
 * Stores one pull page: the rows, the members and the new cursor in ONE transaction (the cursor
 * never runs ahead of its data), then re-applies the changes still waiting to be confirmed that
 * concern the leads this page touched, so the user keeps seeing their own unsent work (rebase).
 */
export async function applyPull(db: SdrDeskDb, page: PullResponse, localNow: number): Promise<PullApplied> {
  return db.transaction('rw', [...mutationTables(db), db.settings, db.drafts], async () => {
    if (page.reset) await clearSynced(db);
    const touched = new Set<string>();
    let unreadable = 0;
    let playbook: PublishedPlaybook | null = null;
    for (const change of page.changes) {
      const outcome = await applyChange(db, change);
      if (outcome === 'unreadable') unreadable++;
      else if (typeof outcome === 'string') touched.add(outcome);
      else if (outcome !== null) playbook = outcome;
    }
    if (touched.size > 0) {
      for (const entry of await db.outbox.orderBy('seq').toArray()) {
        const leadId = await affectedLeadId(db, entry.name, entry.args);
        if (leadId !== null && touched.has(leadId)) await reapplyPending(db, entry);
      }
    }
    const state = (await db.syncState.get('local')) ?? newSyncState(localNow);
    await db.syncState.put({ ...withServerTime(state, page.serverTime, localNow), cursor: page.cursor });
    await db.settings.put({ key: 'teamMembers', value: page.members });
    return { applied: page.changes.length - unreadable, unreadable, playbook };
  });
}

/**
 * Replaces this device's copy of one lead with the server's (after a change to it was refused),
 * then re-applies the changes still queued for it.
 */
export async function replaceLead(db: SdrDeskDb, leadId: string, changes: readonly Change[]): Promise<void> {
  await db.transaction('rw', [...mutationTables(db), db.rejections], async () => {
    const demo = (await db.leads.get(leadId))?.importBatchId === DEMO_BATCH_ID;
    if (demo) return;
    await removeRow(db, { kind: 'lead', id: leadId, data: null });
    for (const change of changes) await applyChange(db, change);
    for (const entry of await db.outbox.orderBy('seq').toArray()) {
      if ((await affectedLeadId(db, entry.name, entry.args)) === leadId) await reapplyPending(db, entry);
    }
    await db.rejections.where('leadId').equals(leadId).modify({ repairedAt: Date.now() });
  });
}

/**
 * The team's rows on this device (demo leads stay): on a reset (the server's counter is behind
 * this device's cursor) queued work stays; signing out clears that too.
 */
export async function clearSynced(db: SdrDeskDb): Promise<void> {
  await db.leads.filter((lead) => lead.importBatchId !== DEMO_BATCH_ID).delete();
  for (const table of [db.calls, db.notes, db.events, db.handoffs, db.reviews]) await table.clear();
}

/** Returns the lead the change touched, the playbook it carried, 'unreadable', or null. */
type KnownChange = Change & { readonly kind: EntityKind };

async function applyChange(db: SdrDeskDb, wire: Change): Promise<string | PublishedPlaybook | 'unreadable' | null> {
  const { kind } = wire;
  if (!isEntityKind(kind)) return 'unreadable';
  const change: KnownChange = { ...wire, kind };
  if (change.data === null) return removeRow(db, change);
  switch (change.kind) {
    case 'lead': {
      const lead = LeadSchema.safeParse(change.data);
      if (!lead.success) return 'unreadable';
      await db.leads.put(toLeadRow(lead.data));
      return lead.data.id;
    }
    case 'call': {
      const call = CallSchema.safeParse(change.data);
      if (!call.success) return 'unreadable';
      await db.calls.put(call.data.wrappedUpAt === null ? { ...call.data, isOpen: 1 } : call.data);
      return call.data.leadId;
    }
    case 'note': {
      const note = NoteSchema.safeParse(change.data);
      if (!note.success) return 'unreadable';
      await db.notes.put(note.data);
      return note.data.leadId;
    }
    case 'event': {
      const event = LeadEventSchema.safeParse(change.data);
      if (!event.success) return 'unreadable';
      await db.events.put(event.data);
      return event.data.leadId;
    }
    case 'handoff': {
      const handoff = HandoffSchema.safeParse(change.data);
      if (!handoff.success) return 'unreadable';
      await db.handoffs.put(handoff.data);
      return handoff.data.leadId;
    }
    case 'playbook': {
      const playbook = PlaybookChangeSchema.safeParse(change.data);
      return playbook.success ? playbook.data : 'unreadable';
    }
    case 'review': {
      const review = ReviewSchema.safeParse(change.data);
      if (!review.success) return 'unreadable';
      await db.reviews.put(review.data);
      return review.data.leadId;
    }
  }
}

async function removeRow(db: SdrDeskDb, change: KnownChange): Promise<string | null> {
  switch (change.kind) {
    case 'lead':
      // Gone or given to someone else: the lead leaves with everything recorded on it.
      // Sequential: a native Promise.all inside a Dexie transaction can let it commit early.
      await db.leads.delete(change.id);
      await db.calls.where('[leadId+startedAt]').between([change.id, -Infinity], [change.id, Infinity]).delete();
      await db.notes.where('[leadId+createdAt]').between([change.id, -Infinity], [change.id, Infinity]).delete();
      await db.events.where('[leadId+at]').between([change.id, -Infinity], [change.id, Infinity]).delete();
      await db.handoffs.where('leadId').equals(change.id).delete();
      // Reviews stay: they are about this SDR's calls, whoever owns the lead now.
      return null;
    case 'call':
      await db.calls.delete(change.id);
      return null;
    case 'note':
      await db.notes.delete(change.id);
      return null;
    case 'event':
      await db.events.delete(change.id);
      return null;
    case 'handoff':
      await db.handoffs.delete(change.id);
      return null;
    case 'playbook':
      return null;
    case 'review':
      await db.reviews.delete(change.id);
      return null;
  }
}

import { db } from '../../db';
import type { CallRow, HandoffRow, LeadEventRow, LeadRow, NoteRow } from '../../db/schema';
import { callsForLead, openCall } from '../call';
import { handoffsForLead } from '../handoff';
import { notesForLead } from '../notes';

export interface LeadActivity {
  /** Newest first. */
  readonly calls: readonly CallRow[];
  /** Every revision, oldest first. */
  readonly notes: readonly NoteRow[];
  readonly events: readonly LeadEventRow[];
  /** Newest first. */
  readonly handoffs: readonly HandoffRow[];
}

/** Everything the workspace shows about one lead, read in one transaction so it is consistent. */
export function leadActivity(leadId: string): Promise<LeadActivity> {
  return db.transaction('r', [db.calls, db.notes, db.events, db.handoffs], async () => {
    const [calls, notes, events, handoffs] = await Promise.all([
      callsForLead(leadId),
      notesForLead(leadId),
      db.events.where('[leadId+at]').between([leadId, 0], [leadId, Infinity]).toArray(),
      handoffsForLead(leadId),
    ]);
    return { calls, notes, events, handoffs };
  });
}

/** The open call anywhere, with the company it is with. */
export async function currentCall(): Promise<{ readonly call: CallRow; readonly lead: LeadRow | undefined } | null> {
  const call = await openCall();
  if (!call) return null;
  return { call, lead: await db.leads.get(call.leadId) };
}

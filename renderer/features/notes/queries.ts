import { db } from '../../db';
import type { DraftRow, NoteRow } from '../../db/schema';

export const draftKey = (leadId: string, rootId: string | null): string => (rootId ? `note:${leadId}:${rootId}` : `note:${leadId}`);

export function readDraft(leadId: string, rootId: string | null): Promise<DraftRow | undefined> {
  return db.drafts.get(draftKey(leadId, rootId));
}

/** Every revision of the lead's notes, oldest first. */
export function notesForLead(leadId: string): Promise<NoteRow[]> {
  return db.notes.where('[leadId+createdAt]').between([leadId, 0], [leadId, Infinity]).toArray();
}

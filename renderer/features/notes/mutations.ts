import { v7 as uuidv7 } from 'uuid';
import { db, mutateInTransaction, mutationTables } from '../../db';
import type { Note } from '../../../shared/model/note';
import { draftKey } from './queries';

/** Device-only: a draft is not team data until it is saved as a note. */
export async function saveDraft(leadId: string, rootId: string | null, text: string, now: number = Date.now()): Promise<void> {
  const key = draftKey(leadId, rootId);
  if (text === '') await db.drafts.delete(key);
  else await db.drafts.put({ key, leadId, rootId, text, updatedAt: now });
}

interface AddNote {
  readonly leadId: string;
  readonly text: string;
  readonly author: string;
  readonly callId: string | null;
  /** The note being revised, with its newest revision number; null for a new note. */
  readonly revises: Pick<Note, 'rootId' | 'revision'> | null;
}

/** Appends the note (or its next revision) and drops the draft in one transaction. */
export async function addNote({ leadId, text, author, callId, revises }: AddNote, now: number = Date.now()): Promise<Note> {
  const id = uuidv7();
  const note: Note = {
    id,
    leadId,
    callId,
    rootId: revises?.rootId ?? id,
    revision: (revises?.revision ?? 0) + 1,
    text: text.trim(),
    author,
    createdAt: now,
  };
  await db.transaction('rw', [...mutationTables(db), db.drafts], async () => {
    await mutateInTransaction(db, 'note.add', { note }, now);
    await db.drafts.delete(draftKey(leadId, revises?.rootId ?? null));
  });
  return note;
}

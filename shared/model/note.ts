import { z } from 'zod';

export const MAX_NOTE_LENGTH = 10_000;

/**
 * Notes are append-only: editing a note adds a revision with the same rootId and the next
 * revision number; the newest revision is what the lead shows, the older ones stay for review.
 */
export const NoteSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  callId: z.uuid().nullable(),
  rootId: z.uuid(),
  revision: z.number().int().positive(),
  text: z.string().trim().min(1, { error: 'note.empty' }).max(MAX_NOTE_LENGTH, { error: 'text.tooLong' }),
  author: z.string().max(80),
  createdAt: z.number().int().nonnegative(),
});
export type Note = Readonly<z.infer<typeof NoteSchema>>;

/** The newest revision of each note, newest note first. */
export function latestRevisions(notes: readonly Note[]): Note[] {
  const byRoot = new Map<string, Note>();
  for (const note of notes) {
    const seen = byRoot.get(note.rootId);
    if (!seen || note.revision > seen.revision) byRoot.set(note.rootId, note);
  }
  return [...byRoot.values()].sort((a, b) => b.createdAt - a.createdAt);
}

import { v7 as uuidv7 } from 'uuid';
import { db, mutate, MutationError } from '../../db';

/** What became of an answer: saved, or refused with a reason the inbox can show. */
export type AnswerResult = { readonly ok: true } | { readonly ok: false; readonly code: 'notOpen' | 'failed'; readonly message: string };

async function answer(write: () => Promise<unknown>): Promise<AnswerResult> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    // Answered elsewhere or recalled meanwhile: the list will already show its new status.
    if (error instanceof MutationError && (error.code === 'handoff.notOpen' || error.code === 'handoff.notFound')) return { ok: false, code: 'notOpen', message: error.message };
    return { ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Sales takes the lead: it becomes an SQL (where the lead is stored) and the CRM receives it. */
export function acceptHandoff(id: string, now: number): Promise<AnswerResult> {
  return answer(() => mutate(db, 'handoff.accept', { id, eventId: uuidv7(), at: now }, now));
}

/** Back to the SDR, with the reason they will read. */
export function returnHandoff(id: string, reason: string, now: number): Promise<AnswerResult> {
  return answer(() => mutate(db, 'handoff.return', { id, eventId: uuidv7(), at: now, reason: reason.trim() }, now));
}

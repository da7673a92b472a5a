import { v7 as uuidv7 } from 'uuid';
import { db, mutate } from '../../db';
import type { Lead } from '../../../shared/model/lead';

/** Tag changes travel as added/removed sets, so two devices tagging the same lead both keep theirs. */
export async function changeTags(lead: Pick<Lead, 'id'>, added: readonly string[], removed: readonly string[], by: string, now: number = Date.now()): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  await mutate(db, 'lead.tags', { event: { type: 'tags', id: uuidv7(), leadId: lead.id, at: now, by, added: [...added], removed: [...removed] } }, now);
}

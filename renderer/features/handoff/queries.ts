import { db } from '../../db';
import type { HandoffRow } from '../../db/schema';

/** The lead's hand-offs, newest first. */
export async function handoffsForLead(leadId: string): Promise<HandoffRow[]> {
  const rows = await db.handoffs.where('leadId').equals(leadId).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

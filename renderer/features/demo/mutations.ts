import { db, toLeadRow } from '../../db';
import { generateDemoLeads } from './demoLeads';

export const DEMO_BATCH_ID = 'demo';
export const DEMO_LEAD_COUNT = 240;

/**
 * Demo leads are for looking around on a fresh profile, not team data: they are written without
 * outbox entries so they never reach the team server. (The sync issue must also keep edits of
 * demo leads, marked by importBatchId 'demo', out of the outbox.)
 */
export async function loadDemoLeads(now: number = Date.now()): Promise<number> {
  const leads = generateDemoLeads({ count: DEMO_LEAD_COUNT, seed: 2026, now }).map((lead) => ({ ...lead, importBatchId: DEMO_BATCH_ID }));
  await db.transaction('rw', db.leads, db.settings, async () => {
    await db.leads.bulkPut(leads.map(toLeadRow));
    await db.settings.put({ key: 'demoOffered', value: true });
  });
  return leads.length;
}

import { db, DEMO_BATCH_ID, toLeadRow } from '../../db';
import { generateDemoLeads } from './demoLeads';

export { DEMO_BATCH_ID };
export const DEMO_LEAD_COUNT = 240;

/**
 * Demo leads are for looking around on a fresh profile, not team data: they are written without
 * outbox entries so they never reach the team server; mutate() keeps changes to them out too.
 */
export async function loadDemoLeads(now: number = Date.now()): Promise<number> {
  const leads = generateDemoLeads({ count: DEMO_LEAD_COUNT, seed: 2026, now }).map((lead) => ({ ...lead, importBatchId: DEMO_BATCH_ID }));
  await db.transaction('rw', db.leads, db.settings, async () => {
    await db.leads.bulkPut(leads.map(toLeadRow));
    await db.settings.put({ key: 'demoOffered', value: true });
  });
  return leads.length;
}

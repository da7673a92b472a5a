import { fromLeadRow, type SdrDeskDb } from '../../db';
import type { Lead } from '../../../shared/model/lead';

export type DedupeLookup = 'scan' | 'perKey';

/**
 * Stored leads holding any of the exact dedupe keys ('t:…' phone digits, 'e:…' e-mail) in their
 * `searchTokens` index. Call it inside the import's transaction so that the answer cannot change
 * before the write.
 *
 * Two ways, chosen by size, because Collection.anyOf() is far too slow for a large file: measured in
 * Chromium with 20,000 stored leads and 40,000 keys, anyOf() in chunks of 500 took ~100 s, one
 * equals() per key (issued in parallel) ~8 s, and one key-only scan of the 't:' and 'e:' index
 * ranges ~1.8 s (about 3 index entries per lead). The scan costs ~90 µs per stored lead and the
 * per-key look-up ~200 µs per key, so the scan wins while the store has fewer than about twice as
 * many leads as the file has keys; a small file against a large store looks each key up.
 */
export async function findLeadsByDedupeKeys(db: SdrDeskDb, keys: readonly string[], lookup?: DedupeLookup): Promise<Lead[]> {
  if (keys.length === 0) return [];
  const strategy = lookup ?? ((await db.leads.count()) < keys.length * 2 ? 'scan' : 'perKey');
  const ids = [...(strategy === 'scan' ? await scanForKeys(db, new Set(keys)) : await lookUpEachKey(db, keys))];
  const leads: Lead[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const row of await db.leads.bulkGet(ids.slice(i, i + BATCH))) if (row) leads.push(fromLeadRow(row));
  }
  return leads;
}

/**
 * Requests per batch. Chromium hands a batch's results to the page in one task, so a batch is a
 * pause of the window's thread: 50,000 ids in one bulkGet() froze it for 2.5 s, 2,000 parallel
 * look-ups for 0.9 s. 500 keeps each pause near a frame or two at the same total time.
 */
const BATCH = 500;

async function scanForKeys(db: SdrDeskDb, keys: ReadonlySet<string>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const prefix of ['t:', 'e:']) {
    await db.leads
      .where('searchTokens')
      .startsWith(prefix)
      .eachKey((key, cursor) => {
        if (typeof key === 'string' && keys.has(key)) ids.add(cursor.primaryKey);
      });
  }
  return ids;
}

async function lookUpEachKey(db: SdrDeskDb, keys: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const found = await Promise.all(batch.map((key) => db.leads.where('searchTokens').equals(key).primaryKeys()));
    for (const list of found) for (const id of list) ids.add(id);
  }
  return ids;
}

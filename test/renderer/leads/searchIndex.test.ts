import { afterEach, describe, expect, it } from 'vitest';
import { db, mutate, toLeadRow } from '../../../renderer/db';
import { generateDemoLeads } from '../../../renderer/features/demo';
import { matchingIds } from '../../../renderer/features/leads/queries';
import { leadSearchIndex } from '../../../renderer/features/leads/searchIndex';
import { TokenIndex } from '../../../renderer/features/leads/tokenIndex';
import { searchClauses } from '../../../shared/rules/leadSearch';
import { NO_FILTERS } from '../../../renderer/state/uiStore';
import { makeLead } from '../../helpers/leadFactory';

const NOW = 1_750_000_000_000;

afterEach(async () => {
  await Promise.all([db.leads.clear(), db.outbox.clear(), db.syncState.clear()]);
});

function whenReady(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (leadSearchIndex.ready ? resolve() : setTimeout(check, 5));
    check();
  });
}

const sorted = (ids: Iterable<string> | null) => [...(ids ?? [])].sort();

describe('TokenIndex', () => {
  it('answers exact and prefix clauses and forgets a lead’s old tokens', () => {
    const index = new TokenIndex();
    index.set('a', ['科技', 'northwind', 't:8613800138000']);
    index.set('b', ['科技', 'north']);
    expect(sorted(index.lookup({ op: 'exact', token: '科技' }))).toEqual(['a', 'b']);
    expect(sorted(index.lookup({ op: 'prefix', token: 'north' }))).toEqual(['a', 'b']);
    expect(sorted(index.lookup({ op: 'prefix', token: 't:86138' }))).toEqual(['a']);
    index.set('a', ['acme']);
    expect(sorted(index.lookup({ op: 'exact', token: '科技' }))).toEqual(['b']);
    expect(sorted(index.lookup({ op: 'prefix', token: 'acm' }))).toEqual(['a']);
    index.remove('b');
    expect(sorted(index.lookup({ op: 'prefix', token: 'north' }))).toEqual([]);
    expect(index.size).toBe(1);
    // Tokens added after the list was sorted are found by prefix too, a few or many at once.
    index.set('c', ['nordic']);
    expect(sorted(index.lookup({ op: 'prefix', token: 'nor' }))).toEqual(['c']);
    for (let i = 0; i < 3000; i++) index.set(`n${i}`, [`nor${i}`]);
    expect(index.lookup({ op: 'prefix', token: 'nor' }).size).toBe(3001);
    // nor29, nor290…nor299, nor2900…nor2999
    expect(index.lookup({ op: 'prefix', token: 'nor29' }).size).toBe(111);
  });
});

describe('the in-memory search index', () => {
  it('answers exactly what the IndexedDB index answers, and follows committed writes only', async () => {
    const leads = generateDemoLeads({ count: 400, seed: 3, now: NOW });
    await db.leads.bulkAdd(leads.map(toLeadRow));
    leadSearchIndex.start();
    await whenReady();

    const queries = ['科技', '上海', '王', 'emma', 'north', 'wx_', leads[7]!.phones[0]!, leads[9]!.email || 'chen', '138', 'marketing'];
    for (const q of queries) {
      const clauses = searchClauses(q, 'CN');
      expect(sorted(await matchingIds(clauses, NO_FILTERS, leadSearchIndex)), q).toEqual(sorted(await matchingIds(clauses, NO_FILTERS)));
    }

    // A new lead, an edit and a failed write.
    const added = makeLead({ company: '索引测试科技有限公司', phones: ['+8618612345678'], email: '' });
    await mutate(db, 'lead.create', { lead: added }, NOW);
    expect(sorted(leadSearchIndex.lookup({ op: 'exact', token: '索引' }))).toEqual([added.id]);
    await mutate(db, 'lead.update', { id: added.id, patch: { company: '改名科技有限公司' }, updatedAt: NOW + 1 }, NOW + 1);
    expect(sorted(leadSearchIndex.lookup({ op: 'exact', token: '索引' }))).toEqual([]);
    expect(sorted(leadSearchIndex.lookup({ op: 'exact', token: '改名' }))).toEqual([added.id]);
    const duplicate = makeLead({ company: '不该出现有限公司' });
    await expect(
      db.transaction('rw', db.leads, async () => {
        await db.leads.add(toLeadRow(duplicate));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(sorted(leadSearchIndex.lookup({ op: 'exact', token: '不该' }))).toEqual([]);

    await db.leads.delete(added.id);
    expect(sorted(leadSearchIndex.lookup({ op: 'exact', token: '改名' }))).toEqual([]);
  });
});

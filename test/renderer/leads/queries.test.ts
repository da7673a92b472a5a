import { afterEach, describe, expect, it } from 'vitest';
import { db, toLeadRow } from '../../../renderer/db';
import { generateDemoLeads } from '../../../renderer/features/demo';
import { UNASSIGNED, matchingIds, queueHead, queueOrder } from '../../../renderer/features/leads/queries';
import { LeadSchema } from '../../../shared/model/lead';
import { normalizePhone } from '../../../shared/model/phone';
import { searchClauses } from '../../../shared/rules/leadSearch';
import { NO_FILTERS } from '../../../renderer/state/uiStore';
import { makeLead } from '../../helpers/leadFactory';

afterEach(async () => {
  await db.leads.clear();
});

const NOW = 1_750_000_000_000;

describe('queue queries', () => {
  it('orders a view: due call-backs first, then fresh inbound oldest first, then by priority; other views excluded', async () => {
    const freshOld = makeLead({ company: 'Fresh old', createdAt: NOW - 5000 });
    const freshNew = makeLead({ company: 'Fresh new', createdAt: NOW - 1000 });
    const workingP1 = makeLead({ company: 'Working P1', status: 'working', firstContactedAt: NOW - 9000, priority: 1 });
    const workingP3 = makeLead({ company: 'Working P3', status: 'working', firstContactedAt: NOW - 9000, priority: 3 });
    const callbackDue = makeLead({ company: 'Callback', status: 'working', firstContactedAt: NOW - 9000, priority: 3, nextCallbackAt: NOW - 1 });
    const handedOff = makeLead({ company: 'MQL', status: 'mql', firstContactedAt: NOW - 9000, priority: 1, nextCallbackAt: NOW - 5 });
    const outbound = makeLead({ company: 'Outbound', kind: 'outbound' });
    await db.leads.bulkAdd([workingP3, handedOff, freshNew, callbackDue, outbound, workingP1, freshOld].map(toLeadRow));

    const order = await queueOrder('inbound', NOW);
    const names = (await db.leads.bulkGet(order)).map((l) => l?.company);
    expect(names).toEqual(['Callback', 'Fresh old', 'Fresh new', 'Working P1', 'Working P3', 'MQL']);
    expect(await queueOrder('outbound', NOW)).toEqual([outbound.id]);
    const head = await queueHead('inbound', NOW, 4);
    expect(head).toEqual(order.slice(0, 4));
  });

  it('finds leads by search clauses and filters, intersected', async () => {
    const a = makeLead({ company: '甲乙测试科技有限公司', temperature: 'hot', tags: ['需要演示'] });
    const b = makeLead({ company: '丙丁科技有限公司', phones: ['+8613900139000'], email: '', owner: '李明' });
    const c = makeLead({ company: 'Acme Analytics', phones: ['+14155552671'], email: 'emma@acme.com' });
    await db.leads.bulkAdd([a, b, c].map(toLeadRow));
    const find = async (q: string, filters = NO_FILTERS) => [...((await matchingIds(searchClauses(q, 'CN'), filters)) ?? [])].sort();

    expect(await find('科技')).toEqual([a.id, b.id].sort());
    expect(await find('139 0013 9000')).toEqual([b.id]);
    expect(await find('acme ana')).toEqual([c.id]);
    expect(await find('科技', { ...NO_FILTERS, temperature: 'hot' })).toEqual([a.id]);
    expect(await find('', { ...NO_FILTERS, tag: '需要演示' })).toEqual([a.id]);
    expect(await find('', { ...NO_FILTERS, owner: UNASSIGNED })).toEqual([a.id, c.id].sort());
    expect(await matchingIds([], NO_FILTERS)).toBeNull();
  });
});

describe('demo data', () => {
  it('is valid leads, with unique callable numbers at benchmark scale', () => {
    const leads = generateDemoLeads({ count: 3000, seed: 7, now: NOW, uniqueContacts: true });
    for (const lead of leads) expect(LeadSchema.safeParse(lead).success).toBe(true);
    const phones = leads.map((l) => l.phones[0]!);
    expect(new Set(phones).size).toBe(leads.length);
    for (const phone of phones.slice(0, 200)) expect(normalizePhone(phone, 'CN')).toEqual({ ok: true, e164: phone });
    const demo = generateDemoLeads({ count: 240, seed: 2026, now: NOW });
    for (const lead of demo) for (const phone of lead.phones) expect(normalizePhone(phone, 'CN').ok, phone).toBe(true);
    expect(new Set(demo.map((l) => l.kind))).toEqual(new Set(['inbound', 'outbound']));
    expect(demo.some((l) => /[\u4e00-\u9fff]/.test(l.company)) && demo.some((l) => /^[A-Z]/.test(l.company))).toBe(true);
  });
});

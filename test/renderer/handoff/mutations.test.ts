import { afterEach, describe, expect, it } from 'vitest';
import { db, fromLeadRow, toLeadRow } from '../../../renderer/db';
import { TransitionRefused, handOff, moveLead, recallHandoff } from '../../../renderer/features/handoff';
import type { Facts } from '../../../shared/model/facts';
import type { Lead } from '../../../shared/model/lead';
import { DEFAULT_PLAYBOOK } from '../../../shared/playbook/defaults';
import { qualifyLead } from '../../../shared/rules/qualification';
import { makeLead } from '../../helpers/leadFactory';

const NOW = 1_760_000_000_000;
const DAY = 86_400_000;
const route = { ruleId: 'automation', owner: { id: 'wang-fang', name: 'Wang Fang' } };
const ALL_MET: Facts = { need: 'confirmed', decisionMaker: 'CMO Zhang', timelineMonths: 3, dealSize: 120_000, productLine: 'automation' };

afterEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function storedLead(overrides: Partial<Lead> = {}): Promise<Lead> {
  const lead = makeLead({ status: 'working', ...overrides });
  await db.leads.add(toLeadRow(lead));
  return lead;
}

async function current(lead: Lead): Promise<Lead> {
  const row = await db.leads.get(lead.id);
  if (!row) throw new Error('lead is gone');
  return fromLeadRow(row);
}

function handOffInput(lead: Lead, facts: Facts, overrideReason: string) {
  return {
    lead,
    sdr: '李雷',
    route,
    productLine: 'automation',
    dealSize: 120_000,
    summary: '  Demo booked for Tuesday  ',
    qualification: qualifyLead(DEFAULT_PLAYBOOK.criteria, { facts, tags: [], lead, requiredMissing: [] }),
    overrideReason,
    callId: null,
    answers: {},
  };
}

/** What a refused move must leave untouched. */
async function nothingWritten(lead: Lead) {
  expect(await current(lead)).toEqual(lead);
  expect(await db.handoffs.count()).toBe(0);
  expect(await db.events.count()).toBe(0);
  expect(await db.outbox.count()).toBe(0);
}

describe('handOff()', () => {
  it('makes a qualified lead an MQL and queues the hand-off for sync', async () => {
    const lead = await storedLead();
    const handoff = await handOff(handOffInput(lead, ALL_MET, ''), NOW);

    expect((await current(lead)).status).toBe('mql');
    expect(await db.handoffs.get(handoff.id)).toMatchObject({ status: 'queued', fromSdr: '李雷', owner: route.owner, summary: 'Demo booked for Tuesday', overrideReason: null });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['handoff.create']);
  });

  it.each(['', '   '])('refuses an unqualified hand-off without a reason (%j) and writes nothing', async (reason) => {
    const lead = await storedLead();

    const refused = handOff(handOffInput(lead, { need: 'confirmed' }, reason), NOW);

    await expect(refused).rejects.toBeInstanceOf(TransitionRefused);
    await expect(refused).rejects.toMatchObject({ error: { code: 'lifecycle.reasonRequired' } });
    await nothingWritten(lead);
  });

  it('hands off an unqualified lead with the reason and the criteria it missed', async () => {
    const lead = await storedLead();
    const handoff = await handOff(handOffInput(lead, { need: 'confirmed' }, ' Asked for pricing today '), NOW);

    const stored = await db.handoffs.get(handoff.id);
    expect(stored?.overrideReason).toBe('Asked for pricing today');
    expect(stored?.criteria.find((c) => c.id === 'decision-maker-known')).toMatchObject({ met: false });
    expect(await db.events.toArray()).toEqual([expect.objectContaining({ from: 'working', to: 'mql', reason: 'Asked for pricing today' })]);
  });

  it('recalls the hand-off: the lead is worked again', async () => {
    const lead = await storedLead();
    const handoff = await handOff(handOffInput(lead, ALL_MET, ''), NOW);

    await recallHandoff(handoff, await current(lead), '李雷', ' Wrong owner ', NOW + 60_000);

    expect((await current(lead)).status).toBe('working');
    expect(await db.handoffs.get(handoff.id)).toMatchObject({ status: 'recalled', statusReason: 'Wrong owner' });
  });
});

describe('moveLead()', () => {
  it('moves a lead to nurturing with the reason and the next touch as its call-back', async () => {
    const lead = await storedLead();
    await moveLead(lead, 'nurturing', '李雷', 'Next fiscal year', NOW + 30 * DAY, NOW);

    expect(await current(lead)).toMatchObject({ status: 'nurturing', nextCallbackAt: NOW + 30 * DAY });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['lead.transition']);
  });

  it.each([
    ['without a reason', '  ', NOW + 30 * DAY, 'lifecycle.reasonRequired'],
    ['without a next touch', 'Next fiscal year', null, 'lifecycle.nextTouchRequired'],
    ['with a next touch in the past', 'Next fiscal year', NOW - DAY, 'lifecycle.nextTouchPast'],
  ] as const)('refuses nurturing %s and writes nothing', async (_, reason, nextTouchAt, code) => {
    const lead = await storedLead();

    await expect(moveLead(lead, 'nurturing', '李雷', reason, nextTouchAt, NOW)).rejects.toMatchObject({ error: { code } });
    await nothingWritten(lead);
  });

  it('refuses to disqualify without a reason and writes nothing', async () => {
    const lead = await storedLead();
    await expect(moveLead(lead, 'disqualified', '李雷', '', null, NOW)).rejects.toMatchObject({ error: { code: 'lifecycle.reasonRequired' } });
    await nothingWritten(lead);
  });
});

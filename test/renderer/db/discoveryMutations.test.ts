import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromLeadRow, mutate, type SdrDeskDb } from '../../../renderer/db';
import type { CallRow } from '../../../renderer/db/schema';
import type { Lead } from '../../../shared/model/lead';
import { latestRevisions } from '../../../shared/model/note';
import { makeCall, makeHandoff, makeNote, makeStatusEvent, makeTagsEvent } from '../../helpers/discoveryFactory';
import { makeLead } from '../../helpers/leadFactory';
import { openTestDb } from '../../helpers/testDb';

let db: SdrDeskDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(async () => {
  await db.delete();
});

/** The query renderer/features/call/queries.ts openCall() runs, against this test's database. */
const openCall = (): Promise<CallRow | undefined> => db.calls.where('isOpen').equals(1).first();

async function createLead(overrides: Partial<Lead> = {}): Promise<Lead> {
  const lead = makeLead({ createdAt: 1000, updatedAt: 1000, ...overrides });
  await mutate(db, 'lead.create', { lead }, 1000);
  return lead;
}

async function getLead(id: string): Promise<Lead> {
  const row = await db.leads.get(id);
  if (!row) throw new Error(`lead ${id} is gone`);
  return fromLeadRow(row);
}

/** Everything a refused mutation must leave alone. */
async function snapshot(leadId: string) {
  return {
    lead: await db.leads.get(leadId),
    calls: await db.calls.toArray(),
    events: await db.events.toArray(),
    handoffs: await db.handoffs.toArray(),
    outbox: await db.outbox.toArray(),
  };
}

describe('call.start', () => {
  it('stores the call as the open call and queues it in the outbox', async () => {
    const lead = await createLead();
    const call = makeCall(lead);
    await mutate(db, 'call.start', { call }, 2000);

    expect(await openCall()).toMatchObject({ id: call.id, leadId: lead.id, number: '+8613800138000', wrappedUpAt: null });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.name)).toEqual(['lead.create', 'call.start']);
    expect(outbox[1]?.args).toMatchObject({ call: { id: call.id } });
  });

  it('refuses to place a phone call to a do-not-call lead and stores nothing', async () => {
    const lead = await createLead({ doNotCall: true });
    const before = await snapshot(lead.id);

    await expect(mutate(db, 'call.start', { call: makeCall(lead) }, 2000)).rejects.toMatchObject({ code: 'lead.doNotCall' });

    expect(await openCall()).toBeUndefined();
    expect(await snapshot(lead.id)).toEqual(before);
  });

  it('still logs a WeChat touch on a do-not-call lead', async () => {
    const lead = await createLead({ doNotCall: true });
    const touch = makeCall(lead, { channel: 'wechat', via: 'touch', number: '', connectedAt: 2000, endedAt: 2000 });
    await mutate(db, 'call.start', { call: touch }, 2000);
    expect(await db.calls.get(touch.id)).toMatchObject({ channel: 'wechat' });
  });
});

describe('call.answers', () => {
  it('merges changed answers into the call and clears an answer sent as null', async () => {
    const lead = await createLead();
    const call = makeCall(lead);
    await mutate(db, 'call.start', { call }, 2000);

    await mutate(db, 'call.answers', { id: call.id, scriptId: 'inbound-default', scriptVersion: 1, answers: { trigger: 'New CMO', 'team-size': 12 } }, 3000);
    await mutate(db, 'call.answers', { id: call.id, scriptId: 'inbound-default', scriptVersion: 1, answers: { 'team-size': null, goals: ['pipeline'] } }, 4000);

    const stored = await db.calls.get(call.id);
    expect(stored?.answers).toEqual({ trigger: 'New CMO', goals: ['pipeline'] });
    expect(stored).toMatchObject({ scriptId: 'inbound-default', scriptVersion: 1 });
  });
});

describe('call.wrapUp', () => {
  it('closes the call and records the contact, call-back, do-not-call and filled fields on the lead', async () => {
    const lead = await createLead({ status: 'new', customFields: { crm: 'Salesforce' } });
    const call = makeCall(lead, { startedAt: 5000 });
    await mutate(db, 'call.start', { call }, 5000);
    await mutate(db, 'call.progress', { id: call.id, connectedAt: 6000 }, 6000);

    await mutate(
      db,
      'call.wrapUp',
      { id: call.id, wrappedUpAt: 9000, disposition: 'do-not-call', doNotCall: true, callbackAt: 86_400_000, leadFields: { productLine: 'Lead management and scoring' } },
      9000,
    );

    expect(await openCall()).toBeUndefined();
    expect(await db.calls.get(call.id)).toMatchObject({ wrappedUpAt: 9000, endedAt: 9000, connectedAt: 6000, disposition: 'do-not-call', callbackAt: 86_400_000 });
    expect(await getLead(lead.id)).toMatchObject({
      status: 'working',
      firstContactedAt: 5000,
      lastContactedAt: 5000,
      nextCallbackAt: 86_400_000,
      doNotCall: true,
      customFields: { crm: 'Salesforce', productLine: 'Lead management and scoring' },
      updatedAt: 9000,
    });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.name)).toEqual(['lead.create', 'call.start', 'call.progress', 'call.wrapUp']);
  });

  it('keeps the first contact and a nurtured status, and a call without a new call-back settles the old one', async () => {
    const lead = await createLead({ status: 'nurturing', firstContactedAt: 1500, lastContactedAt: 1500, nextCallbackAt: 4000 });
    const call = makeCall(lead, { startedAt: 5000 });
    await mutate(db, 'call.start', { call }, 5000);
    await mutate(db, 'call.wrapUp', { id: call.id, wrappedUpAt: 7000, disposition: 'no-answer', doNotCall: false, callbackAt: null, leadFields: {} }, 7000);

    expect(await getLead(lead.id)).toMatchObject({ status: 'nurturing', firstContactedAt: 1500, lastContactedAt: 5000, nextCallbackAt: null, doNotCall: false });
  });

  it('refuses any further change to a wrapped-up call and changes nothing', async () => {
    const lead = await createLead();
    const call = makeCall(lead, { startedAt: 5000 });
    await mutate(db, 'call.start', { call }, 5000);
    await mutate(db, 'call.wrapUp', { id: call.id, wrappedUpAt: 7000, disposition: 'no-answer', doNotCall: false, callbackAt: null, leadFields: {} }, 7000);
    const before = await snapshot(lead.id);

    await expect(mutate(db, 'call.progress', { id: call.id, connectedAt: 8000 }, 8000)).rejects.toMatchObject({ code: 'call.closed' });
    await expect(mutate(db, 'call.answers', { id: call.id, scriptId: 'inbound-default', scriptVersion: 1, answers: { trigger: 'late' } }, 8000)).rejects.toMatchObject({
      code: 'call.closed',
    });
    await expect(
      mutate(db, 'call.wrapUp', { id: call.id, wrappedUpAt: 9000, disposition: 'busy', doNotCall: true, callbackAt: null, leadFields: {} }, 9000),
    ).rejects.toMatchObject({ code: 'call.closed' });

    expect(await snapshot(lead.id)).toEqual(before);
  });
});

describe('note.add', () => {
  it('appends revisions; the lead shows the newest revision of each note, newest note first', async () => {
    const lead = await createLead();
    const first = makeNote(lead, { text: 'Budget not approved yet', createdAt: 2000 });
    await mutate(db, 'note.add', { note: first }, 2000);
    const other = makeNote(lead, { text: 'Prefers WeChat', createdAt: 3000 });
    await mutate(db, 'note.add', { note: other }, 3000);
    const revised = makeNote(lead, { rootId: first.rootId, revision: 2, text: 'Budget approved on Friday', createdAt: 4000 });
    await mutate(db, 'note.add', { note: revised }, 4000);

    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(3);
    expect(latestRevisions(notes).map((n) => n.text)).toEqual(['Budget approved on Friday', 'Prefers WeChat']);
    expect((await db.outbox.toArray()).filter((e) => e.name === 'note.add')).toHaveLength(3);
  });

  it('refuses a note on a lead that does not exist', async () => {
    await expect(mutate(db, 'note.add', { note: makeNote(makeLead()) }, 2000)).rejects.toMatchObject({ code: 'lead.notFound' });
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('lead.tags', () => {
  it('adds and removes tags as a set, keeping no duplicates, and records the change', async () => {
    const lead = await createLead({ tags: ['need.exploring', 'pain.lead-quality'] });
    await mutate(db, 'lead.tags', { event: makeTagsEvent(lead, ['pain.lead-quality', 'need.ready'], ['need.exploring', 'never-there'], 2000) }, 2000);

    expect((await getLead(lead.id)).tags).toEqual(['pain.lead-quality', 'need.ready']);
    expect(await db.leads.where('tags').equals('need.exploring').count()).toBe(0);
    expect(await db.leads.where('tags').equals('need.ready').count()).toBe(1);
    expect(await db.events.where('[leadId+at]').equals([lead.id, 2000]).toArray()).toEqual([expect.objectContaining({ type: 'tags', added: ['pain.lead-quality', 'need.ready'] })]);
  });
});

describe('lead.transition', () => {
  // Guards a regression seen at 46adf44 (fixed by 6c427fa): the applier's trailing native await lost
  // Dexie's zone, so the outbox row went into a transaction of its own and mutate() rejected with
  // PrematureCommitError although the lead had moved.
  it('moves the lead, records the status event and queues it, in one transaction', async () => {
    const lead = await createLead({ status: 'working' });
    await mutate(db, 'lead.transition', { event: makeStatusEvent(lead, 'nurturing', { reason: 'Next fiscal year', nextTouchAt: 90_000, at: 2000 }) }, 2000);
    expect(await getLead(lead.id)).toMatchObject({ status: 'nurturing', nextCallbackAt: 90_000 });
    expect(await db.events.count()).toBe(1);
    expect((await db.outbox.orderBy('seq').last())?.name).toBe('lead.transition');
  });

  it('refuses a move from a status the lead has since left, leaving everything as it was', async () => {
    const lead = await createLead({ status: 'working' });
    const before = await snapshot(lead.id);
    const seenAsNew = makeStatusEvent({ id: lead.id, status: 'new' }, 'disqualified', { reason: 'Student' });

    await expect(mutate(db, 'lead.transition', { event: seenAsNew }, 2000)).rejects.toMatchObject({ code: 'lead.stale' });
    expect(await snapshot(lead.id)).toEqual(before);
  });

  it('refuses a move the lifecycle does not have (mql → nurturing), leaving everything as it was', async () => {
    const lead = await createLead({ status: 'mql' });
    const before = await snapshot(lead.id);

    await expect(mutate(db, 'lead.transition', { event: makeStatusEvent(lead, 'nurturing', { reason: 'Timing', nextTouchAt: 90_000 }) }, 2000)).rejects.toMatchObject({
      code: 'lifecycle.invalid',
    });
    expect(await snapshot(lead.id)).toEqual(before);
  });

  it('refuses to set mql by hand', async () => {
    const lead = await createLead({ status: 'working' });
    const before = await snapshot(lead.id);
    await expect(mutate(db, 'lead.transition', { event: makeStatusEvent(lead, 'mql') }, 2000)).rejects.toMatchObject({ code: 'lifecycle.invalid' });
    expect(await snapshot(lead.id)).toEqual(before);
  });

  it('lead.transition refuses to move an MQL back to working without recalling its hand-off', async () => {
    const lead = await createLead({ status: 'working' });
    const handoff = makeHandoff(lead);
    await mutate(db, 'handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }, 2000);
    const before = await snapshot(lead.id);

    // Only handoff.recall may take an MQL back to working (shared/rules/lifecycle.ts); by hand the
    // hand-off would stay queued to sales while the lead is worked again, and could never be recalled.
    await expect(mutate(db, 'lead.transition', { event: makeStatusEvent({ id: lead.id, status: 'mql' }, 'working') }, 3000)).rejects.toMatchObject({
      code: 'lifecycle.invalid',
    });
    expect(await snapshot(lead.id)).toEqual(before);
  });
});

describe('handoff.create and handoff.recall', () => {
  it('hands off: the lead becomes an MQL, the hand-off waits in the outbox', async () => {
    const lead = await createLead({ status: 'working' });
    const handoff = makeHandoff(lead);
    await mutate(db, 'handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }, 2000);

    expect((await getLead(lead.id)).status).toBe('mql');
    expect(await db.handoffs.get(handoff.id)).toMatchObject({ status: 'queued', owner: { name: '张伟' } });
    expect(await db.events.count()).toBe(1);
    expect((await db.outbox.orderBy('seq').last())?.name).toBe('handoff.create');
  });

  it('refuses a second hand-off of the same lead, saying who handed it off and when', async () => {
    const lead = await createLead({ status: 'working' });
    const first = makeHandoff(lead, { fromSdr: '李雷', createdAt: Date.UTC(2025, 5, 20, 2, 30) });
    await mutate(db, 'handoff.create', { handoff: first, event: makeStatusEvent(lead, 'mql') }, 2000);
    const before = await snapshot(lead.id);

    // Another device still saw the lead as working.
    const second = makeHandoff(lead, { fromSdr: '韩梅梅' });
    const refused = mutate(db, 'handoff.create', { handoff: second, event: makeStatusEvent(lead, 'mql', { by: '韩梅梅' }) }, 3000);
    await expect(refused).rejects.toMatchObject({ code: 'handoff.exists' });
    await expect(refused).rejects.toThrow('李雷');
    await expect(refused).rejects.toThrow('2025-06-20T02:30:00.000Z');

    expect(await snapshot(lead.id)).toEqual(before);
  });

  it('recalls a queued hand-off: the lead is worked again and can be handed off anew', async () => {
    const lead = await createLead({ status: 'working' });
    const handoff = makeHandoff(lead);
    await mutate(db, 'handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }, 2000);
    const asMql = await getLead(lead.id);

    await mutate(db, 'handoff.recall', { id: handoff.id, event: makeStatusEvent(asMql, 'working', { reason: 'Wrong owner', at: 3000 }) }, 3000);

    expect((await getLead(lead.id)).status).toBe('working');
    expect(await db.handoffs.get(handoff.id)).toMatchObject({ status: 'recalled', statusReason: 'Wrong owner', updatedAt: 3000 });
    const again = makeHandoff(lead);
    await mutate(db, 'handoff.create', { handoff: again, event: makeStatusEvent(lead, 'mql', { at: 4000 }) }, 4000);
    expect((await getLead(lead.id)).status).toBe('mql');
  });

  it('refuses to recall a hand-off sales has accepted, leaving everything as it was', async () => {
    const lead = await createLead({ status: 'working' });
    const handoff = makeHandoff(lead);
    await mutate(db, 'handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }, 2000);
    // Sales' answer arrives by sync, not as a local mutation.
    await db.handoffs.update(handoff.id, { status: 'accepted' });
    const before = await snapshot(lead.id);

    await expect(
      mutate(db, 'handoff.recall', { id: handoff.id, event: makeStatusEvent({ id: lead.id, status: 'mql' }, 'working', { reason: 'Too late' }) }, 3000),
    ).rejects.toMatchObject({ code: 'handoff.notRecallable' });

    expect(await snapshot(lead.id)).toEqual(before);
    expect((await getLead(lead.id)).status).toBe('mql');
  });
});

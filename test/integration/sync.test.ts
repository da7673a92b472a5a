import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutate, mutateInTransaction, mutationTables, requeueRejected } from '../../renderer/db';
import { signOut, unsentCount } from '../../renderer/sync/account';
import { makeCall, makeHandoff, makeNote, makeStatusEvent, makeTagsEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { expectInvariants, startClient, startHarness, type Client, type Harness } from './syncHarness';

let h: Harness;
const clients: Client[] = [];
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await h.close();
});

async function client(which: keyof Harness['accounts'], options: { signedIn?: boolean; clockOffsetMs?: number } = {}) {
  const c = await startClient(h, h.accounts[which], options);
  clients.push(c);
  return c;
}

const status = async (c: Client) => (await c.db.settings.get('syncStatus'))?.value as { phase: string; message: string } | undefined;

describe('sync engine against a real server', () => {
  it('converges two offline devices of one SDR: different fields both survive, the later edit of one field wins, the loser is in the history', async () => {
    const laptop = await client('sdr');
    const desktop = await client('sdr');
    const lead = makeLead({ title: 'CMO', industry: 'SaaS' });
    await mutate(laptop.db, 'lead.create', { lead }, Date.now());
    await laptop.sync();
    await desktop.sync();
    expect(await desktop.db.leads.get(lead.id)).toBeTruthy();
    // Both offline now.
    const t = Date.now();
    await mutate(laptop.db, 'lead.update', { id: lead.id, patch: { title: '市场副总裁', region: '杭州' }, base: { title: 'CMO', region: lead.region }, updatedAt: t }, t);
    await mutate(laptop.db, 'note.add', { note: makeNote(lead, { text: '笔记本上的笔记' }) }, t);
    await mutate(desktop.db, 'lead.update', { id: lead.id, patch: { title: 'VP Marketing', industry: '制造业' }, base: { title: 'CMO', industry: 'SaaS' }, updatedAt: t + 1000 }, t + 1000);
    await mutate(desktop.db, 'note.add', { note: makeNote(lead, { text: 'note from the desktop' }) }, t + 1000);
    await laptop.sync();
    await desktop.sync();
    await laptop.sync();
    for (const device of [laptop, desktop]) {
      expect(await device.db.leads.get(lead.id)).toMatchObject({ title: 'VP Marketing', region: '杭州', industry: '制造业' });
      expect(await device.db.notes.count()).toBe(2);
      const history = (await device.db.events.toArray()).filter((e) => e.type === 'overwrite');
      expect(history).toEqual([expect.objectContaining({ field: 'title', lostValue: '"市场副总裁"' })]);
    }
    await expectInvariants(h, [laptop, desktop]);
  });

  it('runs the hand-off loop: handed off offline, returned by sales with a reason the SDR then sees; a second SDR is refused with who and when', async () => {
    const teamLead = await client('lead');
    const lead = makeLead({ status: 'working' });
    await mutate(teamLead.db, 'lead.create', { lead }, Date.now());
    await teamLead.sync();
    const sdr = await client('sdr');
    const sdr2 = await client('sdr2');
    await sdr.sync();
    await sdr2.sync();
    // Both SDRs hand off the same pool lead while offline; the first to reach the server wins.
    const handoff = makeHandoff(lead, { owner: { id: h.accounts.sales.email, name: 'Sam Sales' } });
    await mutate(sdr.db, 'handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }, Date.now());
    await mutate(sdr2.db, 'handoff.create', { handoff: makeHandoff(lead), event: makeStatusEvent(lead, 'mql') }, Date.now());
    expect((await sdr.db.handoffs.get(handoff.id))?.status).toBe('queued');
    await sdr.sync();
    expect((await sdr.db.handoffs.get(handoff.id))?.status).toBe('delivered');
    await sdr2.sync();
    const refused = await sdr2.db.rejections.toArray();
    expect(refused).toEqual([expect.objectContaining({ code: 'handoff.exists', message: expect.stringMatching(/李雷 already handed this lead off at/) })]);
    // The lead is 李雷's now: it left 韩梅梅's device.
    expect(await sdr2.db.leads.get(lead.id)).toBeUndefined();

    const sales = await client('sales');
    await sales.sync();
    expect((await sales.db.handoffs.get(handoff.id))?.snapshot?.lead.company).toBe(lead.company);
    await mutate(sales.db, 'handoff.return', { id: handoff.id, eventId: uuidv7(), at: Date.now(), reason: '预算还没批' }, Date.now());
    await sales.sync();
    await sdr.sync();
    expect(await sdr.db.leads.get(lead.id)).toMatchObject({ status: 'returned' });
    expect(await sdr.db.handoffs.get(handoff.id)).toMatchObject({ status: 'returned', statusReason: '预算还没批', actedBy: 'Sam Sales' });
    await teamLead.sync();
    await expectInvariants(h, [sdr, sdr2, sales, teamLead]);
  });

  it('keeps work done before signing in, and after the session expires, queued until sign-in', async () => {
    const device = await client('sdr', { signedIn: false });
    const lead = makeLead();
    await mutate(device.db, 'lead.create', { lead }, Date.now());
    await device.sync();
    expect(await status(device)).toMatchObject({ phase: 'signedOut' });
    expect(await device.db.outbox.count()).toBe(1);
    const { signIn } = await import('../../renderer/sync/account');
    await signIn(device.db, device.transport, h.baseUrl, h.accounts.sdr.email, 'a long enough password');
    await device.sync();
    expect(await device.db.outbox.count()).toBe(0);
    // The session is revoked elsewhere (an admin, another sign-out): work waits, the status says why.
    await h.server.db.updateTable('sessions').set({ revoked_at: Date.now() }).execute();
    await mutate(device.db, 'note.add', { note: makeNote(lead) }, Date.now());
    await device.sync();
    expect(await status(device)).toMatchObject({ phase: 'sessionExpired' });
    expect(await device.db.outbox.count()).toBe(1);
    await signIn(device.db, device.transport, h.baseUrl, h.accounts.sdr.email, 'a long enough password');
    await device.sync();
    await expectInvariants(h, [device]);
    // Signing out deletes local data: the app asks first when something is unsent.
    expect(await unsentCount(device.db)).toBe(0);
    await signOut(device.db, device.transport);
    expect(await device.db.leads.count()).toBe(0);
  });

  it('survives lost answers, duplicated requests, 429 and 503: every change applied exactly once', async () => {
    const device = await client('sdr');
    const lead = makeLead();
    await mutate(device.db, 'lead.create', { lead }, Date.now());
    await mutate(device.db, 'lead.tags', { event: makeTagsEvent(lead, ['预算已批'], []) }, Date.now());
    device.transport.faults.push('lostResponse');
    await device.sync();
    expect(await status(device)).toMatchObject({ phase: 'offline' });
    expect(await device.db.outbox.count()).toBe(2); // committed on the server, unknown here
    await mutate(device.db, 'note.add', { note: makeNote(lead) }, Date.now());
    device.transport.faults.push('duplicate', 'status429');
    await device.sync();
    device.transport.faults.push('status503');
    await device.sync();
    expect(await status(device)).toMatchObject({ phase: 'error' });
    await device.sync();
    expect(await status(device)).toMatchObject({ phase: 'idle' });
    const events = await h.server.db.selectFrom('sync_entities').select('id').where('kind', '=', 'event').execute();
    expect(events).toHaveLength(1);
    await expectInvariants(h, [device]);
  });

  it('refuses changes stamped by a clock 2 hours ahead until the user sends them again, and takes changes from a clock 10 years behind', async () => {
    const fast = await client('sdr', { clockOffsetMs: 2 * 3_600_000 });
    const ahead = Date.now() + 2 * 3_600_000;
    const lead = makeLead({ createdAt: ahead, updatedAt: ahead });
    await mutate(fast.db, 'lead.create', { lead }, ahead);
    await fast.sync();
    const [rejection] = await fast.db.rejections.toArray();
    expect(rejection).toMatchObject({ code: 'clock.ahead', message: expect.stringContaining('2 hours ahead') });
    // The device learnt the server's time: the change sent again is stamped right and applies.
    await requeueRejected(fast.db, rejection!.seq, ahead);
    await fast.sync();
    expect(await h.server.db.selectFrom('sync_entities').select('id').where('id', '=', lead.id).executeTakeFirst()).toBeTruthy();
    await fast.db.rejections.clear(); // resolved by the user
    await h.server.db.deleteFrom('sync_rejections').execute();

    const slow = await client('sdr', { clockOffsetMs: -10 * 365 * 86_400_000 });
    const behind = Date.now() - 10 * 365 * 86_400_000;
    await mutate(slow.db, 'note.add', { note: makeNote(lead, { createdAt: behind }) }, behind).catch(() => undefined);
    await slow.sync();
    await mutate(slow.db, 'note.add', { note: makeNote(lead, { createdAt: behind }) }, behind);
    await slow.sync();
    await fast.sync();
    await expectInvariants(h, [fast, slow]);
  });

  it('sends 10,000 changes made during 30 days offline, in order, and converges', async () => {
    const device = await client('sdr');
    const start = Date.now() - 30 * 86_400_000;
    const leads = Array.from({ length: 2000 }, (_, i) => makeLead({ company: `离线公司 ${i}`, createdAt: start, updatedAt: start }));
    await device.db.transaction('rw', mutationTables(device.db), async () => {
      let at = start;
      for (const lead of leads) {
        await mutateInTransaction(device.db, 'lead.create', { lead }, (at += 60_000));
        await mutateInTransaction(device.db, 'note.add', { note: makeNote(lead, { createdAt: at }) }, at);
        await mutateInTransaction(device.db, 'lead.tags', { event: makeTagsEvent(lead, ['离线'], [], at) }, at);
        await mutateInTransaction(device.db, 'call.start', { call: makeCall(lead, { startedAt: at }) }, at);
        await mutateInTransaction(device.db, 'lead.update', { id: lead.id, patch: { temperature: 'hot' }, updatedAt: at }, at);
      }
    });
    expect(await device.db.outbox.count()).toBe(10_000);
    await device.sync();
    expect(await status(device)).toMatchObject({ phase: 'idle' });
    await expectInvariants(h, [device]);
  }, 120_000);
});

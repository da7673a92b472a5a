import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handoff } from '../../shared/model/handoff';
import type { Lead } from '../../shared/model/lead';
import type { LeadEvent } from '../../shared/model/leadEvent';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { CrmDeliverer, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../server/crm/webhook';
import { makeCall, makeHandoff, makeNote, makeStatusEvent, makeTagsEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { DIALECTS } from '../helpers/serverDb';
import { RawClient, startTeamServer, type TeamServer } from '../helpers/teamServer';

const servers: TeamServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function team(make: (typeof DIALECTS)[number][1]) {
  const server = await startTeamServer(make);
  servers.push(server);
  const teamId = await server.team('华东销售发展');
  const sdr = await server.user('sdr', teamId, '李雷');
  const sdr2 = await server.user('sdr', teamId, '韩梅梅');
  const sales = await server.user('sales', teamId, 'Sam Sales');
  const lead = await server.user('lead', teamId, 'Team Lead');
  return { server, teamId, sdr, sdr2, sales, lead };
}

const byKind = (changes: { kind: string; id: string; data: unknown }[], kind: string) => changes.filter((c) => c.kind === kind);
const leadOf = (changes: { kind: string; id: string; data: unknown }[], id: string) => changes.filter((c) => c.kind === 'lead' && c.id === id).at(-1)?.data as Lead | null | undefined;

describe.each(DIALECTS)('sync on %s', (_name, make) => {
  it('applies a push once: a retried request answers the same and writes nothing twice', async () => {
    const { server, sdr } = await team(make);
    const client = new RawClient(server, sdr);
    const lead = makeLead({ owner: 'whatever the device says' });
    const batch = [client.mutation('lead.create', { lead }), client.mutation('note.add', { note: makeNote(lead) })];
    const first = await client.push(...batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const retry = await client.push(...batch);
    expect(retry).toMatchObject({ lastSeq: 2, results: [{ status: 'applied' }, { status: 'applied' }] });
    const changes = await client.pullAll();
    expect(byKind(changes, 'note')).toHaveLength(1);
    // The server decides owners and authors: the signed-in SDR, not what the device wrote.
    expect(leadOf(changes, lead.id)).toMatchObject({ company: lead.company, owner: '李雷' });
    expect(byKind(changes, 'note')[0]!.data).toMatchObject({ author: '李雷' });
  });

  it('stops at a gap, and one bad mutation does not block the ones behind it', async () => {
    const { server, sdr } = await team(make);
    const client = new RawClient(server, sdr);
    const lead = makeLead();
    const m1 = client.mutation('lead.create', { lead });
    const m2 = { ...client.mutation('note.add', { note: makeNote(lead) }), name: 'note.teleport' };
    const m3 = client.mutation('note.add', { note: makeNote(lead) });
    const gap = await client.push(m1, m3);
    expect(gap.lastSeq).toBe(1);
    expect(gap.results).toHaveLength(1);
    const rest = await client.push(m2, m3);
    expect(rest.results).toEqual([
      { seq: 2, id: m2.id, status: 'rejected', code: 'mutation.unknown', message: expect.stringContaining('note.teleport') },
      { seq: 3, id: m3.id, status: 'applied' },
    ]);
    // The rejection is remembered: a client that lost the answer learns it again.
    expect((await client.push(m2)).results[0]).toMatchObject({ status: 'rejected', code: 'mutation.unknown' });
  });

  it('refuses another protocol version with "please update the app", and bad envelopes naming the field', async () => {
    const { server, sdr } = await team(make);
    const client = new RawClient(server, sdr);
    const old = await client.pushRaw([], { protocolVersion: PROTOCOL_VERSION + 1 });
    expect(old.statusCode).toBe(426);
    expect(old.json()).toMatchObject({ error: { code: 'protocol.version', message: expect.stringContaining('Please update the app') } });
    const bad = await client.pushRaw([], { clientId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: [{ path: 'clientId' }] } });
    const extra = await client.pushRaw([], { sneaky: true });
    expect(extra.statusCode).toBe(400);
  });

  it('rejects fields that do not belong and SQL-looking text is stored as text', async () => {
    const { server, sdr } = await team(make);
    const client = new RawClient(server, sdr);
    const sqlish = "Robert'); DROP TABLE sync_entities;--";
    const lead = makeLead({ company: sqlish });
    const wrong = client.mutation('lead.create', { lead: { ...lead, id: 'x' } });
    const right = client.mutation('lead.create', { lead });
    const res = await client.push(wrong, right);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid', message: expect.stringContaining('lead.id') });
    expect(res.results[1]).toMatchObject({ status: 'applied' });
    expect(leadOf(await client.pullAll(), lead.id)?.company).toBe(sqlish);
  });

  it('merges two devices of one SDR per field; the later clock wins and the loser is kept in history', async () => {
    const { server, sdr } = await team(make);
    const laptop = new RawClient(server, sdr);
    const desktop = new RawClient(server, sdr);
    const lead = makeLead({ title: 'CMO', industry: 'SaaS' });
    await laptop.push(laptop.mutation('lead.create', { lead }));
    const t = Date.now();
    // Offline on both: the laptop edits title and region, the desktop edits title (later) and industry.
    const fromLaptop = laptop.mutation('lead.update', { id: lead.id, patch: { title: '市场副总裁', region: '杭州' }, base: { title: 'CMO', region: lead.region }, updatedAt: t }, t);
    const fromDesktop = desktop.mutation('lead.update', { id: lead.id, patch: { title: 'VP Marketing', industry: '制造业' }, base: { title: 'CMO', industry: 'SaaS' }, updatedAt: t + 1000 }, t + 1000);
    await desktop.push(fromDesktop);
    await laptop.push(fromLaptop);
    const changes = await new RawClient(server, sdr).pullAll();
    expect(leadOf(changes, lead.id)).toMatchObject({ title: 'VP Marketing', region: '杭州', industry: '制造业' });
    const history = byKind(changes, 'event').map((c) => c.data as LeadEvent).filter((e) => e.type === 'overwrite');
    expect(history).toEqual([expect.objectContaining({ field: 'title', lostValue: JSON.stringify('市场副总裁') })]);
    // A later edit made after seeing 'VP Marketing' is no conflict: nothing more in the history.
    await laptop.push(laptop.mutation('lead.update', { id: lead.id, patch: { title: 'CMO' }, base: { title: 'VP Marketing' }, updatedAt: t + 5000 }, t + 5000));
    const again = await new RawClient(server, sdr).pullAll();
    expect(byKind(again, 'event').map((c) => c.data as LeadEvent).filter((e) => e.type === 'overwrite')).toHaveLength(1);
    // Edits made without seeing the current value keep what they replaced in the history.
    await desktop.push(desktop.mutation('lead.update', { id: lead.id, patch: { title: 'Founder' }, base: { title: 'VP Marketing' }, updatedAt: t + 6000 }, t + 6000));
    await laptop.push(laptop.mutation('lead.update', { id: lead.id, patch: { title: 'Chief' }, base: { title: 'VP Marketing' }, updatedAt: t + 7000 }, t + 7000));
    const third = await new RawClient(server, sdr).pullAll();
    expect(leadOf(third, lead.id)?.title).toBe('Chief');
    expect(byKind(third, 'event').map((c) => c.data as LeadEvent).filter((e) => e.type === 'overwrite').map((e) => e.type === 'overwrite' && e.lostValue)).toContain('"Founder"');
  });

  it('runs the hand-off loop: delivered to sales with a snapshot, returned with a reason, back to the SDR', async () => {
    const { server, sdr, sales } = await team(make);
    const sdrClient = new RawClient(server, sdr);
    const lead = makeLead({ status: 'working' });
    const note = makeNote(lead);
    const handoff = makeHandoff(lead, { owner: { id: sales.email, name: 'Sam Sales' } });
    await sdrClient.push(sdrClient.mutation('lead.create', { lead }), sdrClient.mutation('note.add', { note }), sdrClient.mutation('handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }));
    const salesClient = new RawClient(server, sales);
    const inbox = await salesClient.pullAll();
    // Sales receives the hand-off only, with the lead as it was handed off.
    expect(inbox.map((c) => c.kind)).toEqual(['handoff']);
    const delivered = inbox[0]!.data as Handoff;
    expect(delivered).toMatchObject({ status: 'delivered', fromSdr: '李雷', snapshot: { lead: { id: lead.id, status: 'mql' }, notes: [{ id: note.id }] } });
    const back = await salesClient.push(salesClient.mutation('handoff.return', { id: handoff.id, eventId: crypto.randomUUID(), at: Date.now(), reason: '预算未确认' }));
    expect(back.results[0]!.status).toBe('applied');
    const seen = await sdrClient.pullAll();
    expect(leadOf(seen, lead.id)?.status).toBe('returned');
    expect(byKind(seen, 'handoff').at(-1)!.data).toMatchObject({ status: 'returned', statusReason: '预算未确认', actedBy: 'Sam Sales' });
    // Too late to recall once sales has acted.
    const recall = await sdrClient.push(sdrClient.mutation('handoff.recall', { id: handoff.id, event: makeStatusEvent({ id: lead.id, status: 'mql' }, 'working', { reason: 'oops' }) }));
    expect(recall.results[0]).toMatchObject({ status: 'rejected', code: 'handoff.settled', message: expect.stringContaining('Sam Sales') });
  });

  it('lets the first hand-off win and tells the second who handed it off and when', async () => {
    const { server, sdr, sdr2, lead: teamLead } = await team(make);
    const owner = new RawClient(server, teamLead);
    const lead = makeLead({ status: 'working' });
    await owner.push(owner.mutation('lead.create', { lead })); // the pool: both SDRs see it
    const first = new RawClient(server, sdr);
    const second = new RawClient(server, sdr2);
    expect(leadOf(await second.pullAll(), lead.id)).toBeTruthy();
    await first.push(first.mutation('handoff.create', { handoff: makeHandoff(lead), event: makeStatusEvent(lead, 'mql') }));
    const refused = await second.push(second.mutation('handoff.create', { handoff: makeHandoff(lead), event: makeStatusEvent(lead, 'mql') }));
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'handoff.exists', message: expect.stringMatching(/李雷 already handed this lead off at \d{4}-/) });
    // The lead left the pool for the first SDR: the second is told it is gone.
    expect(leadOf(await second.pullAll(), lead.id)).toBeNull();
  });

  it('applies an edit made on another device while the lead was handed off', async () => {
    const { server, sdr } = await team(make);
    const a = new RawClient(server, sdr);
    const b = new RawClient(server, sdr);
    const lead = makeLead({ status: 'working' });
    await a.push(a.mutation('lead.create', { lead }));
    await a.push(a.mutation('handoff.create', { handoff: makeHandoff(lead), event: makeStatusEvent(lead, 'mql') }));
    const edit = await b.push(b.mutation('lead.update', { id: lead.id, patch: { title: 'CEO', status: 'nurturing' }, updatedAt: Date.now() }));
    expect(edit.results[0]!.status).toBe('applied');
    const changes = await b.pullAll();
    // The title is applied; the status move an MQL cannot make is kept in the history, not applied.
    expect(leadOf(changes, lead.id)).toMatchObject({ title: 'CEO', status: 'mql' });
    expect(byKind(changes, 'event').map((c) => c.data as LeadEvent)).toContainEqual(expect.objectContaining({ type: 'overwrite', field: 'status', lostValue: '"nurturing"' }));
  });

  it('keeps teams apart: another team sees nothing and cannot write', async () => {
    const { server, sdr } = await team(make);
    const otherTeam = await server.team('华南');
    const stranger = await server.user('sdr', otherTeam, '外人');
    const mine = new RawClient(server, sdr);
    const lead = makeLead();
    await mine.push(mine.mutation('lead.create', { lead }), mine.mutation('lead.tags', { event: makeTagsEvent(lead, ['预算已批'], []) }));
    const theirs = new RawClient(server, stranger);
    expect(await theirs.pullAll()).toEqual([]);
    const attempt = await theirs.push(theirs.mutation('note.add', { note: makeNote(lead) }), theirs.mutation('call.start', { call: makeCall(lead) }));
    expect(attempt.results.map((r) => r.status === 'rejected' && r.code)).toEqual(['lead.notFound', 'lead.notFound']);
    expect(byKind(await mine.pullAll(), 'note')).toEqual([]);
  });

  it('refuses a change stamped by a clock more than five minutes ahead, and accepts one far behind', async () => {
    const { server, sdr } = await team(make);
    const ahead = new RawClient(server, sdr, 2 * 3_600_000);
    const res = await ahead.push(ahead.mutation('lead.create', { lead: makeLead() }));
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'clock.ahead', message: expect.stringContaining('2 hours ahead') });
    const behind = new RawClient(server, sdr, -10 * 365 * 86_400_000);
    expect((await behind.push(behind.mutation('lead.create', { lead: makeLead() }))).results[0]!.status).toBe('applied');
  });

  it('sends a reset when the cursor is ahead of the server (a restored database)', async () => {
    const { server, sdr } = await team(make);
    const res = await server.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=999&protocolVersion=${PROTOCOL_VERSION}`, headers: { authorization: `Bearer ${sdr.token}` } });
    expect(res.json()).toMatchObject({ reset: true, cursor: 0 });
  });

  it('pages a large pull without losing or repeating rows', async () => {
    const { server, sdr } = await team(make);
    const client = new RawClient(server, sdr);
    const leads = Array.from({ length: 120 }, () => makeLead());
    await client.push(...leads.map((lead) => client.mutation('lead.create', { lead })));
    const { pull } = await import('../../server/sync/pull');
    const actor = { id: sdr.id, name: sdr.name, role: sdr.role, teamId: sdr.teamId! };
    const ids: string[] = [];
    let cursor = 0;
    for (let pages = 0; pages < 20; pages++) {
      const page = await pull(server.db, actor, cursor, Date.now(), 50);
      ids.push(...page.changes.map((c) => c.id));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(new Set(ids).size).toBe(120);
    expect(ids).toHaveLength(120);
  });
});

describe('browser sessions and the CRM webhook', () => {
  it('signs a browser in with an HttpOnly SameSite cookie, never a readable token', async () => {
    const { server, sdr } = await team(DIALECTS[0][1]);
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: sdr.email, password: 'a long enough password', session: 'cookie' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).not.toHaveProperty('token');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const value = /sdr_session=([^;]+)/.exec(cookie)![1]!;
    const pull = await server.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=0&protocolVersion=${PROTOCOL_VERSION}`, cookies: { sdr_session: value } });
    expect(pull.statusCode).toBe(200);
    await server.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { sdr_session: value } });
    const after = await server.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sdr_session: value } });
    expect(after.statusCode).toBe(401);
  });

  it('posts an accepted hand-off to the CRM, signed, retrying until it succeeds; the hand-off shows failing, then delivered', async () => {
    const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
    let failures = 2;
    const crm = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.statusCode = failures-- > 0 ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/hooks/sdr`;
    try {
      const { server, teamId, sdr, sales, lead: teamLead } = await team(DIALECTS[0][1]);
      const set = await server.app.inject({ method: 'PUT', url: `/api/teams/${teamId}/crm-webhook`, payload: { url }, headers: { authorization: `Bearer ${teamLead.token}` } });
      expect(set.statusCode).toBe(200);
      const { secret } = set.json() as { secret: string };
      const sdrClient = new RawClient(server, sdr);
      const lead = makeLead({ status: 'working' });
      const handoff = makeHandoff(lead);
      await sdrClient.push(sdrClient.mutation('lead.create', { lead }), sdrClient.mutation('handoff.create', { handoff, event: makeStatusEvent(lead, 'mql') }));
      const salesClient = new RawClient(server, sales);
      await salesClient.pullAll();
      await salesClient.push(salesClient.mutation('handoff.accept', { id: handoff.id, eventId: crypto.randomUUID(), at: Date.now() }));
      let now = Date.now();
      const deliverer = new CrmDeliverer(server.db, { now: () => now });
      const crmStatus = async () => (byKind(await sdrClient.pullAll(), 'handoff').at(-1)?.data as Handoff | undefined)?.crm;
      expect(await deliverer.runOnce()).toBe(1);
      expect(await crmStatus()).toMatchObject({ status: 'failing', attempts: 1, lastError: 'HTTP 503' });
      expect(await deliverer.runOnce()).toBe(0); // backing off
      now += 16_000;
      await deliverer.runOnce();
      now += 3_600_000;
      await deliverer.runOnce();
      expect(await crmStatus()).toMatchObject({ status: 'delivered', attempts: 3 });
      expect(received).toHaveLength(3);
      const last = received.at(-1)!;
      const timestamp = Number(last.headers[TIMESTAMP_HEADER]);
      expect(last.headers[SIGNATURE_HEADER]).toBe(signPayload(secret, timestamp, last.body));
      expect(JSON.parse(last.body)).toMatchObject({ event: 'handoff.accepted', handoff: { id: handoff.id, status: 'accepted', actedBy: 'Sam Sales' } });
      expect(leadOf(await new RawClient(server, sdr).pullAll(), lead.id)?.status).toBe('sql');
    } finally {
      crm.close();
    }
  });
});

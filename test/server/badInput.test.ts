import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handoff } from '../../shared/model/handoff';
import type { Lead } from '../../shared/model/lead';
import type { LeadEvent } from '../../shared/model/leadEvent';
import type { Note } from '../../shared/model/note';
import { PROTOCOL_VERSION, type PushResponse } from '../../shared/sync/protocol';
import { BODY_LIMIT_BYTES, createApp } from '../../server/app';
import { openSession, revokeSession, SESSION_TTL_MS, tokenHash } from '../../server/auth/sessions';
import { SYNC_REQUESTS_PER_MINUTE } from '../../server/routes/sync';
import { PLAYBOOK_BODY_LIMIT_BYTES } from '../../server/routes/team';
import { makeCall, makeHandoff, makeNote, makeStatusEvent, makeTagsEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { DIALECTS } from '../helpers/serverDb';
import { captureLogs, LOG_ERROR, RawClient, startTeamServer, type Account, type LogLine, type TeamServer } from '../helpers/teamServer';

/** What an error answer must never carry: stack frames, source paths, SQL or the database's own words. */
const LEAKS = /\n\s+at |\bat \S+ \(|\.[cm]?[jt]s:\d+|node_modules|\bselect\b.*\bfrom\b|\binsert into\b|sqlite|postgres|syntax error at|\bstack\b/i;

const SQLISH = ["'; DROP TABLE users;--", '1 OR 1=1', '\u0000', "Robert'); DELETE FROM sync_entities WHERE ('1'='1", 'a\u0000b"\\\'`;--'] as const;

const TABLES = ['teams', 'users', 'sessions', 'sync_entities', 'sync_clients', 'sync_rejections', 'crm_deliveries'] as const;

interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly { readonly path: string; readonly message: string }[];
}

/** The answer is the API's error shape and nothing more: a code, a message, maybe the fields. */
function expectApiError(res: LightMyRequestResponse, status: number, code: string): ApiError {
  expect({ status: res.statusCode, body: res.body }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: ApiError };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(Object.keys(body.error).every((key) => key === 'code' || key === 'message' || key === 'fields')).toBe(true);
  expect(res.body).not.toMatch(LEAKS);
  return body.error;
}

describe.each(DIALECTS)('bad input on %s', (_dialect, make) => {
  let server: TeamServer;
  let logs: LogLine[];
  let teamId: string;
  let otherTeamId: string;
  let sdr: Account;
  let sdr2: Account;
  let teamLead: Account;
  let sales: Account;

  beforeAll(async () => {
    const log = captureLogs();
    logs = log.lines;
    server = await startTeamServer(make, { logger: log.logger });
    teamId = await server.team('Team A');
    otherTeamId = await server.team('Team B');
    [sdr, sdr2, teamLead, sales] = await Promise.all([server.user('sdr', teamId, '李雷'), server.user('sdr', teamId, '韩梅梅'), server.user('lead', teamId, 'Team Lead'), server.user('sales', teamId, 'Sam Sales')]);
  });
  afterAll(async () => {
    await server.close();
  });
  let logMark = 0;
  beforeEach(() => {
    logMark = logs.length;
  });
  afterEach(() => {
    // However bad the input, the server never failed (a 500 logs at error level).
    expect(logs.slice(logMark).filter((line) => line.level >= LOG_ERROR)).toEqual([]);
  });

  // Sign-in is limited per address: each anonymous request comes from an address of its own.
  let addresses = 0;
  const as = (who: Account | 'admin' | null, request: InjectOptions) => {
    const token = who === 'admin' ? server.adminToken : who?.token;
    const from = who === null ? { remoteAddress: `10.0.${Math.floor(++addresses / 250)}.${addresses % 250}` } : {};
    return server.app.inject({ ...request, ...from, headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  };

  async function counts(): Promise<Record<(typeof TABLES)[number], number>> {
    const entries = await Promise.all(TABLES.map(async (table) => [table, Number((await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(server.db)).rows[0]!.n)] as const));
    return Object.fromEntries(entries) as Record<(typeof TABLES)[number], number>;
  }

  const pullUrl = (cursor: number | string = 0, version: number | string = PROTOCOL_VERSION) => `/api/sync/pull?cursor=${cursor}&protocolVersion=${version}`;

  describe('malformed bodies', () => {
    const JSON_ROUTES: readonly (readonly [string, () => Account | 'admin' | null, () => InjectOptions])[] = [
      ['POST /api/auth/login', () => null, () => ({ method: 'POST', url: '/api/auth/login' })],
      ['POST /api/sync/push', () => sdr, () => ({ method: 'POST', url: '/api/sync/push' })],
      ['POST /api/admin/teams', () => 'admin', () => ({ method: 'POST', url: '/api/admin/teams' })],
      ['POST /api/admin/users', () => 'admin', () => ({ method: 'POST', url: '/api/admin/users' })],
      ['PUT /api/teams/:id/crm-webhook', () => teamLead, () => ({ method: 'PUT', url: `/api/teams/${teamId}/crm-webhook` })],
      ['PUT /api/teams/:id/playbook', () => teamLead, () => ({ method: 'PUT', url: `/api/teams/${teamId}/playbook` })],
    ];
    const MALFORMED = ['{"clientId": ', "{'single': 'quotes'}", '{"a": 1}}', '[1, 2', '', 'undefined', '{"a": "\\x"}', '{"a": NaN}'];

    it.each(JSON_ROUTES)('%s answers malformed JSON with 400 invalid, and writes nothing', async (_route, who, request) => {
      const before = await counts();
      for (const body of MALFORMED) {
        const res = await as(who(), { ...request(), payload: body, headers: { 'content-type': 'application/json' } });
        expectApiError(res, 400, 'invalid');
      }
      // A body that is not JSON at all is refused as such.
      expectApiError(await as(who(), { ...request(), payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'invalid');
      expect(await counts()).toEqual(before);
    });

    it('refuses a body over 1 MiB with 413 body.tooLarge and accepts one of exactly 1 MiB', async () => {
      const before = await counts();
      const client = new RawClient(server, sdr);
      const lead = makeLead({ company: 'x'.repeat(BODY_LIMIT_BYTES) });
      const tooLarge = await client.pushRaw([client.mutation('lead.create', { lead })]);
      expectApiError(tooLarge, 413, 'body.tooLarge');
      expectApiError(await as(null, { method: 'POST', url: '/api/auth/login', payload: { email: sdr.email, password: 'p'.repeat(BODY_LIMIT_BYTES) } }), 413, 'body.tooLarge');
      expect(await counts()).toEqual(before);
      // The limit itself is allowed: a playbook padded to exactly its route's limit publishes.
      // Newlines travel as two bytes ("\\n"), so the text itself stays within the 2 MB a playbook may have.
      const frame = Buffer.byteLength(JSON.stringify({ text: '{}' }));
      const room = PLAYBOOK_BODY_LIMIT_BYTES - frame;
      const exact = JSON.stringify({ text: `{}${'\n'.repeat(Math.floor(room / 2))}${' '.repeat(room % 2)}` });
      expect(Buffer.byteLength(exact)).toBe(PLAYBOOK_BODY_LIMIT_BYTES);
      const put = (payload: string) => as(teamLead, { method: 'PUT', url: `/api/teams/${teamId}/playbook`, payload, headers: { 'content-type': 'application/json' } });
      expect((await put(exact)).statusCode).toBe(200);
      expectApiError(await put(exact.replace('{}', '{} ')), 413, 'body.tooLarge');
    });
  });

  describe('unknown names and fields', () => {
    const STRANGE_NAMES = ['note.teleport', "'; DROP TABLE users;--", '1 OR 1=1', '\u0000', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];

    it('rejects unknown mutation names one by one, without blocking the queue behind them', async () => {
      const client = new RawClient(server, sdr);
      const lead = makeLead();
      const create = client.mutation('lead.create', { lead });
      const batch = [create];
      for (const name of STRANGE_NAMES) {
        batch.push({ ...client.mutation('note.add', { note: makeNote(lead) }), name });
        batch.push(client.mutation('note.add', { note: makeNote(lead, { text: `after ${name}` }) }));
      }
      const before = await counts();
      const res = await client.pushRaw(batch);
      expect(res.statusCode).toBe(200);
      const answer = res.json() as PushResponse;
      expect(answer.lastSeq).toBe(batch.length);
      expect(answer.results).toEqual(
        batch.map((m) =>
          STRANGE_NAMES.includes(m.name) ? { seq: m.seq, id: m.id, status: 'rejected', code: 'mutation.unknown', message: expect.stringContaining('Unknown change') } : { seq: m.seq, id: m.id, status: 'applied' },
        ),
      );
      for (const result of answer.results) if (result.status === 'rejected') expect(result.message).not.toMatch(LEAKS);
      // The lead and one note per good mutation; each refusal remembered for a client that lost the answer.
      expect(await counts()).toMatchObject({ sync_entities: before.sync_entities + 1 + STRANGE_NAMES.length, sync_rejections: before.sync_rejections + STRANGE_NAMES.length });
      const again = (await client.push(...batch)).results;
      expect(again).toEqual(answer.results);
    });

    it('refuses unknown fields in the push envelope, in a queued mutation and in the pull query, naming them', async () => {
      const client = new RawClient(server, sdr);
      const before = await counts();
      const envelope = expectApiError(await client.pushRaw([], { sneaky: true }), 400, 'invalid');
      expect(envelope.message).toContain('sneaky');
      const m = client.mutation('lead.create', { lead: makeLead() });
      const entry = expectApiError(await client.pushRaw([{ ...m, priority: 'urgent' } as typeof m]), 400, 'invalid');
      expect(entry.fields).toEqual([expect.objectContaining({ path: 'mutations.0', message: expect.stringContaining('priority') })]);
      const query = expectApiError(await as(sdr, { method: 'GET', url: `${pullUrl()}&role=lead` }), 400, 'invalid');
      expect(query.message).toContain('role');
      // The account and team routes' bodies are strict too: nobody sets a role, a version or a secret on the side.
      expectApiError(await as(null, { method: 'POST', url: '/api/auth/login', payload: { email: sdr.email, password: 'a long enough password', role: 'admin' } }), 400, 'invalid');
      expectApiError(await as('admin', { method: 'POST', url: '/api/admin/teams', payload: { name: 'Team C', version: 99 } }), 400, 'invalid');
      expectApiError(await as(teamLead, { method: 'PUT', url: `/api/teams/${teamId}/crm-webhook`, payload: { url: 'https://crm.example.com/x', secret: 'chosen' } }), 400, 'invalid');
      expect(await counts()).toEqual(before);
    });

    it('drops unknown fields inside mutation arguments: they are never stored, and cannot move records', async () => {
      const client = new RawClient(server, sdr);
      const lead = makeLead({ status: 'working' });
      const smuggled = { teamId: otherTeamId, ownerId: sdr2.id, owner_id: sdr2.id, team_id: otherTeamId, isAdmin: true };
      const note = makeNote(lead);
      const res = await client.pushRaw([
        client.mutation('lead.create', { lead: { ...lead, ...smuggled } }),
        { ...client.mutation('note.add', { note: { ...note, ...smuggled } }), args: { note: { ...note, ...smuggled }, ...smuggled } },
        client.mutation('lead.update', { id: lead.id, patch: { title: 'CTO', ...smuggled }, updatedAt: Date.now() }),
      ]);
      expect(res.statusCode).toBe(200);
      expect((res.json() as PushResponse).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const rows = await server.db.selectFrom('sync_entities').selectAll().where('lead_id', '=', lead.id).execute();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toMatchObject({ team_id: teamId, owner_id: sdr.id });
        for (const key of Object.keys(smuggled)) expect(JSON.parse(row.data)).not.toHaveProperty(key);
      }
      expect(JSON.parse(rows.find((r) => r.kind === 'lead')!.data)).toMatchObject({ title: 'CTO', owner: sdr.name });
      // Nothing of it reached the other team, and the other SDR does not see the lead.
      expect(await new RawClient(server, sdr2).pullAll()).not.toContainEqual(expect.objectContaining({ id: lead.id }));
    });
  });

  describe('protocol version', () => {
    it.each([PROTOCOL_VERSION + 1, PROTOCOL_VERSION - 1, 99])('answers a client speaking protocol %s with 426 "Please update the app", on push and pull', async (version) => {
      const before = await counts();
      const client = new RawClient(server, sdr);
      const push = expectApiError(await client.pushRaw([client.mutation('lead.create', { lead: makeLead() })], { protocolVersion: version }), 426, 'protocol.version');
      expect(push.message).toContain('Please update the app');
      const pull = expectApiError(await as(sdr, { method: 'GET', url: pullUrl(0, version) }), 426, 'protocol.version');
      expect(pull.message).toContain('Please update the app');
      // Before sign-in too: an old app learns it must update, not that its session is gone.
      expectApiError(await as(null, { method: 'GET', url: pullUrl(0, version) }), 426, 'protocol.version');
      expect(await counts()).toEqual(before);
    });
  });

  describe('sessions', () => {
    const ROUTES: readonly InjectOptions[] = [
      { method: 'GET', url: '/api/auth/me' },
      { method: 'GET', url: '/api/team' },
      { method: 'GET', url: `/api/sync/pull?cursor=0&protocolVersion=${PROTOCOL_VERSION}` },
      { method: 'POST', url: '/api/sync/push', payload: { clientId: '0197a000-0000-7000-8000-000000000001', protocolVersion: PROTOCOL_VERSION, mutations: [] } },
      { method: 'PUT', url: '/api/teams/00000000-0000-4000-8000-000000000000/playbook', payload: { text: '{}' } },
      { method: 'GET', url: '/api/admin/users' },
    ];
    const withToken = (token: string) => (request: InjectOptions) => server.app.inject({ ...request, headers: { authorization: `Bearer ${token}` } });

    async function expectSignedOut(token: string) {
      for (const request of ROUTES) expectApiError(await withToken(token)(request), 401, 'auth.required');
    }

    it('refuses an expired session everywhere, and accepts one a minute before it expires', async () => {
      const now = Date.now();
      const expired = await openSession(server.db, sdr.id, now - SESSION_TTL_MS - 1000);
      expect(expired.expiresAt).toBeLessThan(now);
      await expectSignedOut(expired.token);
      const almost = await openSession(server.db, sdr.id, now - SESSION_TTL_MS + 60_000);
      expect((await withToken(almost.token)({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({ id: sdr.id });
    });

    it('refuses forged tokens, including the stored hash of a real one, and writes nothing', async () => {
      const real = await openSession(server.db, teamLead.id, Date.now());
      const flipped = real.token.slice(0, -1) + (real.token.endsWith('A') ? 'B' : 'A');
      const before = await counts();
      for (const forged of [randomBytes(32).toString('base64url'), tokenHash(real.token), flipped, `${real.token}x`, 'a'.repeat(200)]) await expectSignedOut(forged);
      // Tokens that are not even token-shaped are not looked up at all.
      for (const header of [`Bearer ${"'; DROP TABLE sessions;--"}`, 'Bearer 1 OR 1=1', `Bearer ${'a'.repeat(5000)}`, `Basic ${Buffer.from(`${sdr.email}:pw`).toString('base64')}`, 'Bearer', real.token]) {
        for (const request of ROUTES) expectApiError(await server.app.inject({ ...request, headers: { authorization: header } }), 401, 'auth.required');
      }
      expectApiError(await server.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sdr_session: randomBytes(32).toString('base64url') } }), 401, 'auth.required');
      expectApiError(await server.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sdr_session: "x' OR '1'='1" } }), 401, 'auth.required');
      expect(await counts()).toEqual(before);
      // The real token still works: the forgeries did not disturb it.
      expect((await withToken(real.token)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    });

    it('refuses a revoked session everywhere; the same user\'s other sessions keep working', async () => {
      const phone = await openSession(server.db, sdr.id, Date.now());
      const laptop = await openSession(server.db, sdr.id, Date.now());
      const desk = await openSession(server.db, sdr.id, Date.now());
      expect((await withToken(phone.token)({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      expect((await withToken(phone.token)({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
      await expectSignedOut(phone.token);
      await revokeSession(server.db, laptop.token, Date.now());
      await expectSignedOut(laptop.token);
      expect((await withToken(desk.token)({ method: 'GET', url: pullUrl() })).statusCode).toBe(200);
    });
  });

  describe('SQL-looking text', () => {
    const fields = (s: string) => ({
      company: s,
      contactName: s,
      title: s,
      wechatId: s,
      industry: s,
      region: s,
      timeZone: s,
      campaign: s,
    });

    it.each(SQLISH)('stores %j verbatim in every text field of a lead, note, call and hand-off, and writes nothing else', async (s) => {
      const before = await counts();
      const sdrClient = new RawClient(server, sdr);
      const lead = makeLead({ ...fields(s), status: 'working', customFields: { [s]: s }, tags: [s], importBatchId: s });
      const note = makeNote(lead, { text: s });
      const started = makeCall(lead, { disposition: s, scriptId: s, scriptVersion: 1, answers: { budget: s } });
      const tagged = makeTagsEvent(lead, [s, `${s}-2`], [s]);
      const handoff = makeHandoff(lead, {
        owner: { id: s, name: s },
        ruleId: s,
        productLine: s,
        summary: s,
        overrideReason: s,
        criteria: [{ id: s, label: { en: s, 'zh-CN': s }, met: false }],
        answers: { budget: s },
        tags: [s],
        statusReason: s,
      });
      const handedOff = makeStatusEvent(lead, 'mql', { reason: s });
      const pushed = await sdrClient.push(
        sdrClient.mutation('lead.create', { lead }),
        sdrClient.mutation('note.add', { note }),
        sdrClient.mutation('call.start', { call: started }),
        sdrClient.mutation('lead.tags', { event: tagged }),
        sdrClient.mutation('handoff.create', { handoff, event: handedOff }),
      );
      expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
      // Sales returns it (it is in the team queue: no sales rep is called that) with the same text as the reason.
      const salesClient = new RawClient(server, sales);
      const inbox = (await salesClient.pullAll()).filter((c) => c.id === handoff.id);
      expect(inbox).toHaveLength(1);
      const returned = await salesClient.push(salesClient.mutation('handoff.return', { id: handoff.id, eventId: randomUUID(), at: Date.now(), reason: `${s}!` }));
      expect(returned.results.map((r) => r.status)).toEqual(['applied']);
      // And the SDR edits every text field again with it.
      const edited = `${s} (edited)`;
      const update = await sdrClient.push(sdrClient.mutation('lead.update', { id: lead.id, patch: { ...fields(edited), customFields: { [edited]: edited } }, updatedAt: Date.now() }));
      expect(update.results.map((r) => r.status)).toEqual(['applied']);

      const changes = await new RawClient(server, sdr).pullAll();
      const find = <T>(kind: string, id: string) => changes.filter((c) => c.kind === kind && c.id === id).at(-1)?.data as T | undefined;
      // The tags event removed the text and added it again with a suffix.
      expect(find<Lead>('lead', lead.id)).toMatchObject({ ...fields(edited), customFields: { [edited]: edited }, tags: [`${s}-2`], importBatchId: s, status: 'returned', owner: sdr.name });
      expect(find<Note>('note', note.id)).toMatchObject({ text: s });
      expect(find<typeof started>('call', started.id)).toMatchObject({ disposition: s, scriptId: s, answers: { budget: s } });
      const events = changes.filter((c) => c.kind === 'event').map((c) => c.data as LeadEvent).filter((e) => e.leadId === lead.id);
      expect(events).toContainEqual(expect.objectContaining({ type: 'tags', added: [s, `${s}-2`], removed: [s] }));
      expect(events).toContainEqual(expect.objectContaining({ type: 'status', to: 'mql', reason: s }));
      expect(events).toContainEqual(expect.objectContaining({ type: 'status', to: 'returned', reason: `${s}!` }));
      const stored = find<Handoff>('handoff', handoff.id)!;
      expect(stored).toMatchObject({
        owner: { id: s, name: s },
        ruleId: s,
        productLine: s,
        summary: s,
        overrideReason: s,
        criteria: [{ id: s, label: { en: s, 'zh-CN': s }, met: false }],
        answers: { budget: s },
        tags: [s],
        status: 'returned',
        statusReason: `${s}!`,
      });
      // What sales received: the lead as handed off, with its note and call, all verbatim.
      expect(inbox[0]!.data).toMatchObject({ snapshot: { lead: { ...fields(s), customFields: { [s]: s }, importBatchId: s }, notes: [{ text: s }], calls: [{ disposition: s }] } });

      // Exactly the records pushed, in the tables they belong in; no account, team or session touched.
      expect(await counts()).toEqual({
        ...before,
        // the lead, note, call, tags event, hand-off, its status event, and sales' status event
        sync_entities: before.sync_entities + 7,
        sync_clients: before.sync_clients + 2,
      });
      const raw = await server.db.selectFrom('sync_entities').select('data').where('kind', '=', 'note').where('id', '=', note.id).executeTakeFirstOrThrow();
      expect((JSON.parse(raw.data) as Note).text).toBe(s);
    });

    it.each(SQLISH)('answers and remembers a refusal that quotes %j', async (s) => {
      const client = new RawClient(server, teamLead);
      const lead = makeLead();
      const create = client.mutation('lead.create', { lead });
      const give = client.mutation('lead.update', { id: lead.id, patch: { owner: s }, updatedAt: Date.now() });
      const first = await client.push(create, give);
      expect(first.results[1]).toEqual({ seq: give.seq, id: give.id, status: 'rejected', code: 'lead.ownerUnknown', message: expect.stringContaining('works in this team') });
      // A client that lost the answer hears the same refusal again.
      expect((await client.push(give)).results).toEqual([first.results[1]]);
      expect((await server.db.selectFrom('sync_entities').select('owner_id').where('kind', '=', 'lead').where('id', '=', lead.id).executeTakeFirstOrThrow()).owner_id).toBeNull();
    });

    it.each(SQLISH)('names a team or a person %j verbatim, or refuses a NUL character with 400 on every database', async (s) => {
      const before = await counts();
      const team = await as('admin', { method: 'POST', url: '/api/admin/teams', payload: { name: s } });
      const user = await as('admin', { method: 'POST', url: '/api/admin/users', payload: { email: `named-${before.users}@example.com`, name: s, role: 'sdr', teamId, password: 'a long enough password' } });
      if (s.includes('\u0000')) {
        // PostgreSQL text cannot hold U+0000 and no name needs it: refused alike on both databases.
        expect(expectApiError(team, 400, 'invalid').fields).toEqual([expect.objectContaining({ path: 'name' })]);
        expect(expectApiError(user, 400, 'invalid').fields).toEqual([expect.objectContaining({ path: 'name' })]);
        expect(await counts()).toEqual(before);
        return;
      }
      expect(team.statusCode).toBe(201);
      expect(user.statusCode).toBe(201);
      const teams = (await as('admin', { method: 'GET', url: '/api/admin/teams' })).json() as { id: string; name: string }[];
      expect(teams).toContainEqual({ id: (team.json() as { id: string }).id, name: s, crmWebhookUrl: null });
      const users = (await as('admin', { method: 'GET', url: '/api/admin/users' })).json() as { id: string; name: string }[];
      expect(users).toContainEqual(expect.objectContaining({ id: (user.json() as { id: string }).id, name: s }));
      expect(await counts()).toEqual({ ...before, teams: before.teams + 1, users: before.users + 1 });
    });

    it.each(SQLISH)('keeps %j as text in paths, queries, e-mail addresses and passwords', async (s) => {
      const before = await counts();
      expectApiError(await as(teamLead, { method: 'PUT', url: `/api/teams/${encodeURIComponent(s)}/playbook`, payload: { text: '{}' } }), 404, 'team.notFound');
      expectApiError(await as(teamLead, { method: 'PUT', url: `/api/teams/${encodeURIComponent(s)}/crm-webhook`, payload: { url: null } }), 404, 'team.notFound');
      expectApiError(await as(sdr, { method: 'GET', url: pullUrl(encodeURIComponent(s)) }), 400, 'invalid');
      expectApiError(await as(null, { method: 'POST', url: '/api/auth/login', payload: { email: sdr.email, password: s } }), 401, 'auth.invalid');
      const badEmail = await as(null, { method: 'POST', url: '/api/auth/login', payload: { email: `${s}@example.com`, password: s } });
      expect([400, 401]).toContain(badEmail.statusCode);
      expectApiError(badEmail, badEmail.statusCode, badEmail.statusCode === 400 ? 'invalid' : 'auth.invalid');
      expect(await counts()).toEqual(before);
    });
  });

  describe('rate limit', () => {
    it(`lets a user make ${SYNC_REQUESTS_PER_MINUTE} sync requests a minute, then answers 429 rate.limited, on every session; other users are not slowed`, async () => {
      const busy = await server.user('sdr', teamId, 'Busy Bee');
      const { token } = await openSession(server.db, busy.id, Date.now());
      // A wrong protocol version is answered without the database: the limiter counts it all the same.
      const stale = { method: 'GET', url: pullUrl(0, PROTOCOL_VERSION + 1), headers: { authorization: `Bearer ${token}` } } as const;
      for (let i = 0; i < SYNC_REQUESTS_PER_MINUTE; i++) {
        const res = await server.app.inject(stale);
        if (res.statusCode !== 426) expect.fail(`request ${i + 1}: ${res.statusCode} ${res.body}`);
      }
      const limited = await server.app.inject(stale);
      expectApiError(limited, 429, 'rate.limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expectApiError(await server.app.inject({ ...stale, url: pullUrl() }), 429, 'rate.limited');
      // Per account: another session of the same person does not get a fresh allowance.
      expectApiError(await server.app.inject({ method: 'GET', url: pullUrl(), headers: { authorization: `Bearer ${busy.token}` } }), 429, 'rate.limited');
      expect((await as(teamLead, { method: 'GET', url: pullUrl() })).statusCode).toBe(200);
    });

    it('takes a lower limit from the app options', async () => {
      const webRoot = mkdtempSync(join(tmpdir(), 'sdr-web-'));
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
      const app = await createApp({ webRoot, db: server.db, crmIntervalMs: 0, syncRequestsPerMinute: 3 });
      try {
        const pull = (who: Account) => app.inject({ method: 'GET', url: pullUrl(), headers: { authorization: `Bearer ${who.token}` } });
        for (let i = 0; i < 3; i++) expect((await pull(sdr2)).statusCode).toBe(200);
        const limited = await pull(sdr2);
        expectApiError(limited, 429, 'rate.limited');
        expect(limited.headers['retry-after']).toBeDefined();
        expect((await pull(sales)).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
  });
});

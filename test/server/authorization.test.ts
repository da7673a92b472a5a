import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/model/account';
import type { Handoff } from '../../shared/model/handoff';
import type { Lead } from '../../shared/model/lead';
import type { Note } from '../../shared/model/note';
import type { MutationArgs } from '../../shared/sync/mutations';
import { PROTOCOL_VERSION, type MutationResult, type PushResponse } from '../../shared/sync/protocol';
import { makeCall, makeHandoff, makeNote, makeStatusEvent, makeTagsEvent, type StatusEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { DIALECTS } from '../helpers/serverDb';
import { captureLogs, LOG_ERROR, PASSWORD, RawClient, startTeamServer, type Account, type LogLine, type TeamServer } from '../helpers/teamServer';

/*
 * Who may do what on the team server, as tables. Every cell runs through the whole HTTP stack
 * (app.inject) on a fresh database per dialect, with its own freshly planted records, and checks
 * the answer, what the server stored afterwards, and what it logged.
 */

const ROLES = ['sdr', 'lead', 'sales', 'admin'] as const satisfies readonly Role[];

/**
 * The records a cell works on. "own" is the acting user's own lead (for sales, who own no leads:
 * an SDR's lead whose hand-off is routed to them; admins own nothing either and use an SDR's).
 */
const TARGETS = ['own', 'otherSdr', 'pool', 'otherTeam'] as const;
type Target = (typeof TARGETS)[number];
const TARGET_LABELS: Readonly<Record<Target, string>> = {
  own: 'own lead (hand-off routed to the sales rep)',
  otherSdr: "another SDR's lead (hand-off routed to another sales rep)",
  pool: "the team's unassigned pool (hand-off in the team's sales queue)",
  otherTeam: "another team's lead",
};

// ---------------------------------------------------------------------------------------------
// Pull: what a fresh device of each role receives of each target.
// ---------------------------------------------------------------------------------------------

/** everything: the lead, its note, its status event and its hand-off; hand-off: only that. */
type Sees = 'everything' | 'hand-off' | 'nothing' | 'HTTP 403';

const PULL: Readonly<Record<Role, Readonly<Record<Target, Sees>>>> = {
  sdr:   { own: 'everything', otherSdr: 'nothing',    pool: 'everything', otherTeam: 'nothing' },
  lead:  { own: 'everything', otherSdr: 'everything', pool: 'everything', otherTeam: 'nothing' },
  sales: { own: 'hand-off',   otherSdr: 'nothing',    pool: 'hand-off',   otherTeam: 'nothing' },
  admin: { own: 'HTTP 403',   otherSdr: 'HTTP 403',   pool: 'HTTP 403',   otherTeam: 'HTTP 403' },
};

/** The team playbook: every member of the team syncs it, nobody sees another team's. */
const PLAYBOOK: Readonly<Record<Role, 'own team only' | 'HTTP 403'>> = { sdr: 'own team only', lead: 'own team only', sales: 'own team only', admin: 'HTTP 403' };

// ---------------------------------------------------------------------------------------------
// Push: each mutation's answer. Refusals of one mutation come back inside a 200 push answer.
// ---------------------------------------------------------------------------------------------

const MATRIX_MUTATIONS = ['lead.update', 'note.add', 'call.start', 'lead.tags', 'lead.transition', 'handoff.create', 'handoff.recall', 'handoff.accept', 'handoff.return'] as const;
type MatrixMutation = (typeof MATRIX_MUTATIONS)[number];

/** Applied, leaving the owner as it was. */
const OK = 'applied';
/** Applied, and the pool lead (with its records) now belongs to the actor. */
const CLAIMS = 'claims';
const NOT_YOURS = 'lead.notYours';
const NO_LEAD = 'lead.notFound';
const NO_HANDOFF = 'handoff.notFound';
/** The hand-off is routed to another sales rep. */
const NOT_ROUTED = 'handoff.notYours';
const FORBIDDEN = 'auth.forbidden';
/** The whole push is refused (admins belong to no team). */
const HTTP_403 = 'HTTP 403';
type Outcome = typeof OK | typeof CLAIMS | typeof NOT_YOURS | typeof NO_LEAD | typeof NO_HANDOFF | typeof NOT_ROUTED | typeof FORBIDDEN | typeof HTTP_403;
/** One outcome per mutation, in MATRIX_MUTATIONS' order (the compiler counts the columns). */
type Columns<T extends readonly unknown[]> = { readonly [I in keyof T]: Outcome };
type Row = Columns<typeof MATRIX_MUTATIONS>;

const ADMIN_ROW: Row = [HTTP_403, HTTP_403, HTTP_403, HTTP_403, HTTP_403, HTTP_403, HTTP_403, HTTP_403, HTTP_403];

// Worth a look: the team lead works every lead of the team but answers no hand-off (sales does);
// a sales rep's handoff.create is refused for its role before any record is read, so another
// team's lead answers it like a missing one does.
const PUSH: Readonly<Record<Role, Readonly<Record<Target, Row>>>> = {
  //              lead.update note.add    call.start  lead.tags   transition  h.create    h.recall    h.accept    h.return
  sdr: {
    own:         [OK,         OK,         OK,         OK,         OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN],
    otherSdr:    [NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  FORBIDDEN,  FORBIDDEN],
    pool:        [OK,         CLAIMS,     CLAIMS,     OK,         CLAIMS,     CLAIMS,     OK,         FORBIDDEN,  FORBIDDEN],
    otherTeam:   [NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_HANDOFF, FORBIDDEN,  FORBIDDEN],
  },
  lead: {
    own:         [OK,         OK,         OK,         OK,         OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN],
    otherSdr:    [OK,         OK,         OK,         OK,         OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN],
    pool:        [OK,         OK,         OK,         OK,         OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN],
    otherTeam:   [NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_HANDOFF, FORBIDDEN,  FORBIDDEN],
  },
  sales: {
    own:         [FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  OK,         OK],
    otherSdr:    [FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NOT_ROUTED, NOT_ROUTED],
    pool:        [FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  OK,         OK],
    otherTeam:   [NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    NO_LEAD,    FORBIDDEN,  NO_HANDOFF, NO_HANDOFF, NO_HANDOFF],
  },
  admin: { own: ADMIN_ROW, otherSdr: ADMIN_ROW, pool: ADMIN_ROW, otherTeam: ADMIN_ROW },
};

/** Recall, accept and return act on a hand-off: their target lead is planted already handed off. */
const NEEDS_HANDOFF: Readonly<Record<MatrixMutation, boolean>> = {
  'lead.update': false,
  'note.add': false,
  'call.start': false,
  'lead.tags': false,
  'lead.transition': false,
  'handoff.create': false,
  'handoff.recall': true,
  'handoff.accept': true,
  'handoff.return': true,
};

// ---------------------------------------------------------------------------------------------
// Routes: HTTP answers by caller. "own team" is the caller's (team A; admins have none),
// "other team" is team B.
// ---------------------------------------------------------------------------------------------

const CALLERS = [...ROLES, 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
type Answer = '200' | '201' | '401 auth.required' | '403 auth.forbidden' | '404 team.notFound';

const ROUTE_NAMES = [
  'GET /api/team',
  'PUT /api/teams/<own team>/crm-webhook',
  'PUT /api/teams/<other team>/crm-webhook',
  'PUT /api/teams/<own team>/playbook',
  'PUT /api/teams/<other team>/playbook',
  'GET /api/sync/pull',
  'POST /api/sync/push',
  'GET /api/teams/<own team>/playbook/versions',
  'GET /api/teams/<other team>/playbook/versions',
  'POST /api/teams/<own team>/playbook/versions/1/restore',
  'POST /api/teams/<other team>/playbook/versions/1/restore',
  'GET /api/review/calls',
  'GET /api/reports/team',
  'GET /api/admin/teams',
  'POST /api/admin/teams',
  'GET /api/admin/users',
  'POST /api/admin/users',
] as const;
type RouteName = (typeof ROUTE_NAMES)[number];

const FORB = '403 auth.forbidden';
const ANON = '401 auth.required';
const GONE = '404 team.notFound';

const ROUTES: Readonly<Record<RouteName, Readonly<Record<Caller, Answer>>>> = {
  'GET /api/team':                           { sdr: '200',  lead: '200',  sales: '200',  admin: GONE,   anonymous: ANON },
  'PUT /api/teams/<own team>/crm-webhook':   { sdr: FORB,   lead: '200',  sales: FORB,   admin: '200',  anonymous: ANON },
  'PUT /api/teams/<other team>/crm-webhook': { sdr: FORB,   lead: GONE,   sales: FORB,   admin: '200',  anonymous: ANON },
  'PUT /api/teams/<own team>/playbook':      { sdr: FORB,   lead: '200',  sales: FORB,   admin: '200',  anonymous: ANON },
  'PUT /api/teams/<other team>/playbook':    { sdr: FORB,   lead: GONE,   sales: FORB,   admin: '200',  anonymous: ANON },
  'GET /api/sync/pull':                      { sdr: '200',  lead: '200',  sales: '200',  admin: FORB,   anonymous: ANON },
  'POST /api/sync/push':                     { sdr: '200',  lead: '200',  sales: '200',  admin: FORB,   anonymous: ANON },
  'GET /api/teams/<own team>/playbook/versions':           { sdr: FORB, lead: '200', sales: FORB, admin: '200', anonymous: ANON },
  'GET /api/teams/<other team>/playbook/versions':         { sdr: FORB, lead: GONE,  sales: FORB, admin: '200', anonymous: ANON },
  'POST /api/teams/<own team>/playbook/versions/1/restore':   { sdr: FORB, lead: '200', sales: FORB, admin: '200', anonymous: ANON },
  'POST /api/teams/<other team>/playbook/versions/1/restore': { sdr: FORB, lead: GONE,  sales: FORB, admin: '200', anonymous: ANON },
  // Review and reports are about a team: admins belong to none.
  'GET /api/review/calls':                   { sdr: FORB,   lead: '200',  sales: FORB,   admin: FORB,   anonymous: ANON },
  'GET /api/reports/team':                   { sdr: FORB,   lead: '200',  sales: FORB,   admin: FORB,   anonymous: ANON },
  'GET /api/admin/teams':                    { sdr: FORB,   lead: FORB,   sales: FORB,   admin: '200',  anonymous: ANON },
  'POST /api/admin/teams':                   { sdr: FORB,   lead: FORB,   sales: FORB,   admin: '201',  anonymous: ANON },
  'GET /api/admin/users':                    { sdr: FORB,   lead: FORB,   sales: FORB,   admin: '200',  anonymous: ANON },
  'POST /api/admin/users':                   { sdr: FORB,   lead: FORB,   sales: FORB,   admin: '201',  anonymous: ANON },
};

// ---------------------------------------------------------------------------------------------
// The world: two teams, their people, the records each cell plants.
// ---------------------------------------------------------------------------------------------

interface People {
  readonly sdr: Account;
  readonly sdr2: Account;
  readonly lead: Account;
  readonly sales: Account;
  readonly sales2: Account;
  readonly admin: Account;
  /** Team B's SDR: plants "another team's" records. */
  readonly sdrB: Account;
}

interface World {
  readonly server: TeamServer;
  readonly logs: LogLine[];
  readonly teamA: string;
  readonly teamB: string;
  readonly people: People;
}

async function setUp(make: (typeof DIALECTS)[number][1]): Promise<World> {
  const log = captureLogs();
  const server = await startTeamServer(make, { logger: log.logger });
  const teamA = await server.team('Team A');
  const teamB = await server.team('Team B');
  const [sdr, sdr2, lead, sales, sales2, sdrB] = await Promise.all([
    server.user('sdr', teamA, '李雷'),
    server.user('sdr', teamA, '韩梅梅'),
    server.user('lead', teamA, 'Team Lead'),
    server.user('sales', teamA, 'Sam Sales'),
    server.user('sales', teamA, 'Sally Sales'),
    server.user('sdr', teamB, 'Stranger'),
  ]);
  const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${server.adminToken}` } });
  const { id, email, name } = me.json() as { id: string; email: string; name: string };
  const admin: Account = { id, email, name, role: 'admin', teamId: null, token: server.adminToken };
  const world: World = { server, logs: log.lines, teamA, teamB, people: { sdr, sdr2, lead, sales, sales2, admin, sdrB } };
  // Team A has a CRM webhook (only its lead sees the URL) and both teams have a playbook.
  expect((await call(world, lead, { method: 'PUT', url: `/api/teams/${teamA}/crm-webhook`, payload: { url: 'https://crm.example.com/team-a' } })).statusCode).toBe(200);
  expect((await call(world, lead, { method: 'PUT', url: `/api/teams/${teamA}/playbook`, payload: { text: '{}' } })).statusCode).toBe(200);
  expect((await call(world, admin, { method: 'PUT', url: `/api/teams/${teamB}/playbook`, payload: { text: '{}' } })).statusCode).toBe(200);
  return world;
}

function actorOf(w: World, role: Role): Account {
  return w.people[role];
}

function call(w: World, who: Account | null, request: InjectOptions): Promise<LightMyRequestResponse> {
  return w.server.app.inject({ ...request, headers: { ...request.headers, ...(who ? { authorization: `Bearer ${who.token}` } : {}) } });
}

interface Planted {
  readonly lead: Lead;
  readonly note: Note | null;
  readonly handoff: Handoff | null;
  /** The status event the hand-off wrote. */
  readonly handedOff: StatusEvent | null;
}

const QUEUE = { id: 'sales-queue', name: 'Sales queue' };

/** Creates a fresh target lead (optionally with a note and a delivered hand-off) as its owner would. */
async function plant(w: World, target: Target, role: Role, extras: { readonly handoff: boolean; readonly note?: boolean }): Promise<Planted> {
  const { people } = w;
  const creator = { own: role === 'lead' ? people.lead : people.sdr, otherSdr: people.sdr2, pool: people.lead, otherTeam: people.sdrB }[target];
  const routedTo = { own: people.sales, otherSdr: people.sales2, pool: null, otherTeam: null }[target];
  // A team lead's lead with no owner goes to the pool; naming themself keeps it theirs.
  const lead = makeLead({ status: 'working', owner: target === 'own' && creator === people.lead ? people.lead.name : '' });
  const note = extras.note ? makeNote(lead) : null;
  const handoff = extras.handoff ? makeHandoff(lead, { owner: routedTo ? { id: routedTo.email, name: routedTo.name } : QUEUE }) : null;
  const handedOff = handoff ? makeStatusEvent(lead, 'mql') : null;
  const client = new RawClient(w.server, creator);
  const mutations = [client.mutation('lead.create', { lead })];
  if (note) mutations.push(client.mutation('note.add', { note }));
  if (handoff && handedOff) mutations.push(client.mutation('handoff.create', { handoff, event: handedOff }));
  const planted = await client.push(...mutations);
  expect(planted.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  expect((await row(w, 'lead', lead.id))?.owner_id).toBe(target === 'pool' ? null : creator.id);
  if (handoff) expect((await row(w, 'handoff', handoff.id))?.sales_id).toBe(routedTo?.id ?? null);
  return { lead: handoff ? { ...lead, status: 'mql' } : lead, note, handoff, handedOff };
}

/** The same shape of target, never sent to the server: what "missing" answers. */
function unplanted(withHandoff: boolean): Planted {
  const lead = makeLead({ status: withHandoff ? 'mql' : 'working' });
  return { lead, note: null, handoff: withHandoff ? makeHandoff(lead) : null, handedOff: null };
}

async function row(w: World, kind: 'lead' | 'note' | 'call' | 'handoff' | 'event' | 'playbook', id: string) {
  return (await w.server.db.selectFrom('sync_entities').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst()) ?? null;
}

async function dataOf(w: World, kind: 'lead' | 'note' | 'call' | 'handoff', id: string): Promise<Record<string, unknown> | null> {
  const found = await row(w, kind, id);
  return found ? (JSON.parse(found.data) as Record<string, unknown>) : null;
}

async function leadOn(w: World, id: string): Promise<Lead> {
  const data = await dataOf(w, 'lead', id);
  if (!data) throw new Error(`lead ${id} is not on the server`);
  return data as unknown as Lead;
}

/** Everything stored for a lead (the lead, its calls, notes, events, hand-offs), in a stable order. */
function rowsOfLead(w: World, leadId: string) {
  return w.server.db.selectFrom('sync_entities').selectAll().where('lead_id', '=', leadId).orderBy('kind').orderBy('id').execute();
}

function teamVersions(w: World) {
  return w.server.db.selectFrom('teams').select(['id', 'version']).orderBy('id').execute();
}

function anotherTeamLogs(w: World, from: number): LogLine[] {
  return w.logs.slice(from).filter((line) => line.msg === 'refused: records of another team');
}

interface Made<N extends MatrixMutation> {
  readonly args: MutationArgs<N>;
  /** What the applied mutation left on the server. */
  readonly applied: (w: World) => Promise<void>;
}
type Builders = { readonly [N in MatrixMutation]: (p: Planted, actor: Account) => Made<N> };

function handoffOf(p: Planted): Handoff {
  if (!p.handoff) throw new Error('this mutation works on a planted hand-off');
  return p.handoff;
}

const BUILD: Builders = {
  'lead.update': (p, actor) => {
    const title = `Retitled by ${actor.name}`;
    return { args: { id: p.lead.id, patch: { title }, base: { title: p.lead.title }, updatedAt: Date.now() }, applied: async (w) => expect((await leadOn(w, p.lead.id)).title).toBe(title) };
  },
  'note.add': (p) => {
    const note = makeNote(p.lead, { text: 'matrix note' });
    return { args: { note }, applied: async (w) => expect(await dataOf(w, 'note', note.id)).toMatchObject({ leadId: p.lead.id, text: 'matrix note' }) };
  },
  'call.start': (p) => {
    const started = makeCall(p.lead);
    return { args: { call: started }, applied: async (w) => expect(await dataOf(w, 'call', started.id)).toMatchObject({ leadId: p.lead.id, wrappedUpAt: null }) };
  },
  'lead.tags': (p) => ({ args: { event: makeTagsEvent(p.lead, ['matrix-tag'], []) }, applied: async (w) => expect((await leadOn(w, p.lead.id)).tags).toContain('matrix-tag') }),
  'lead.transition': (p) => ({
    args: { event: makeStatusEvent(p.lead, 'nurturing', { reason: 'budget next year', nextTouchAt: Date.now() + 86_400_000 }) },
    applied: async (w) => expect((await leadOn(w, p.lead.id)).status).toBe('nurturing'),
  }),
  'handoff.create': (p) => {
    const handoff = makeHandoff(p.lead);
    return {
      args: { handoff, event: makeStatusEvent(p.lead, 'mql') },
      applied: async (w) => {
        expect(await dataOf(w, 'handoff', handoff.id)).toMatchObject({ leadId: p.lead.id, status: 'delivered' });
        expect((await leadOn(w, p.lead.id)).status).toBe('mql');
      },
    };
  },
  'handoff.recall': (p) => {
    const { id } = handoffOf(p);
    return {
      args: { id, event: makeStatusEvent(p.lead, 'working', { reason: 'more discovery first' }) },
      applied: async (w) => {
        expect(await dataOf(w, 'handoff', id)).toMatchObject({ status: 'recalled', statusReason: 'more discovery first' });
        expect((await leadOn(w, p.lead.id)).status).toBe('working');
      },
    };
  },
  'handoff.accept': (p, actor) => {
    const { id } = handoffOf(p);
    return {
      args: { id, eventId: randomUUID(), at: Date.now() },
      applied: async (w) => {
        expect(await dataOf(w, 'handoff', id)).toMatchObject({ status: 'accepted', actedBy: actor.name });
        expect((await row(w, 'handoff', id))?.sales_id).toBe(actor.id);
        expect((await leadOn(w, p.lead.id)).status).toBe('sql');
      },
    };
  },
  'handoff.return': (p, actor) => {
    const { id } = handoffOf(p);
    return {
      args: { id, eventId: randomUUID(), at: Date.now(), reason: 'no budget this year' },
      applied: async (w) => {
        expect(await dataOf(w, 'handoff', id)).toMatchObject({ status: 'returned', statusReason: 'no budget this year', actedBy: actor.name });
        expect((await leadOn(w, p.lead.id)).status).toBe('returned');
      },
    };
  },
};

function build<N extends MatrixMutation>(client: RawClient, name: N, p: Planted, actor: Account) {
  const made = BUILD[name](p, actor);
  return { mutation: client.mutation(name, made.args), applied: made.applied };
}

/** One mutation's answer with the planted ids taken out, to compare a target with a missing one. */
function anonymised(result: MutationResult | undefined, p: Planted): unknown {
  if (!result || result.status === 'applied') return result?.status;
  let message = result.message.replaceAll(p.lead.id, '<lead>');
  if (p.handoff) message = message.replaceAll(p.handoff.id, '<handoff>');
  return { code: result.code, message };
}

async function pushOne(w: World, actor: Account, mutation: MatrixMutation, p: Planted) {
  // A fresh device per cell: one cell's failure cannot leave a sequence gap for the next.
  const client = new RawClient(w.server, actor);
  const { mutation: sent, applied } = build(client, mutation, p, actor);
  const res = await client.pushRaw([sent]);
  return { res, sent, applied };
}

// The tables unrolled into cells; the label is only for the test's name.
const pullCells = ROLES.flatMap((role) => TARGETS.map((target) => [role, TARGET_LABELS[target], PULL[role][target], target] as const));
const pushCells = ROLES.flatMap((role) => TARGETS.flatMap((target) => MATRIX_MUTATIONS.map((mutation, i) => [role, TARGET_LABELS[target], mutation, PUSH[role][target][i], target] as const)));
const routeCells = ROUTE_NAMES.flatMap((route) => CALLERS.map((caller) => [route, caller, ROUTES[route][caller]] as const));

describe.each(DIALECTS)('authorization matrix on %s', (_dialect, make) => {
  let w: World;
  beforeAll(async () => {
    w = await setUp(make);
  });
  afterAll(async () => {
    await w.server.close();
  });
  let logMark = 0;
  beforeEach(() => {
    logMark = w.logs.length;
  });
  afterEach(() => {
    // No cell may have failed on the server (a 500 logs at error level).
    expect(w.logs.slice(logMark).filter((line) => line.level >= LOG_ERROR)).toEqual([]);
  });

  describe('pull', () => {
    it.each(pullCells)('%s pulling %s sees %s', async (role, _label, sees, target) => {
      const actor = actorOf(w, role);
      const p = await plant(w, target, role, { handoff: true, note: true });
      const ids = new Map<string, string>([
        [p.lead.id, 'lead'],
        [p.note!.id, 'note'],
        [p.handedOff!.id, 'event'],
        [p.handoff!.id, 'handoff'],
      ]);
      if (sees === 'HTTP 403') {
        const res = await call(w, actor, { method: 'GET', url: `/api/sync/pull?cursor=0&protocolVersion=${PROTOCOL_VERSION}` });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'auth.forbidden', message: expect.any(String) } });
        return;
      }
      const changes = (await new RawClient(w.server, actor).pullAll()).filter((c) => ids.has(c.id));
      // Nothing of a record the role may not see goes out, not even a tombstone.
      expect(changes.filter((c) => c.data === null)).toEqual([]);
      const expected = { everything: ['event', 'handoff', 'lead', 'note'], 'hand-off': ['handoff'], nothing: [] }[sees];
      expect(changes.map((c) => c.kind).sort()).toEqual(expected);
      for (const change of changes) expect(change.kind).toBe(ids.get(change.id));
    });

    it.each(ROLES.map((role) => [role, PLAYBOOK[role]] as const))('%s pulling the playbook: %s', async (role, expected) => {
      const actor = actorOf(w, role);
      if (expected === 'HTTP 403') {
        const res = await call(w, actor, { method: 'GET', url: `/api/sync/pull?cursor=0&protocolVersion=${PROTOCOL_VERSION}` });
        expect(res.statusCode).toBe(403);
        return;
      }
      const playbooks = (await new RawClient(w.server, actor).pullAll()).filter((c) => c.kind === 'playbook');
      expect(playbooks.map((c) => c.id)).toContain(w.teamA);
      expect(playbooks.map((c) => c.id)).not.toContain(w.teamB);
      expect(playbooks.find((c) => c.id === w.teamA)?.data).toMatchObject({ text: '{}' });
    });
  });

  describe('push', () => {
    it.each(pushCells)('%s on %s: %s → %s', async (role, _label, mutation, outcome, target) => {
      const actor = actorOf(w, role);
      const p = await plant(w, target, role, { handoff: NEEDS_HANDOFF[mutation] });
      const rowsBefore = await rowsOfLead(w, p.lead.id);
      const versionsBefore = await teamVersions(w);
      const logsBefore = w.logs.length;
      const { res, sent, applied } = await pushOne(w, actor, mutation, p);

      if (outcome === HTTP_403) {
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'auth.forbidden', message: expect.any(String) } });
      } else {
        expect(res.statusCode).toBe(200);
        const result = (res.json() as PushResponse).results[0];
        if (outcome === OK || outcome === CLAIMS) {
          expect(result).toEqual({ seq: sent.seq, id: sent.id, status: 'applied' });
        } else {
          expect(result).toEqual({ seq: sent.seq, id: sent.id, status: 'rejected', code: outcome, message: expect.any(String) });
        }
        // Another SDR's lead names its owner, so the SDR knows whom to ask.
        if (outcome === NOT_YOURS) expect(result).toMatchObject({ message: expect.stringContaining(w.people.sdr2.name) });
      }

      const ownerBefore = rowsBefore.find((r) => r.kind === 'lead')!.owner_id;
      if (outcome === OK || outcome === CLAIMS) {
        await applied(w);
        const rowsAfter = await rowsOfLead(w, p.lead.id);
        if (outcome === CLAIMS) {
          expect(ownerBefore).toBeNull();
          // The lead and everything on it moved to the SDR who worked it.
          expect(new Set(rowsAfter.map((r) => r.owner_id))).toEqual(new Set([actor.id]));
        } else {
          expect(rowsAfter.find((r) => r.kind === 'lead')!.owner_id).toBe(ownerBefore);
        }
        const actorTeam = (await teamVersions(w)).find((t) => t.id === actor.teamId)!;
        expect(actorTeam.version).toBeGreaterThan(versionsBefore.find((t) => t.id === actor.teamId)!.version);
      } else {
        // Refused: nothing written anywhere, in either team.
        expect(await rowsOfLead(w, p.lead.id)).toEqual(rowsBefore);
        expect(await teamVersions(w)).toEqual(versionsBefore);
      }

      // Reaching for another team's record is logged; nothing else is.
      const logged = anotherTeamLogs(w, logsBefore);
      if (target === 'otherTeam' && (outcome === NO_LEAD || outcome === NO_HANDOFF)) {
        const touched = outcome === NO_HANDOFF ? handoffOf(p).id : p.lead.id;
        expect(logged).toEqual([expect.objectContaining({ userId: actor.id, teamId: actor.teamId, refusals: [expect.stringContaining(touched)] })]);
      } else {
        expect(logged).toEqual([]);
      }

      // Another team's record answers exactly like one that does not exist.
      if (target === 'otherTeam' && outcome !== HTTP_403) {
        const missing = unplanted(NEEDS_HANDOFF[mutation]);
        const twin = await pushOne(w, actor, mutation, missing);
        expect(twin.res.statusCode).toBe(200);
        const [theirs, none] = [(res.json() as PushResponse).results[0], (twin.res.json() as PushResponse).results[0]];
        expect(anonymised(theirs, p)).toEqual(anonymised(none, missing));
      }
    });
  });

  describe("another team's call", () => {
    // Calls are reached by their own id after they start: the same rule as leads and hand-offs.
    const FOLLOW_UPS = {
      'call.progress': (id: string): MutationArgs<'call.progress'> => ({ id, connectedAt: Date.now() }),
      'call.answers': (id: string): MutationArgs<'call.answers'> => ({ id, scriptId: 'discovery', scriptVersion: 1, answers: { budget: 'yes' } }),
      'call.wrapUp': (id: string): MutationArgs<'call.wrapUp'> => ({ id, wrappedUpAt: Date.now(), disposition: 'connected', doNotCall: false, callbackAt: null, leadFields: {} }),
    } as const;

    it.each(['sdr', 'lead'] as const)('%s: answers call.notFound exactly like a missing call, changes nothing and is logged', async (role) => {
      const actor = actorOf(w, role);
      const { lead } = await plant(w, 'otherTeam', role, { handoff: false });
      const stranger = new RawClient(w.server, w.people.sdrB);
      const started = makeCall(lead);
      expect((await stranger.push(stranger.mutation('call.start', { call: started }))).results[0]!.status).toBe('applied');
      const before = await rowsOfLead(w, lead.id);
      for (const [name, args] of Object.entries(FOLLOW_UPS) as [keyof typeof FOLLOW_UPS, (id: string) => MutationArgs<keyof typeof FOLLOW_UPS>][]) {
        const logsBefore = w.logs.length;
        const client = new RawClient(w.server, actor);
        const missing = randomUUID();
        const answer = await client.push(client.mutation(name, args(started.id)), client.mutation(name, args(missing)));
        const [theirs, none] = answer.results.map((r) => (r.status === 'rejected' ? { code: r.code, message: r.message.replace(started.id, '<id>').replace(missing, '<id>') } : r.status));
        expect(theirs).toEqual({ code: 'call.notFound', message: expect.any(String) });
        expect(theirs).toEqual(none);
        expect(anotherTeamLogs(w, logsBefore)).toEqual([expect.objectContaining({ userId: actor.id, refusals: [expect.stringContaining(started.id)] })]);
      }
      expect(await rowsOfLead(w, lead.id)).toEqual(before);
    });
  });

  describe('routes', () => {
    type Snapshot = Awaited<ReturnType<typeof snapshot>>;
    async function snapshot() {
      const { db } = w.server;
      return {
        teams: await db.selectFrom('teams').selectAll().orderBy('id').execute(),
        users: await db.selectFrom('users').select(['id', 'email', 'role', 'team_id', 'disabled_at']).orderBy('id').execute(),
        playbooks: await db.selectFrom('sync_entities').select(['id', 'data', 'version']).where('kind', '=', 'playbook').orderBy('id').execute(),
        playbookVersions: await db.selectFrom('playbook_versions').select(['team_id', 'version', 'by_name']).orderBy('team_id').orderBy('version').execute(),
      };
    }

    const tagged = (caller: Caller) => `${caller}-${randomUUID().slice(0, 8)}`;

    const REQUEST: Readonly<Record<RouteName, (tag: string) => InjectOptions>> = {
      'GET /api/team': () => ({ method: 'GET', url: '/api/team' }),
      'PUT /api/teams/<own team>/crm-webhook': (tag) => ({ method: 'PUT', url: `/api/teams/${w.teamA}/crm-webhook`, payload: { url: `https://crm.example.com/${tag}` } }),
      'PUT /api/teams/<other team>/crm-webhook': (tag) => ({ method: 'PUT', url: `/api/teams/${w.teamB}/crm-webhook`, payload: { url: `https://crm.example.com/${tag}` } }),
      'PUT /api/teams/<own team>/playbook': () => ({ method: 'PUT', url: `/api/teams/${w.teamA}/playbook`, payload: { text: '{}' } }),
      'PUT /api/teams/<other team>/playbook': () => ({ method: 'PUT', url: `/api/teams/${w.teamB}/playbook`, payload: { text: '{}' } }),
      'GET /api/sync/pull': () => ({ method: 'GET', url: `/api/sync/pull?cursor=0&protocolVersion=${PROTOCOL_VERSION}` }),
      'POST /api/sync/push': () => ({ method: 'POST', url: '/api/sync/push', payload: { clientId: randomUUID(), protocolVersion: PROTOCOL_VERSION, mutations: [] } }),
      'GET /api/teams/<own team>/playbook/versions': () => ({ method: 'GET', url: `/api/teams/${w.teamA}/playbook/versions` }),
      'GET /api/teams/<other team>/playbook/versions': () => ({ method: 'GET', url: `/api/teams/${w.teamB}/playbook/versions` }),
      'POST /api/teams/<own team>/playbook/versions/1/restore': () => ({ method: 'POST', url: `/api/teams/${w.teamA}/playbook/versions/1/restore`, payload: {} }),
      'POST /api/teams/<other team>/playbook/versions/1/restore': () => ({ method: 'POST', url: `/api/teams/${w.teamB}/playbook/versions/1/restore`, payload: {} }),
      'GET /api/review/calls': () => ({ method: 'GET', url: '/api/review/calls?from=2025-01-01&to=2025-12-31&tz=UTC' }),
      'GET /api/reports/team': () => ({ method: 'GET', url: '/api/reports/team?from=2025-01-01&to=2025-12-31&tz=UTC' }),
      'GET /api/admin/teams': () => ({ method: 'GET', url: '/api/admin/teams' }),
      'POST /api/admin/teams': (tag) => ({ method: 'POST', url: '/api/admin/teams', payload: { name: `Team ${tag}` } }),
      'GET /api/admin/users': () => ({ method: 'GET', url: '/api/admin/users' }),
      'POST /api/admin/users': (tag) => ({ method: 'POST', url: '/api/admin/users', payload: { email: `${tag}@example.com`, name: `New ${tag}`, role: 'sdr', teamId: w.teamA, password: PASSWORD } }),
    };

    /** What a successful call answers and changes; everything it does not name stays as it was. */
    const SUCCEEDS: Readonly<Record<RouteName, (res: LightMyRequestResponse, before: Snapshot, after: Snapshot, caller: Caller, tag: string) => void>> = {
      'GET /api/team': (res, before, after, caller) => {
        const body = res.json() as { id: string; crmWebhookUrl: string | null; members: { id: string; name: string; role: Role }[] };
        expect(body.id).toBe(w.teamA);
        // Only the team lead sees where the CRM webhook points.
        if (caller === 'lead') expect(body.crmWebhookUrl).toMatch(/^https:\/\/crm\.example\.com\//);
        else expect(body.crmWebhookUrl).toBeNull();
        const memberIds = body.members.map((m) => m.id);
        for (const person of [w.people.sdr, w.people.sdr2, w.people.lead, w.people.sales, w.people.sales2]) expect(memberIds).toContain(person.id);
        expect(memberIds).not.toContain(w.people.sdrB.id);
        expect(JSON.stringify(body)).not.toMatch(/email|password|secret/i);
        expect(after).toEqual(before);
      },
      'PUT /api/teams/<own team>/crm-webhook': (res, before, after, _caller, tag) => webhookSet(res, before, after, w.teamA, tag),
      'PUT /api/teams/<other team>/crm-webhook': (res, before, after, _caller, tag) => webhookSet(res, before, after, w.teamB, tag),
      'PUT /api/teams/<own team>/playbook': (res, before, after, caller) => playbookPublished(res, before, after, w.teamA, caller),
      'PUT /api/teams/<other team>/playbook': (res, before, after, caller) => playbookPublished(res, before, after, w.teamB, caller),
      'GET /api/sync/pull': (res, before, after) => {
        expect(res.json()).toMatchObject({ reset: false, changes: expect.any(Array) });
        expect(after).toEqual(before);
      },
      'POST /api/sync/push': (res, before, after) => {
        expect(res.json()).toMatchObject({ lastSeq: 0, results: [] });
        expect(after).toEqual(before);
      },
      'GET /api/teams/<own team>/playbook/versions': (res, before, after) => versionsListed(res, before, after, w.teamA),
      'GET /api/teams/<other team>/playbook/versions': (res, before, after) => versionsListed(res, before, after, w.teamB),
      'POST /api/teams/<own team>/playbook/versions/1/restore': (res, before, after, caller) => playbookPublished(res, before, after, w.teamA, caller),
      'POST /api/teams/<other team>/playbook/versions/1/restore': (res, before, after, caller) => playbookPublished(res, before, after, w.teamB, caller),
      'GET /api/review/calls': (res, before, after) => {
        // Team A's calls only: team B's SDR planted calls too.
        const body = res.json() as { calls: { sdrId: string }[]; total: number };
        expect(body.calls.every((c) => c.sdrId !== w.people.sdrB.id)).toBe(true);
        expect(after).toEqual(before);
      },
      'GET /api/reports/team': (res, before, after) => {
        const body = res.json() as { sdrs: { sdrId: string }[] };
        expect(body.sdrs.map((s) => s.sdrId)).not.toContain(w.people.sdrB.id);
        expect(body.sdrs.map((s) => s.sdrId)).toContain(w.people.sdr.id);
        expect(after).toEqual(before);
      },
      'GET /api/admin/teams': (res, before, after) => {
        expect((res.json() as { id: string }[]).map((t) => t.id)).toEqual(expect.arrayContaining([w.teamA, w.teamB]));
        expect(after).toEqual(before);
      },
      'POST /api/admin/teams': (res, before, after, _caller, tag) => {
        expect(res.json()).toEqual({ id: expect.any(String), name: `Team ${tag}` });
        expect(after.teams.filter((t) => !before.teams.some((b) => b.id === t.id)).map((t) => t.name)).toEqual([`Team ${tag}`]);
        expect({ ...after, teams: before.teams }).toEqual(before);
      },
      'GET /api/admin/users': (res, before, after) => {
        expect((res.json() as { email: string }[]).map((u) => u.email)).toEqual(expect.arrayContaining(Object.values(w.people).map((p) => p.email)));
        expect(JSON.stringify(res.json())).not.toMatch(/password|argon2/i);
        expect(after).toEqual(before);
      },
      'POST /api/admin/users': (res, before, after, _caller, tag) => {
        expect(res.json()).toEqual({ id: expect.any(String), email: `${tag}@example.com`, name: `New ${tag}`, role: 'sdr', teamId: w.teamA });
        expect(after.users.filter((u) => !before.users.some((b) => b.id === u.id)).map((u) => u.email)).toEqual([`${tag}@example.com`]);
        expect({ ...after, users: before.users }).toEqual(before);
      },
    };

    function webhookSet(res: LightMyRequestResponse, before: Snapshot, after: Snapshot, teamId: string, tag: string) {
      const url = `https://crm.example.com/${tag}`;
      expect(res.json()).toEqual({ url, secret: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
      const changed = after.teams.find((t) => t.id === teamId)!;
      expect(changed.crm_webhook_url).toBe(url);
      expect({ ...after, teams: after.teams.filter((t) => t.id !== teamId) }).toEqual({ ...before, teams: before.teams.filter((t) => t.id !== teamId) });
    }

    function versionsListed(res: LightMyRequestResponse, before: Snapshot, after: Snapshot, teamId: string) {
      const body = res.json() as { current: number; versions: { version: number }[] };
      expect(body.versions.map((v) => v.version)).toEqual(before.playbookVersions.filter((v) => v.team_id === teamId).map((v) => v.version).reverse());
      expect(after).toEqual(before);
    }

    function playbookPublished(res: LightMyRequestResponse, before: Snapshot, after: Snapshot, teamId: string, caller: Caller) {
      expect(res.json()).toEqual({ publishedAt: expect.any(Number), version: expect.any(Number) });
      const published = after.playbooks.find((p) => p.id === teamId)!;
      expect(published.version).toBeGreaterThan(before.playbooks.find((p) => p.id === teamId)!.version);
      expect(JSON.parse(published.data)).toMatchObject({ text: '{}', by: actorOf(w, caller as Role).name });
      expect(after.playbookVersions.filter((v) => v.team_id === teamId).length).toBe(before.playbookVersions.filter((v) => v.team_id === teamId).length + 1);
      const others = (s: Snapshot) => ({ users: s.users, teams: s.teams.filter((t) => t.id !== teamId), playbooks: s.playbooks.filter((p) => p.id !== teamId), playbookVersions: s.playbookVersions.filter((v) => v.team_id !== teamId) });
      expect(others(after)).toEqual(others(before));
    }

    it.each(routeCells)('%s by %s answers %s', async (route, caller, answer) => {
      const who = caller === 'anonymous' ? null : actorOf(w, caller);
      const tag = tagged(caller);
      const request = REQUEST[route](tag);
      const before = await snapshot();
      const logsBefore = w.logs.length;
      const res = await call(w, who, request);
      const [status, code] = answer.split(' ');
      expect(res.statusCode).toBe(Number(status));
      const after = await snapshot();
      if (code) {
        expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
        // Refused: nothing changed.
        expect(after).toEqual(before);
      } else {
        SUCCEEDS[route](res, before, after, caller, tag);
      }
      if (route.includes('<other team>') && answer === GONE) {
        // Another team answers exactly like a team that does not exist, and the attempt is logged.
        const missing = await call(w, who, { ...request, url: String(request.url).replace(w.teamB, randomUUID()) });
        expect(missing.statusCode).toBe(res.statusCode);
        expect(missing.json()).toEqual(res.json());
        expect(w.logs.slice(logsBefore)).toContainEqual(expect.objectContaining({ msg: 'refused: another team', userId: who!.id, teamId: w.teamB }));
      }
    });
  });
});

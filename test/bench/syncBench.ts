/**
 * Sync benchmarks (part of `npm run bench`; standalone: `npx tsx test/bench/syncBench.ts`): the
 * team server in its own process on 127.0.0.1, driven over real HTTP (fetch), on SQLite and on
 * PostgreSQL. Each figure is printed beside a floor measured in the same run; nothing fails on a
 * timing.
 *
 * - push 10,000 lead.create, then 10,000 lead.update, in batches of MAX_PUSH_BATCH, one request at
 *   a time; floor: the same rows (the server's own JSON) inserted / updated straight into a fresh
 *   database in one transaction via Kysely.
 * - a fresh client pulls 100,000 leads, page by page until more=false; floor: one
 *   `select * from sync_entities where team_id = ?` of the same rows.
 * - load: 200 SDRs of one team, each with its own session, each looping push (1–5 mutations on its
 *   own leads) then pull from its cursor, each paced to one request every 750 ms (a busy SDR as the
 *   app syncs) and then every 200 ms (5 requests/s per user, under the sync routes' 600/min).
 *
 * Knobs: BENCH_SYNC_SCALE (0.1 shrinks counts, clients and duration), BENCH_SYNC_PUSH,
 * BENCH_SYNC_PULL, BENCH_SYNC_CLIENTS, BENCH_SYNC_SECONDS, BENCH_SYNC_PACE_MS,
 * BENCH_SYNC_DIALECTS (sqlite,postgresql), BENCH_SYNC_PARTS (push,pull,load), BENCH_SYNC_CPU_PROF
 * (a folder: the server process writes a V8 .cpuprofile there when it stops), BENCH_SYNC_SERVER
 * (another server entry script, to try a variant).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Call } from '../../shared/model/call';
import type { Lead, Temperature } from '../../shared/model/lead';
import type { Note } from '../../shared/model/note';
import { encodeHlc } from '../../shared/sync/hlc';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations';
import { MAX_PUSH_BATCH, PROTOCOL_VERSION, PULL_PAGE_SIZE, type PullResponse, type PushMutation, type PushResponse } from '../../shared/sync/protocol';
import { hashPassword } from '../../server/auth/passwords';
import { openSession } from '../../server/auth/sessions';
import { migrateToLatest, openDatabase, type DatabaseTarget } from '../../server/db/database';
import type { Database, SyncEntitiesTable } from '../../server/db/schema';
import { SYNC_REQUESTS_PER_MINUTE } from '../../server/routes/sync';
import { generateDemoLeads, mulberry32 } from '../../renderer/features/demo/demoLeads';
import { DIALECTS, type TestDatabase } from '../helpers/serverDb';

const env = process.env;
const SCALE = Number(env['BENCH_SYNC_SCALE'] ?? 1);
const PUSH_COUNT = Number(env['BENCH_SYNC_PUSH'] ?? Math.max(MAX_PUSH_BATCH, Math.round(10_000 * SCALE)));
const PULL_COUNT = Number(env['BENCH_SYNC_PULL'] ?? Math.max(PULL_PAGE_SIZE, Math.round(100_000 * SCALE)));
const CLIENTS = Number(env['BENCH_SYNC_CLIENTS'] ?? Math.max(2, Math.round(200 * SCALE)));
const LOAD_SECONDS = Number(env['BENCH_SYNC_SECONDS'] ?? (SCALE >= 1 ? 15 : 5));
/**
 * Requests per client: every 750 ms is a busy SDR as the app syncs (push + pull 1.5 s after each
 * change); every 200 ms is the stress the sync routes' rate limit still allows (5/s of 10/s).
 */
const PACES_MS = (env['BENCH_SYNC_PACE_MS'] ?? '750,200').split(',').map(Number);
const LEADS_PER_CLIENT = 20;
const FLOOR_RUNS = 3;
const DIALECT_NAMES = (env['BENCH_SYNC_DIALECTS'] ?? 'sqlite,postgresql').toLowerCase().split(',');
const PARTS = (env['BENCH_SYNC_PARTS'] ?? 'push,pull,load').toLowerCase().split(',');
const CPU_PROFILE_DIR = env['BENCH_SYNC_CPU_PROF'];
const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The server's entry; another script (same protocol: prints `listening <port>`) tries a variant. */
const SERVER_SCRIPT = env['BENCH_SYNC_SERVER'] ?? fileURLToPath(new URL('./syncServer.ts', import.meta.url));
/** BENCHMARKS.md, "Sync": PouchDB replicating to a local CouchDB-compatible server. */
const POUCHDB = { creates: 5_100, edits: 5_800, pull: 68_000 };
const GOAL = { creates: 2_500, edits: 2_500, pull: 20_000, p99: 200 };
const SQLITE_PUSH_TARGET = 3;

type Row = Selectable<SyncEntitiesTable>;
type MakeDatabase = () => Promise<TestDatabase>;
type Report = (work: string, ours: string, floor: string, ratio: string, target: string) => void;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const secs = (n: number) => `${(n / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const count = (n: number) => n.toLocaleString('en');
/** Nearest-rank percentile of unsorted samples. */
const pct = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const sleep = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, n)));

export const printReport: Report = (work, ours, floor, r, target) => {
  console.log(`${work.padEnd(40)} ${ours.padStart(14)} ${floor.padStart(14)} ${r.padStart(8)}  ${target}`);
};

// ——— databases, accounts and rows ———

interface BenchDb {
  readonly test: TestDatabase;
  readonly db: Kysely<Database>;
}

async function freshDb(make: MakeDatabase): Promise<BenchDb> {
  const test = await make();
  const db = openDatabase(test.target);
  await migrateToLatest(db);
  return { test, db };
}

async function closeDb({ test, db }: BenchDb): Promise<void> {
  await db.destroy();
  await test.drop();
  if (test.target.kind === 'sqlite') rmSync(dirname(test.target.file), { recursive: true, force: true });
}

interface BenchUser {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
  readonly token: string;
}

async function addTeam(db: Kysely<Database>, name: string, id: string = uuidv7()): Promise<string> {
  await db.insertInto('teams').values({ id, name, created_at: Date.now() }).execute();
  return id;
}

/** SDRs with a live session each, straight into the database: the admin API would hash each password with argon2. */
async function addSdrs(db: Kysely<Database>, teamId: string, n: number, passwordHash: string): Promise<BenchUser[]> {
  const now = Date.now();
  const rows = Array.from({ length: n }, (_, i) => ({ id: uuidv7(), team_id: teamId, email: `sdr${i}.${teamId}@bench.example.com`, name: `SDR ${i + 1} 销售`, role: 'sdr' as const, password_hash: passwordHash, created_at: now, disabled_at: null }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('users').values(rows.slice(i, i + 200)).execute();
  const users: BenchUser[] = [];
  for (const row of rows) users.push({ id: row.id, name: row.name, teamId, token: (await openSession(db, row.id, now)).token });
  return users;
}

/** A lead row as the server's lead.create by `owner` writes it (server/sync/apply.ts createLead). */
function leadRow(lead: Lead, owner: BenchUser, version: number, hlc: string): Insertable<SyncEntitiesTable> {
  const data: Lead = { ...lead, owner: owner.name };
  const clocks = Object.fromEntries(Object.keys(data).map((field) => [field, [hlc, owner.name]]));
  return { kind: 'lead', id: lead.id, team_id: owner.teamId, lead_id: lead.id, owner_id: owner.id, sales_id: null, data: JSON.stringify(data), clocks: JSON.stringify(clocks), deleted: 0, version, owner_version: 0 };
}

async function insertRows(db: Kysely<Database>, rows: readonly Insertable<SyncEntitiesTable>[], chunk = 500): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += chunk) await trx.insertInto('sync_entities').values(rows.slice(i, i + chunk)).execute();
  });
}

async function teamRows(db: Kysely<Database>, teamId: string): Promise<Row[]> {
  return db.selectFrom('sync_entities').selectAll().where('team_id', '=', teamId).orderBy('version').orderBy('kind').orderBy('id').execute();
}

// ——— the server process ———

export interface ServerProcess {
  readonly baseUrl: string;
  /** CPU seconds the server process has used so far (Linux; NaN elsewhere). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

function procCpuSeconds(pid: number | undefined): number {
  const file = `/proc/${pid ?? 0}/stat`;
  if (pid === undefined || !existsSync(file)) return NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy and total CPU time of the whole machine, for its utilisation over a window. */
function machineCpu(): { busy: number; total: number } {
  if (!existsSync('/proc/stat')) return { busy: NaN, total: NaN };
  const values = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
}

/** The team server in its own process on a free port (see syncServer.ts); also used by reviewBench.ts. */
export async function startServer(target: DatabaseTarget): Promise<ServerProcess> {
  const profile = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', SERVER_SCRIPT], {
    cwd: REPO,
    env: { ...env, SYNC_BENCH_TARGET: JSON.stringify(target) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the bench server exited (${String(code)}) before listening`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (!match) return void console.log(`  [server] ${line}`);
      clearTimeout(timer);
      resolve(Number(match[1]));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cpuSeconds: () => procCpuSeconds(child.pid),
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

// ——— a sync client over HTTP ———

class HttpError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
    this.name = 'HttpError';
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
  /** What the server said it spent on the request (its Server-Timing header), in ms. */
  readonly serverMs: number;
}

const serverTiming = (header: string | string[] | null | undefined) => Number(/dur=([\d.]+)/.exec(String(header ?? ''))?.[1] ?? NaN);

/** fetch, or node:http through the client's own agent (one keep-alive connection per SDR). */
async function send(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body: string | undefined, agent: Agent | undefined): Promise<Answer> {
  if (!agent) {
    const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    return { status: res.status, serverMs: serverTiming(res.headers.get('server-timing')), body: await res.text() };
  }
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, serverMs: serverTiming(res.headers['server-timing']), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Numbers mutations and stamps clocks like the app; talks to the server over HTTP. */
class SyncClient {
  readonly clientId = uuidv7();
  private seq = 0;
  private counter = 0;
  cursor = 0;
  serverMs = NaN;

  constructor(
    private readonly baseUrl: string,
    readonly user: BenchUser,
    /** Without one, fetch (its shared connection pool). */
    readonly agent?: Agent,
  ) {}

  mutation<N extends MutationName>(name: N, args: MutationArgs<N>, at: number = Date.now()): PushMutation {
    return { seq: ++this.seq, id: uuidv7(), name, args, hlc: encodeHlc({ wallMs: at, counter: this.counter++, clientId: this.clientId }), createdAt: at };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: string): Promise<string> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.user.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const answer = await send(`${this.baseUrl}${path}`, method, headers, body, this.agent);
    this.serverMs = answer.serverMs;
    if (answer.status !== 200) throw new HttpError(answer.status, answer.body);
    return answer.body;
  }

  async push(mutations: readonly PushMutation[]): Promise<PushResponse> {
    return JSON.parse(await this.call('POST', '/api/sync/push', JSON.stringify({ clientId: this.clientId, protocolVersion: PROTOCOL_VERSION, mutations }))) as PushResponse;
  }

  /** One page from the stored cursor; the cursor moves to the page's. */
  async pull(): Promise<PullResponse> {
    const page = JSON.parse(await this.call('GET', `/api/sync/pull?cursor=${this.cursor}&protocolVersion=${PROTOCOL_VERSION}`)) as PullResponse;
    this.cursor = page.cursor;
    return page;
  }
}

/** Pushes batches one request at a time; throws unless every mutation applied. */
async function pushAll(client: SyncClient, mutations: readonly PushMutation[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < mutations.length; i += MAX_PUSH_BATCH) {
    const batch = mutations.slice(i, i + MAX_PUSH_BATCH);
    const started = performance.now();
    const res = await client.push(batch);
    times.push(performance.now() - started);
    const rejected = res.results.find((r) => r.status === 'rejected');
    if (rejected || res.lastSeq !== batch.at(-1)!.seq) throw new Error(`push stopped at ${res.lastSeq}: ${JSON.stringify(rejected ?? res.results.at(-1))}`);
  }
  return times;
}

const TEMPERATURES: readonly Temperature[] = ['hot', 'warm', 'cold'];
const nextTemperature = (t: Temperature) => TEMPERATURES[(TEMPERATURES.indexOf(t) + 1) % TEMPERATURES.length]!;

/** An offline edit as the lead form saves it: the changed fields and what the SDR saw before. */
function editOf(lead: Lead, at: number): MutationArgs<'lead.update'> {
  const priority = lead.priority === 3 ? 1 : ((lead.priority + 1) as 2 | 3);
  const title = lead.title.endsWith('（已核实）') ? lead.title : `${lead.title}（已核实）`;
  return { id: lead.id, patch: { temperature: nextTemperature(lead.temperature), priority, title }, base: { temperature: lead.temperature, priority: lead.priority, title: lead.title }, updatedAt: at };
}

// ——— 1. push ———

async function pushBench(dialect: string, make: MakeDatabase, report: Report, passwordHash: string): Promise<void> {
  const server = await freshDb(make);
  let proc: ServerProcess | null = null;
  try {
    const teamId = await addTeam(server.db, '华东销售发展');
    const [sdr] = await addSdrs(server.db, teamId, 1, passwordHash);
    const [warm] = await addSdrs(server.db, await addTeam(server.db, 'warm-up'), 1, passwordHash);
    proc = await startServer(server.test.target);
    // Warm the routes (JIT, statement paths) on another team: its rows are not part of the figures.
    const warmClient = new SyncClient(proc.baseUrl, warm!);
    const warmLeads = generateDemoLeads({ count: 50, seed: 3, now: Date.now(), uniqueContacts: true });
    await pushAll(warmClient, warmLeads.map((lead) => warmClient.mutation('lead.create', { lead })));
    await pushAll(warmClient, warmLeads.map((lead) => warmClient.mutation('lead.update', editOf(lead, Date.now()))));
    await warmClient.pull();

    const client = new SyncClient(proc.baseUrl, sdr!);
    const now = Date.now();
    const leads = generateDemoLeads({ count: PUSH_COUNT, seed: 11, now, uniqueContacts: true });
    const creates = leads.map((lead) => client.mutation('lead.create', { lead }));
    const cpu0 = proc.cpuSeconds();
    const t0 = performance.now();
    const createTimes = await pushAll(client, creates);
    const createMs = performance.now() - t0;
    const cpu1 = proc.cpuSeconds();
    const created = await teamRows(server.db, teamId);
    if (created.length !== PUSH_COUNT) throw new Error(`expected ${PUSH_COUNT} rows after the creates, found ${created.length}`);

    const edits = leads.map((lead) => client.mutation('lead.update', editOf(lead, Date.now())));
    const t1 = performance.now();
    const editTimes = await pushAll(client, edits);
    const editMs = performance.now() - t1;
    const cpu2 = proc.cpuSeconds();
    const edited = await teamRows(server.db, teamId);
    if (edited.length !== PUSH_COUNT || edited.some((r) => !r.data.includes('（已核实）'))) throw new Error('the edits did not all land');
    await proc.stop();
    proc = null;

    const floor = await pushFloor(make, teamId, created, edited);
    const target = dialect === 'SQLite' ? `≤ ${SQLITE_PUSH_TARGET}× floor · goal` : 'goal';
    report(`push ${count(PUSH_COUNT)} creates (${dialect})`, secs(createMs), secs(floor.insertMs), ratio(createMs, floor.insertMs), `${target} ≤ ${secs(GOAL.creates)} · PouchDB ${secs(POUCHDB.creates)}`);
    report(`push ${count(PUSH_COUNT)} edits (${dialect})`, secs(editMs), secs(floor.updateMs), ratio(editMs, floor.updateMs), `${target} ≤ ${secs(GOAL.edits)} · PouchDB ${secs(POUCHDB.edits)}`);
    console.log(
      `  ${createTimes.length} + ${editTimes.length} requests of ${MAX_PUSH_BATCH}; per request p50 ${ms(pct(createTimes, 50))} / ${ms(pct(editTimes, 50))}` +
        ` · server CPU ${(cpu1 - cpu0).toFixed(2)} s / ${(cpu2 - cpu1).toFixed(2)} s` +
        ` · floors (median of ${FLOOR_RUNS}): one insert / update per row in one transaction; with multi-row inserts of 500 instead: ${secs(floor.bulkInsertMs)}`,
    );
  } finally {
    await proc?.stop();
    await closeDb(server);
  }
}

interface PushFloor {
  readonly insertMs: number;
  readonly updateMs: number;
  readonly bulkInsertMs: number;
}

/** The median of FLOOR_RUNS floors, each on fresh databases: one slow disk flush does not set it. */
async function pushFloor(make: MakeDatabase, teamId: string, created: readonly Row[], edited: readonly Row[]): Promise<PushFloor> {
  const runs: PushFloor[] = [];
  for (let i = 0; i < FLOOR_RUNS; i++) runs.push(await pushFloorOnce(make, teamId, created, edited));
  return { insertMs: pct(runs.map((r) => r.insertMs), 50), updateMs: pct(runs.map((r) => r.updateMs), 50), bulkInsertMs: pct(runs.map((r) => r.bulkInsertMs), 50) };
}

/**
 * The same rows straight into a fresh database of the dialect, in one transaction: one insert per
 * row, then (the edits) one update per row; and, for reference, multi-row inserts of 500.
 */
async function pushFloorOnce(make: MakeDatabase, teamId: string, created: readonly Row[], edited: readonly Row[]): Promise<PushFloor> {
  const bulk = await freshDb(make);
  let bulkInsertMs: number;
  try {
    await addTeam(bulk.db, 'floor', teamId);
    const t = performance.now();
    await insertRows(bulk.db, created);
    bulkInsertMs = performance.now() - t;
  } finally {
    await closeDb(bulk);
  }
  const fresh = await freshDb(make);
  try {
    await addTeam(fresh.db, 'floor', teamId);
    const t0 = performance.now();
    await fresh.db.transaction().execute(async (trx) => {
      for (const row of created) await trx.insertInto('sync_entities').values(row).execute();
    });
    const insertMs = performance.now() - t0;
    const t1 = performance.now();
    await fresh.db.transaction().execute(async (trx) => {
      for (const row of edited) {
        await trx.updateTable('sync_entities').set({ data: row.data, clocks: row.clocks, version: row.version }).where('kind', '=', row.kind).where('id', '=', row.id).execute();
      }
    });
    const updateMs = performance.now() - t1;
    return { insertMs, updateMs, bulkInsertMs };
  } finally {
    await closeDb(fresh);
  }
}

// ——— 2. pull ———

/** `n` leads of `owner`, as their pushes would have left them, versions 1…n. */
async function seedLeads(target: BenchDb, owner: BenchUser, n: number, seed: number): Promise<void> {
  const now = Date.now();
  const seedClient = uuidv7();
  const rows = generateDemoLeads({ count: n, seed, now, uniqueContacts: true }).map((lead, i) => leadRow(lead, owner, i + 1, encodeHlc({ wallMs: now - n + i, counter: 0, clientId: seedClient })));
  await insertRows(target.db, rows);
  await target.db.updateTable('teams').set({ version: n }).where('id', '=', owner.teamId).execute();
  if (target.test.target.kind === 'postgres') await sql`analyze`.execute(target.db);
}

/** One `select * from sync_entities where team_id = ?`, every row read into memory. */
async function selectFloor(db: Kysely<Database>, teamId: string): Promise<number> {
  const started = performance.now();
  const n = (await db.selectFrom('sync_entities').selectAll().where('team_id', '=', teamId).execute()).length;
  const elapsed = performance.now() - started;
  if (n !== PULL_COUNT) throw new Error(`the floor read ${n} rows, expected ${PULL_COUNT}`);
  return elapsed;
}

/** The same select streamed row by row (SQLite: better-sqlite3's iterate), nothing kept. */
async function streamedFloor(db: Kysely<Database>, teamId: string): Promise<number> {
  const started = performance.now();
  let n = 0;
  for await (const row of db.selectFrom('sync_entities').selectAll().where('team_id', '=', teamId).stream()) n += row.data.length > 0 ? 1 : 0;
  const elapsed = performance.now() - started;
  if (n !== PULL_COUNT) throw new Error(`the streamed floor read ${n} rows, expected ${PULL_COUNT}`);
  return elapsed;
}

async function pullBench(dialect: string, make: MakeDatabase, report: Report, passwordHash: string): Promise<void> {
  const server = await freshDb(make);
  let proc: ServerProcess | null = null;
  try {
    const teamId = await addTeam(server.db, '华东销售发展');
    const [sdr] = await addSdrs(server.db, teamId, 1, passwordHash);
    await seedLeads(server, sdr!, PULL_COUNT, 21);
    proc = await startServer(server.test.target);
    // Warm the route with a client that is up to date.
    const warm = new SyncClient(proc.baseUrl, sdr!);
    warm.cursor = PULL_COUNT;
    await warm.pull();

    const client = new SyncClient(proc.baseUrl, sdr!);
    const pageTimes: number[] = [];
    let received = 0;
    const cpu0 = proc.cpuSeconds();
    const t0 = performance.now();
    for (let more = true; more; ) {
      const started = performance.now();
      const page = await client.pull();
      pageTimes.push(performance.now() - started);
      received += page.changes.length;
      more = page.more;
    }
    const pullMs = performance.now() - t0;
    const cpu = proc.cpuSeconds() - cpu0;
    if (received !== PULL_COUNT || client.cursor !== PULL_COUNT) throw new Error(`pulled ${received} changes to cursor ${client.cursor}, expected ${PULL_COUNT}`);
    await proc.stop();
    proc = null;

    const floors: number[] = [];
    for (let i = 0; i < 3; i++) floors.push(await selectFloor(server.db, teamId));
    const floor = pct(floors, 50);
    const streamed = server.test.target.kind === 'sqlite' ? ` · the same select streamed row by row: ${ms(await streamedFloor(server.db, teamId))}` : '';
    report(`pull ${count(PULL_COUNT)} leads, fresh client (${dialect})`, secs(pullMs), ms(floor), ratio(pullMs, floor), `goal ≤ ${secs(GOAL.pull)} · PouchDB ${secs(POUCHDB.pull)} (${ratio(POUCHDB.pull, pullMs)} faster)`);
    console.log(`  ${pageTimes.length} pages of ${PULL_PAGE_SIZE}; per page p50 ${ms(pct(pageTimes, 50))}, max ${ms(Math.max(...pageTimes))} · server CPU ${cpu.toFixed(2)} s · floor: one select of the team's rows into one array, median of 3${streamed}`);
  } finally {
    await proc?.stop();
    await closeDb(server);
  }
}

// ——— 3. load ———

interface LoadStats {
  readonly push: number[];
  readonly pull: number[];
  /** The same requests as the server timed them. */
  readonly pushServer: number[];
  readonly pullServer: number[];
  errors: Map<string, number>;
  mutations: number;
  rejected: number;
  changes: number;
}

/** One SDR at their desk: their own leads as they last saw them, the call they have open. */
class Desk {
  private openCall: Call | null = null;
  private readonly leads: Lead[];
  /** Records this desk wrote, and the ones its pulls brought back (kind:id). */
  readonly written = new Set<string>();
  readonly pulled = new Set<string>();

  constructor(
    readonly client: SyncClient,
    leads: readonly Lead[],
    private readonly random: () => number,
  ) {
    this.leads = leads.map((lead) => ({ ...lead, owner: client.user.name }));
  }

  private lead(): { lead: Lead; index: number } {
    const index = Math.floor(this.random() * this.leads.length);
    return { lead: this.leads[index]!, index };
  }

  /** 1–5 mutations: notes, calls started and wrapped up, lead edits. */
  batch(): PushMutation[] {
    const n = 1 + Math.floor(this.random() * 5);
    const out: PushMutation[] = [];
    const now = Date.now();
    for (let i = 0; i < n; i++) {
      const pick = this.random();
      const { lead, index } = this.lead();
      if (pick < 0.4) {
        const id = uuidv7();
        const note: Note = { id, leadId: lead.id, callId: this.openCall?.leadId === lead.id ? this.openCall.id : null, rootId: id, revision: 1, text: '客户对营销自动化感兴趣，下周二约了产品演示；预算在审批中。', author: this.client.user.name, createdAt: now };
        out.push(this.client.mutation('note.add', { note }));
        this.written.add(`note:${id}`);
      } else if (pick < 0.7) {
        if (this.openCall) {
          out.push(this.client.mutation('call.wrapUp', { id: this.openCall.id, wrappedUpAt: now, disposition: 'connected', doNotCall: false, callbackAt: now + 2 * 86_400_000, leadFields: {} }));
          this.openCall = null;
        } else {
          const call: Call = { id: uuidv7(), leadId: lead.id, channel: 'phone', direction: 'outbound', via: 'tel', number: lead.phones[0]!, sdr: this.client.user.name, startedAt: now, connectedAt: null, endedAt: null, wrappedUpAt: null, disposition: null, callbackAt: null, scriptId: null, scriptVersion: null, answers: {} };
          out.push(this.client.mutation('call.start', { call }));
          this.written.add(`call:${call.id}`);
          this.openCall = call;
        }
      } else {
        const edit = editOf(lead, now);
        out.push(this.client.mutation('lead.update', edit));
        this.written.add(`lead:${lead.id}`);
        this.leads[index] = { ...lead, ...edit.patch };
      }
    }
    return out;
  }

  /** One page from the desk's cursor; remembers what came back. */
  async pull(): Promise<PullResponse> {
    const page = await this.client.pull();
    for (const change of page.changes) this.pulled.add(`${change.kind}:${change.id}`);
    return page;
  }
}

async function loadBench(dialect: string, make: MakeDatabase, report: Report, passwordHash: string): Promise<void> {
  const setupStarted = performance.now();
  const server = await freshDb(make);
  let proc: ServerProcess | null = null;
  const agents: Agent[] = [];
  try {
    const teamId = await addTeam(server.db, '华东销售发展');
    const users = await addSdrs(server.db, teamId, CLIENTS, passwordHash);
    const now = Date.now();
    const allLeads = generateDemoLeads({ count: CLIENTS * LEADS_PER_CLIENT, seed: 31, now, uniqueContacts: true }).map((lead) => ({ ...lead, doNotCall: false }));
    const seedClient = uuidv7();
    const rows = allLeads.map((lead, i) => leadRow(lead, users[Math.floor(i / LEADS_PER_CLIENT)]!, i + 1, encodeHlc({ wallMs: now - 60_000, counter: i, clientId: seedClient })));
    await insertRows(server.db, rows);
    await server.db.updateTable('teams').set({ version: rows.length }).where('id', '=', teamId).execute();
    if (server.test.target.kind === 'postgres') await sql`analyze`.execute(server.db);
    proc = await startServer(server.test.target);
    const baseUrl = proc.baseUrl;
    // Each SDR's app has its own keep-alive connection to the server.
    const desks = users.map((user, i) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      return new Desk(new SyncClient(baseUrl, user, agent), allLeads.slice(i * LEADS_PER_CLIENT, (i + 1) * LEADS_PER_CLIENT), mulberry32(1000 + i));
    });
    // Every desk has synced before (its first pull and one push), all at once: not measured.
    await Promise.all(
      desks.map(async (desk) => {
        for (let more = true; more; ) more = (await desk.pull()).more;
        await desk.client.push(desk.batch());
      }),
    );
    console.log(`  load set-up (${CLIENTS} accounts and sessions, ${count(rows.length)} leads, server start, first syncs): ${secs(performance.now() - setupStarted)}`);
    for (const pace of PACES_MS) await loadWindow(dialect, report, proc, desks, pace);
    // Every desk catches up (not measured): each record it wrote must have come back to it.
    await Promise.all(
      desks.map(async (desk) => {
        for (let more = true; more; ) more = (await desk.pull()).more;
      }),
    );
    const missing = desks.reduce((n, desk) => n + [...desk.written].filter((key) => !desk.pulled.has(key)).length, 0);
    if (missing > 0) console.log(`  WRONG: ${missing} records written by a desk never came back in its pulls`);
  } finally {
    for (const agent of agents) agent.destroy();
    await proc?.stop();
    await closeDb(server);
  }
}

/**
 * Every desk loops push (1–5 mutations) then pull from its cursor for LOAD_SECONDS, one request
 * started every `pace` ms (at once when the last took longer), starts spread over the first pace.
 */
async function loadWindow(dialect: string, report: Report, proc: ServerProcess, desks: readonly Desk[], pace: number): Promise<void> {
  const stats: LoadStats = { push: [], pull: [], pushServer: [], pullServer: [], errors: new Map(), mutations: 0, rejected: 0, changes: 0 };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu0 = proc.cpuSeconds();
  const machine0 = machineCpu();
  const generator0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + LOAD_SECONDS * 1000;
  let lastDone = start;
  const timed = async (kind: 'push' | 'pull', client: SyncClient, work: () => Promise<void>) => {
    const started = performance.now();
    try {
      await work();
      stats[kind].push(performance.now() - started);
      stats[kind === 'push' ? 'pushServer' : 'pullServer'].push(client.serverMs);
    } catch (error) {
      const key = `${kind} ${error instanceof HttpError ? error.status : error instanceof Error ? error.message : String(error)}`;
      stats.errors.set(key, (stats.errors.get(key) ?? 0) + 1);
    }
    lastDone = Math.max(lastDone, performance.now());
    await sleep(started + pace - performance.now());
  };
  await Promise.all(
    desks.map(async (desk, i) => {
      await sleep((i / desks.length) * pace);
      while (performance.now() < deadline) {
        const batch = desk.batch();
        await timed('push', desk.client, async () => {
          const res = await desk.client.push(batch);
          stats.mutations += batch.length;
          stats.rejected += res.results.filter((r) => r.status === 'rejected').length;
        });
        if (performance.now() >= deadline) break;
        await timed('pull', desk.client, async () => {
          const page = await desk.pull();
          stats.changes += page.changes.length;
        });
      }
    }),
  );
  const elapsed = (lastDone - start) / 1000;
  const cpu = proc.cpuSeconds() - cpu0;
  const machine1 = machineCpu();
  const generator = process.cpuUsage(generator0);
  lag.disable();

  const rate = (n: number) => `${(n / elapsed).toFixed(0)} req/s`;
  const label = `load ${desks.length} × ${pace} ms (${dialect}):`;
  const server = (xs: number[], p: number) => `server-side ${ms(pct(xs, p))}`;
  report(`${label} push p50`, ms(pct(stats.push, 50)), '', '', `${server(stats.pushServer, 50)} · ${rate(stats.push.length)}, ${(stats.mutations / elapsed).toFixed(0)} mutations/s`);
  report(`${label} push p99`, ms(pct(stats.push, 99)), '', '', `≤ ${GOAL.p99} ms · ${server(stats.pushServer, 99)}`);
  report(`${label} pull p50`, ms(pct(stats.pull, 50)), '', '', `${server(stats.pullServer, 50)} · ${rate(stats.pull.length)}, ${(stats.changes / elapsed).toFixed(0)} changes/s`);
  report(`${label} pull p99`, ms(pct(stats.pull, 99)), '', '', `≤ ${GOAL.p99} ms · ${server(stats.pullServer, 99)}`);
  const errors = [...stats.errors].map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
  console.log(
    `  ${elapsed.toFixed(1)} s, ${rate(stats.push.length + stats.pull.length)} answered of ${((desks.length * 1000) / pace).toFixed(0)} req/s offered (1 request per ${pace} ms per client; limit ${SYNC_REQUESTS_PER_MINUTE}/min)` +
      ` · max push ${ms(Math.max(...stats.push))}, pull ${ms(Math.max(...stats.pull))} · rejected mutations ${stats.rejected} · errors ${errors}\n` +
      `  CPU: server process ${((cpu / elapsed) * 100).toFixed(0)}% of one core, load generator ${(((generator.user + generator.system) / 1e6 / elapsed) * 100).toFixed(0)}% (event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms), machine ${(((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100).toFixed(0)}% of ${cpus().length} cores`,
  );
}

// ——— entry ———

export async function runSyncBench(report: Report = printReport): Promise<void> {
  const passwordHash = await hashPassword('a long enough bench password');
  console.log(
    `\nSync · server in its own process on 127.0.0.1 · push ${count(PUSH_COUNT)} · pull ${count(PULL_COUNT)} · load ${CLIENTS} clients × ${LOAD_SECONDS} s per pacing · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  console.log(`${'work'.padEnd(40)} ${'SDR Desk'.padStart(14)} ${'floor'.padStart(14)} ${'ratio'.padStart(8)}  target`);
  for (const [dialect, make] of DIALECTS) {
    if (!DIALECT_NAMES.includes(dialect.toLowerCase())) continue;
    if (PARTS.includes('push')) await pushBench(dialect, make, report, passwordHash);
    if (PARTS.includes('pull')) await pullBench(dialect, make, report, passwordHash);
    if (PARTS.includes('load')) await loadBench(dialect, make, report, passwordHash);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSyncBench();
}

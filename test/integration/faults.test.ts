import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../shared/model/lead';
import { mutate, mutateInTransaction, mutationTables } from '../../renderer/db';
import { SdrDeskDb } from '../../renderer/db/database';
import { signIn } from '../../renderer/sync/account';
import { SyncEngine } from '../../renderer/sync/engine';
import { openDatabase } from '../../server/db/database';
import { makeHandoff, makeNote, makeStatusEvent, makeTagsEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { PASSWORD, type Account } from '../helpers/teamServer';
import { tokenTransport, type Fault } from '../helpers/tokenTransport';
import { expectInvariants, startClient, startHarness, type Client, type Harness } from './syncHarness';

const ROOT = new URL('../..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The real server as its own process, so it can be killed mid-request (SIGKILL: no clean-up). */
async function startServerProcess(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

describe('faults', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('loses nothing when the server is killed in the middle of a push and restarted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sdr-kill-'));
    const webRoot = mkdtempSync(join(tmpdir(), 'sdr-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
    const port = await freePort();
    const env = { DATA_DIR: dataDir, WEB_ROOT: webRoot, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };
    children.push(await startServerProcess(env, port));
    const base = `http://127.0.0.1:${port}`;
    const call = async (path: string, body: unknown, token?: string) =>
      (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json() as Promise<Record<string, string>>;
    const admin = await call('/api/auth/login', { email: 'admin@example.com', password: 'correct horse battery' });
    const team = await call('/api/admin/teams', { name: '华东' }, admin['token']);
    const user = await call('/api/admin/users', { email: 'li@example.com', name: '李雷', role: 'sdr', teamId: team['id'], password: PASSWORD }, admin['token']);
    const account: Account = { id: user['id']!, email: 'li@example.com', name: '李雷', role: 'sdr', teamId: team['id']!, token: '' };

    const db = new SdrDeskDb(`kill-${uuidv7()}`);
    await db.open();
    const transport = tokenTransport(base);
    await signIn(db, transport, base, account.email, PASSWORD);
    const engine = new SyncEngine(db, transport, { random: () => 0 });
    engine.stop();
    await db.transaction('rw', mutationTables(db), async () => {
      for (let i = 0; i < 1500; i++) {
        const lead = makeLead({ company: `公司 ${i}` });
        await mutateInTransaction(db, 'lead.create', { lead }, Date.now());
        await mutateInTransaction(db, 'note.add', { note: makeNote(lead) }, Date.now());
      }
    });
    const syncing = engine.syncNow();
    // Kill it once a few batches have gone through, most likely inside one.
    while (transport.requests.filter((r) => r.path === '/api/sync/push').length < 4) await new Promise((r) => setTimeout(r, 5));
    children[0]!.kill('SIGKILL');
    await syncing;
    expect(await db.outbox.count()).toBeGreaterThan(0);
    expect((await db.settings.get('syncStatus'))?.value).toMatchObject({ phase: 'offline' });

    children.push(await startServerProcess(env, port));
    await engine.syncNow();
    const serverDb = openDatabase({ kind: 'sqlite', file: join(dataDir, 'sdr-desk.sqlite') });
    try {
      await expectInvariants({ teamId: team['id']!, server: { db: serverDb } }, [{ account, db }]);
      expect(await serverDb.selectFrom('sync_entities').select(({ fn }) => fn.countAll<number>().as('n')).where('kind', '=', 'note').executeTakeFirstOrThrow()).toEqual({ n: 1500 });
    } finally {
      await serverDb.destroy();
      db.close();
    }
  }, 120_000);
});

/** One step of a random session: a user's change on a device, a sync, or the network misbehaving. */
type Step =
  | { readonly kind: 'create'; readonly device: number }
  | { readonly kind: 'edit'; readonly device: number; readonly lead: number; readonly title: string }
  | { readonly kind: 'note'; readonly device: number; readonly lead: number }
  | { readonly kind: 'tag'; readonly device: number; readonly lead: number; readonly tag: string }
  | { readonly kind: 'handoff'; readonly device: number; readonly lead: number }
  | { readonly kind: 'sync'; readonly device: number }
  | { readonly kind: 'syncAll' }
  | { readonly kind: 'fault'; readonly device: number; readonly fault: Fault };

const device = fc.integer({ min: 0, max: 2 });
const leadIndex = fc.integer({ min: 0, max: 5 });
const STEP: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), device }),
  fc.record({ kind: fc.constant('edit' as const), device, lead: leadIndex, title: fc.constantFrom('CMO', '市场总监', 'VP Marketing', "O'Brien; DROP TABLE leads") }),
  fc.record({ kind: fc.constant('note' as const), device, lead: leadIndex }),
  fc.record({ kind: fc.constant('tag' as const), device, lead: leadIndex, tag: fc.constantFrom('预算已批', 'needs-demo', '竞品') }),
  fc.record({ kind: fc.constant('handoff' as const), device, lead: leadIndex }),
  fc.record({ kind: fc.constant('sync' as const), device }),
  fc.record({ kind: fc.constant('syncAll' as const) }),
  fc.record({ kind: fc.constant('fault' as const), device, fault: fc.constantFrom<Fault>('unreachable', 'lostResponse', 'status503', 'status429', 'duplicate') }),
);

describe('property: random interleavings of edits, syncs and faults', () => {
  let h: Harness | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await h?.close();
    h = null;
  });

  it('always ends converged, with every change applied once or refused with a reason, and the queues drained', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(STEP, { minLength: 5, maxLength: 30 }), async (steps) => {
        h = await startHarness();
        // Two devices of one SDR and a second SDR, all working the team's pool.
        const devices = [await startClient(h, h.accounts.sdr), await startClient(h, h.accounts.sdr), await startClient(h, h.accounts.sdr2)];
        clients.push(...devices);
        const leads: Lead[] = [];
        const known = async (d: Client, i: number) => {
          const lead = leads[i % Math.max(1, leads.length)];
          return lead ? d.db.leads.get(lead.id) : undefined;
        };
        for (const step of steps) {
          const d = step.kind === 'syncAll' ? null : devices[step.device]!;
          const now = Date.now();
          // A change the device refuses itself (lead not here, wrong status) is the UI refusing: not queued.
          const local = async (work: () => Promise<unknown>) => work().catch(() => undefined);
          switch (step.kind) {
            case 'create': {
              const lead = makeLead({ status: 'working', createdAt: now, updatedAt: now });
              leads.push(lead);
              await local(() => mutate(d!.db, 'lead.create', { lead }, now));
              break;
            }
            case 'edit': {
              const row = await known(d!, step.lead);
              if (row) await local(() => mutate(d!.db, 'lead.update', { id: row.id, patch: { title: step.title }, base: { title: row.title }, updatedAt: now }, now));
              break;
            }
            case 'note': {
              const row = await known(d!, step.lead);
              if (row) await local(() => mutate(d!.db, 'note.add', { note: makeNote(row, { createdAt: now }) }, now));
              break;
            }
            case 'tag': {
              const row = await known(d!, step.lead);
              if (row) await local(() => mutate(d!.db, 'lead.tags', { event: makeTagsEvent(row, [step.tag], [], now) }, now));
              break;
            }
            case 'handoff': {
              const row = await known(d!, step.lead);
              if (row && (row.status === 'working' || row.status === 'new')) await local(() => mutate(d!.db, 'handoff.create', { handoff: makeHandoff(row), event: makeStatusEvent(row, 'mql', { at: now }) }, now));
              break;
            }
            case 'sync':
              await d!.sync();
              break;
            case 'syncAll':
              await Promise.all(devices.map((c) => c.sync()));
              break;
            case 'fault':
              d!.transport.faults.push(step.fault);
              break;
          }
        }
        // The network heals: everyone syncs until nothing moves.
        for (const c of devices) c.transport.faults.length = 0;
        for (let round = 0; round < 3; round++) for (const c of devices) await c.sync();
        await expectInvariants(h, devices);
        for (const c of clients.splice(0)) await c.close();
        await h.close();
        h = null;
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 300_000);
});

import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { CallSchema } from '../../shared/model/call';
import { HandoffSchema } from '../../shared/model/handoff';
import { LeadSchema } from '../../shared/model/lead';
import { LeadEventSchema } from '../../shared/model/leadEvent';
import { NoteSchema } from '../../shared/model/note';
import { fromLeadRow } from '../../renderer/db';
import { SdrDeskDb } from '../../renderer/db/database';
import { DEMO_BATCH_ID } from '../../renderer/db/schema';
import { SyncEngine } from '../../renderer/sync/engine';
import { signIn } from '../../renderer/sync/account';
import type { Database } from '../../server/db/schema';
import { pull } from '../../server/sync/pull';
import { PASSWORD, startTeamServer, type Account, type TeamServer } from '../helpers/teamServer';
import { sqliteTestDatabase } from '../helpers/serverDb';
import { tokenTransport, type TestTransport } from '../helpers/tokenTransport';

export interface Harness {
  readonly server: TeamServer;
  readonly baseUrl: string;
  readonly teamId: string;
  readonly accounts: { sdr: Account; sdr2: Account; sales: Account; lead: Account };
  close(): Promise<void>;
}

/** A real server listening on a random port of 127.0.0.1, with a team of four. */
export async function startHarness(): Promise<Harness> {
  const server = await startTeamServer(async () => sqliteTestDatabase());
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const teamId = await server.team('华东一组');
  const accounts = {
    sdr: await server.user('sdr', teamId, '李雷'),
    sdr2: await server.user('sdr', teamId, '韩梅梅'),
    sales: await server.user('sales', teamId, 'Sam Sales'),
    lead: await server.user('lead', teamId, 'Team Lead'),
  };
  return { server, baseUrl, teamId, accounts, close: () => server.close() };
}

export interface Client {
  readonly account: Account;
  readonly db: SdrDeskDb;
  readonly transport: TestTransport;
  readonly engine: SyncEngine;
  /** One sync round (push, pull, repair) as the app runs it; never throws (status says how it went). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** An app instance: its own IndexedDB (fake-indexeddb), signed in, with a sync engine on timers off. */
export async function startClient(h: Harness, account: Account, options: { signedIn?: boolean; clockOffsetMs?: number } = {}): Promise<Client> {
  const db = new SdrDeskDb(`client-${uuidv7()}`);
  await db.open();
  const transport = tokenTransport(h.baseUrl);
  if (options.signedIn !== false) await signIn(db, transport, h.baseUrl, account.email, PASSWORD);
  // A device whose clock is wrong: its engine reads the same wrong clock its changes were stamped with.
  const engine = new SyncEngine(db, transport, { random: () => 0.5, now: () => Date.now() + (options.clockOffsetMs ?? 0) });
  engine.stop(); // tests drive each round themselves
  return {
    account,
    db,
    transport,
    engine,
    sync: () => engine.syncNow(),
    close: async () => {
      engine.stop();
      db.close();
      await db.delete();
    },
  };
}

const strip = <T extends object>(row: T): Omit<T, 'isOpen'> => {
  const { isOpen: _open, ...rest } = row as T & { isOpen?: 1 };
  return rest;
};

/** What the server holds for this account, as rows of each table. */
export async function serverView(serverDb: Kysely<Database>, account: Account): Promise<Record<string, Map<string, unknown>>> {
  const page = await pull(serverDb, { id: account.id, name: account.name, role: account.role, teamId: account.teamId! }, 0, Date.now(), 10_000_000);
  const view: Record<string, Map<string, unknown>> = { lead: new Map(), call: new Map(), note: new Map(), event: new Map(), handoff: new Map() };
  for (const change of page.changes) {
    if (change.kind === 'playbook' || change.data === null) continue;
    const schemas: Record<string, { parse(data: unknown): unknown }> = { lead: LeadSchema, call: CallSchema, note: NoteSchema, event: LeadEventSchema, handoff: HandoffSchema };
    const schema = schemas[change.kind];
    if (!schema) throw new Error(`the server sent an unknown kind: ${change.kind}`);
    view[change.kind]!.set(change.id, schema.parse(change.data));
  }
  return view;
}

export async function clientView(client: Pick<Client, 'db'>): Promise<Record<string, Map<string, unknown>>> {
  const { db } = client;
  const leads = (await db.leads.toArray()).filter((l) => l.importBatchId !== DEMO_BATCH_ID);
  return {
    lead: new Map(leads.map((row) => [row.id, LeadSchema.parse(fromLeadRow(row))])),
    call: new Map((await db.calls.toArray()).map((row) => [row.id, CallSchema.parse(strip(row))])),
    note: new Map((await db.notes.toArray()).map((row) => [row.id, NoteSchema.parse(row)])),
    event: new Map((await db.events.toArray()).map((row) => [row.id, LeadEventSchema.parse(row)])),
    handoff: new Map((await db.handoffs.toArray()).map((row) => [row.id, HandoffSchema.parse(row)])),
  };
}

/**
 * The sync invariants, after the queue has had the chance to drain: every change this device
 * saved was processed by the server exactly once (its sequence number settled) and is applied or
 * held under "needs attention" with the server's reason; the device holds exactly what the
 * server holds for its user; its cursor is not ahead of the server; the queue is empty.
 */
export async function expectInvariants(h: Pick<Harness, 'teamId'> & { server: { db: Kysely<Database> } }, clients: readonly Pick<Client, 'account' | 'db'>[]): Promise<void> {
  const team = await h.server.db.selectFrom('teams').select('version').where('id', '=', h.teamId).executeTakeFirstOrThrow();
  for (const client of clients) {
    const state = await client.db.syncState.get('local');
    expect(await client.db.outbox.count(), `${client.account.name}: queue drained`).toBe(0);
    expect(state?.cursor ?? 0, `${client.account.name}: cursor not ahead`).toBeLessThanOrEqual(team.version);
    if (state && state.nextSeq > 1) {
      const server = await h.server.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', state.clientId).executeTakeFirst();
      expect(server?.last_seq, `${client.account.name}: every change processed once`).toBe(state.nextSeq - 1);
      const serverRejected = (await h.server.db.selectFrom('sync_rejections').select(['seq', 'code']).where('client_id', '=', state.clientId).orderBy('seq').execute()).map((r) => `${r.seq}:${r.code}`);
      const localRejected = (await client.db.rejections.orderBy('seq').toArray()).map((r) => `${r.seq}:${r.code}`);
      expect(localRejected, `${client.account.name}: refusals shown with their reason`).toEqual(serverRejected);
    }
    const [server, local] = [await serverView(h.server.db, client.account), await clientView(client)];
    for (const kind of Object.keys(server)) {
      expect(Object.fromEntries(local[kind]!), `${client.account.name}: ${kind} rows converge`).toEqual(Object.fromEntries(server[kind]!));
    }
  }
}

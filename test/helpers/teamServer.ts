import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/model/account';
import { encodeHlc } from '../../shared/sync/hlc';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations';
import { PROTOCOL_VERSION, type PullResponse, type PushMutation, type PushResponse } from '../../shared/sync/protocol';
import { createApp, type AppDeps } from '../../server/app';
import { bootstrapAdmin } from '../../server/auth/bootstrapAdmin';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import type { Database } from '../../server/db/schema';
import type { TestDatabase } from './serverDb';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
export const PASSWORD = 'a long enough password';

export interface Account {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly token: string;
}

export interface TeamServer {
  readonly app: FastifyInstance;
  readonly db: Kysely<Database>;
  readonly adminToken: string;
  team(name: string): Promise<string>;
  user(role: Role, teamId: string | null, name?: string): Promise<Account>;
  close(): Promise<void>;
}

/** A migrated database, the app on it (not listening), and the admin signed in. */
export async function startTeamServer(make: () => Promise<TestDatabase>, deps: Partial<AppDeps> = {}): Promise<TeamServer> {
  const test = await make();
  const db = openDatabase(test.target);
  await migrateToLatest(db);
  await bootstrapAdmin(db, ADMIN.email, ADMIN.password, Date.now());
  const webRoot = mkdtempSync(join(tmpdir(), 'sdr-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
  const app = await createApp({ webRoot, db, crmIntervalMs: 0, ...deps });
  const login = async (email: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);
  let counter = 0;
  return {
    app,
    db,
    adminToken,
    async team(name) {
      const res = await app.inject({ method: 'POST', url: '/api/admin/teams', payload: { name }, headers: { authorization: `Bearer ${adminToken}` } });
      return (res.json() as { id: string }).id;
    },
    async user(role, teamId, name) {
      const n = ++counter;
      const email = `${role}${n}@example.com`;
      const display = name ?? `${role} ${n}`;
      const res = await app.inject({ method: 'POST', url: '/api/admin/users', payload: { email, name: display, role, teamId, password: PASSWORD }, headers: { authorization: `Bearer ${adminToken}` } });
      if (res.statusCode !== 201) throw new Error(`user: ${res.body}`);
      const { id } = res.json() as { id: string };
      return { id, email, name: display, role, teamId, token: await login(email, PASSWORD) };
    },
    async close() {
      await app.close();
      await db.destroy();
      await test.drop();
    },
  };
}

/** A sync client without IndexedDB: numbers mutations and stamps clocks like the app does. */
export class RawClient {
  readonly clientId = uuidv7();
  private seq = 0;
  private counter = 0;
  cursor = 0;

  constructor(
    private readonly server: TeamServer,
    readonly account: Account,
    /** Clock offset from real time, to play a device whose clock is wrong. */
    public clockOffsetMs = 0,
  ) {}

  mutation<N extends MutationName>(name: N, args: MutationArgs<N>, at: number = Date.now() + this.clockOffsetMs): PushMutation {
    return { seq: ++this.seq, id: uuidv7(), name, args, hlc: encodeHlc({ wallMs: at, counter: this.counter++, clientId: this.clientId }), createdAt: at };
  }

  async pushRaw(mutations: readonly PushMutation[], extra: Record<string, unknown> = {}) {
    return this.server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      payload: { clientId: this.clientId, protocolVersion: PROTOCOL_VERSION, mutations, ...extra },
      headers: { authorization: `Bearer ${this.account.token}` },
    });
  }

  async push(...mutations: PushMutation[]): Promise<PushResponse> {
    const res = await this.pushRaw(mutations);
    if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
    return res.json() as PushResponse;
  }

  /** Pulls every page from the stored cursor; returns the changes in order. */
  async pullAll(): Promise<PullResponse['changes']> {
    const all: PullResponse['changes'] = [];
    for (;;) {
      const res = await this.server.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${this.cursor}&protocolVersion=${PROTOCOL_VERSION}`, headers: { authorization: `Bearer ${this.account.token}` } });
      if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
      const page = res.json() as PullResponse;
      all.push(...page.changes);
      this.cursor = page.cursor;
      if (!page.more) return all;
    }
  }
}

/** One line of the server's log (pino JSON). */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Warnings and errors the server logs, kept in memory: pass `logger` to startTeamServer(). */
export function captureLogs(): { readonly lines: LogLine[]; readonly logger: NonNullable<AppDeps['logger']> } {
  const lines: LogLine[] = [];
  return { lines, logger: { level: 'warn', stream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } } };
}

/** pino's level for error: a request that failed on the server logs at this level or above. */
export const LOG_ERROR = 50;

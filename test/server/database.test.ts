import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { databaseTarget, DatabaseTooNewError, migrateToLatest, openDatabase } from '../../server/db/database';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { MIGRATIONS } from '../../server/db/migrations';
import { makeCall, makeHandoff } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';
import { DIALECTS, type TestDatabase } from '../helpers/serverDb';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(make: () => Promise<TestDatabase>) {
  const test = await make();
  const db = openDatabase(test.target);
  cleanups.push(test.drop, () => db.destroy());
  return { db, test };
}

function webRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdr-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>SDR Desk</title>');
  return dir;
}

describe.each(DIALECTS)('the team database on %s', (_name, make) => {
  it('migrates an empty database, and a second run changes nothing', async () => {
    const { db } = await open(make);
    expect(await migrateToLatest(db)).toEqual(['001_accounts', '002_sync', '003_review']);
    expect(await migrateToLatest(db)).toEqual(['001_accounts', '002_sync', '003_review']);
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(expect.arrayContaining(['sessions', 'teams', 'users', 'sync_entities', 'sync_clients', 'sync_rejections', 'crm_deliveries', 'rv_calls', 'rv_leads', 'rv_handoffs', 'rv_status', 'rv_answers', 'rv_texts', 'playbook_versions']));
  });

  it('projects what the previous release stored when it upgrades to the review release', async () => {
    const { db } = await open(make);
    const older = { '001_accounts': MIGRATIONS['001_accounts']!, '002_sync': MIGRATIONS['002_sync']! };
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => older } }).migrateToLatest();
    expect(error).toBeUndefined();
    await db.insertInto('teams').values({ id: 't1', name: '华南一组', created_at: 1 }).execute();
    await db.insertInto('users').values({ id: 'u1', team_id: 't1', email: 'li@example.com', name: '李伟', role: 'sdr', password_hash: 'x', created_at: 1, disabled_at: null }).execute();
    const lead = makeLead({ status: 'sql', sourceChannel: 'webinar', campaign: '秋季峰会', tags: ['hot'] });
    const call = makeCall(lead, { sdr: '李伟', connectedAt: 1_750_000_110_000, endedAt: 1_750_000_170_000, answers: { budget: '五十万' }, scriptId: 's', scriptVersion: 1 });
    const handoff = makeHandoff(lead, { fromSdr: '李伟', status: 'accepted', updatedAt: 1_750_000_500_000 });
    const row = (kind: string, id: string, data: unknown, version: number) => ({ kind, id, team_id: 't1', lead_id: lead.id, owner_id: 'u1', sales_id: null, data: JSON.stringify(data), clocks: null, deleted: 0, version, owner_version: 0 });
    await sql`insert into sync_entities (kind, id, team_id, lead_id, owner_id, sales_id, data, clocks, deleted, version, owner_version) values ${sql.join(
      [row('lead', lead.id, lead, 1), row('call', call.id, call, 2), row('handoff', handoff.id, handoff, 3), { ...row('playbook', 't1', { text: '{}', publishedAt: 5, by: '王经理' }, 4), lead_id: null, owner_id: null }].map(
        (r) => sql`(${r.kind}, ${r.id}, ${r.team_id}, ${r.lead_id}, ${r.owner_id}, ${r.sales_id}, ${r.data}, ${r.clocks}, ${r.deleted}, ${r.version}, ${r.owner_version})`,
      ),
    )}`.execute(db);
    expect(await migrateToLatest(db)).toEqual(['001_accounts', '002_sync', '003_review']);
    expect(await db.selectFrom('rv_calls').select(['id', 'sdr_id', 'talk_ms', 'connected']).execute()).toEqual([{ id: call.id, sdr_id: 'u1', talk_ms: 60_000, connected: 1 }]);
    expect(await db.selectFrom('rv_leads').select(['source', 'campaign', 'tags', 'first_call_at', 'outcome', 'sql_at']).execute()).toEqual([
      { source: 'webinar', campaign: '秋季峰会', tags: ',hot,', first_call_at: call.startedAt, outcome: 'accepted', sql_at: 1_750_000_500_000 },
    ]);
    expect(await db.selectFrom('rv_handoffs').select(['sdr_id', 'status']).execute()).toEqual([{ sdr_id: 'u1', status: 'accepted' }]);
    expect(await db.selectFrom('rv_texts').select('text').execute()).toEqual([{ text: '五十万' }]);
    expect(await db.selectFrom('playbook_versions').select(['version', 'by_name', 'published_at']).execute()).toEqual([{ version: 1, by_name: '王经理', published_at: 5 }]);
  });

  it('keeps rows and constraints the same way on both dialects', async () => {
    const { db } = await open(make);
    await migrateToLatest(db);
    await db.insertInto('teams').values({ id: 't1', name: '华南一组', created_at: 1_795_000_000_000 }).execute();
    await db
      .insertInto('users')
      .values({ id: 'u1', team_id: 't1', email: 'li@example.com', name: '李伟', role: 'sdr', password_hash: 'x', created_at: 1_795_000_000_001, disabled_at: null })
      .execute();
    expect(await db.selectFrom('users').selectAll().executeTakeFirstOrThrow()).toMatchObject({ name: '李伟', created_at: 1_795_000_000_001, disabled_at: null });
    // The same e-mail twice, an unknown role, a user of a team that does not exist: refused.
    const user = { team_id: 't1', name: 'x', password_hash: 'x', created_at: 1, disabled_at: null } as const;
    await expect(db.insertInto('users').values({ ...user, id: 'u2', email: 'li@example.com', role: 'sdr' }).execute()).rejects.toThrow();
    await expect(db.insertInto('users').values({ ...user, id: 'u3', email: 'b@example.com', role: 'boss' as 'sdr' }).execute()).rejects.toThrow();
    await expect(db.insertInto('users').values({ ...user, id: 'u4', email: 'c@example.com', role: 'sdr', team_id: 'nope' }).execute()).rejects.toThrow();
    expect(await db.selectFrom('users').select('id').execute()).toEqual([{ id: 'u1' }]);
  });

  it('refuses a database migrated by a newer server, and changes nothing', async () => {
    const { db } = await open(make);
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('002_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(db);
    await expect(migrateToLatest(db)).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(migrateToLatest(db)).rejects.toThrow(/002_from_the_future/);
    expect((await db.introspection.getTables()).map((t) => t.name)).not.toContain('002_from_the_future');
  });

  it('answers /api/health with the server and protocol versions and the database state', async () => {
    const { db } = await open(make);
    await migrateToLatest(db);
    const app = await createApp({ webRoot: webRoot(), db });
    cleanups.push(() => app.close());
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', serverVersion: expect.stringMatching(/^\d+\.\d+\.\d+/), protocolVersion: PROTOCOL_VERSION, database: 'up' });
  });
});

describe('where the database lives', () => {
  it('is SQLite in the data folder by default and PostgreSQL when DATABASE_URL is set', () => {
    expect(databaseTarget({ DATA_DIR: '/srv/sdr' })).toEqual({ kind: 'sqlite', file: '/srv/sdr/sdr-desk.sqlite' });
    expect(databaseTarget({ DATA_DIR: '/srv/sdr', DATABASE_URL: 'postgres://db/sdr' })).toEqual({ kind: 'postgres', url: 'postgres://db/sdr' });
  });

  it('reports a database that stopped answering as degraded (503)', async () => {
    const { db } = await open(DIALECTS[0][1]);
    await migrateToLatest(db);
    const app = await createApp({ webRoot: webRoot(), db });
    cleanups.push(() => app.close());
    await db.destroy();
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'down' });
  });
});

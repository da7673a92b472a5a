import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { databaseTarget, DatabaseTooNewError, migrateToLatest, openDatabase } from '../../server/db/database';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
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

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { DatabaseTarget } from '../../server/db/database';

export const POSTGRES_ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database per test on each dialect the server supports; `drop` removes it. */
export interface TestDatabase {
  readonly target: DatabaseTarget;
  drop(): Promise<void>;
}

export function sqliteTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'sdr-server-'));
  return { target: { kind: 'sqlite', file: join(dir, 'sdr-desk.sqlite') }, drop: async () => undefined };
}

/** Creates `sdr_test_<random>` on the local PostgreSQL (trust auth) and drops it afterwards. */
export async function postgresTestDatabase(): Promise<TestDatabase> {
  const name = `sdr_test_${uuidv7().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const DIALECTS = [
  ['SQLite', async () => sqliteTestDatabase()],
  ['PostgreSQL', postgresTestDatabase],
] as const satisfies readonly (readonly [string, () => Promise<TestDatabase>])[];

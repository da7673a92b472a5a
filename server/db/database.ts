import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import type { Database } from './schema';

export type DatabaseTarget = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

export const SQLITE_FILE_NAME = 'sdr-desk.sqlite';

/** SQLite in the data folder unless a PostgreSQL URL is given (several server instances share it). */
export function databaseTarget(config: { readonly DATA_DIR: string; readonly DATABASE_URL?: string | undefined }): DatabaseTarget {
  if (config.DATABASE_URL) return { kind: 'postgres', url: config.DATABASE_URL };
  return { kind: 'sqlite', file: join(config.DATA_DIR, SQLITE_FILE_NAME) };
}

// PostgreSQL returns bigint (int8) as a string to keep precision; our bigints are epoch
// milliseconds, well inside Number's safe range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openDatabase(target: DatabaseTarget): Kysely<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the database closed (a restart, an administrator) is dropped by the pool
    // and replaced on the next query; with no listener its error would end the process.
    pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.file !== ':memory:') mkdirSync(join(target.file, '..'), { recursive: true });
  const sqlite = new SQLite(target.file);
  // WAL lets readers go on while a sync push writes; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Distinct SQL texts kept prepared; the server issues a few dozen shapes, imports a few more. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; with SQLite that compile is a large share of a sync push's
 * time. Statements are kept by their SQL text (least recently used dropped). Safe because Kysely
 * runs one query at a time on its single SQLite connection.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text) => {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

export class DatabaseTooNewError extends Error {
  constructor(readonly unknown: readonly string[]) {
    super(`This database was migrated by a newer SDR Desk server (unknown migrations: ${unknown.join(', ')}). Update the server; the database was not changed.`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Brings the database up to this server's schema. A database that has migrations this server
 * does not know was written by a newer server: refused before anything runs.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<readonly string[]> {
  const migrator = new Migrator({ db, provider });
  const known = new Set(Object.keys(MIGRATIONS));
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const unknown = await appliedUnknown(db, known);
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return [...applied, ...(results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)];
}

/** Names in Kysely's migration table that this server does not ship. */
async function appliedUnknown(db: Kysely<Database>, known: ReadonlySet<string>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').execute();
  return rows.map((r) => r.name).filter((name) => !known.has(name));
}

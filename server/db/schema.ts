import type { ColumnType } from 'kysely';

/**
 * The server's tables as Kysely sees them. Times are epoch milliseconds in a bigint column,
 * read back as numbers: both SQLite and PostgreSQL store them the same way.
 */
type Millis = ColumnType<number, number, number>;

export interface TeamsTable {
  id: string;
  name: string;
  created_at: Millis;
}

export interface UsersTable {
  id: string;
  team_id: string | null;
  email: string;
  name: string;
  role: 'sdr' | 'lead' | 'sales' | 'admin';
  password_hash: string;
  created_at: Millis;
  disabled_at: Millis | null;
}

export interface SessionsTable {
  /** SHA-256 of the opaque token: a stolen database does not hand out live sessions. */
  token_hash: string;
  user_id: string;
  created_at: Millis;
  expires_at: Millis;
  revoked_at: Millis | null;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
}

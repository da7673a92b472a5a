import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../db/schema';

export const SESSION_TTL_MS = 30 * 24 * 3_600_000;

/** Only the token's hash is stored: a copy of the database opens no session. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function openSession(db: Kysely<Database>, userId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  await db.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: userId, created_at: now, expires_at: expiresAt, revoked_at: null }).execute();
  return { token, expiresAt };
}

export type SessionUser = Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'team_id'>;

/** The user behind a live token: not expired, not revoked, account not disabled. */
export async function sessionUser(db: Kysely<Database>, token: string, now: number): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.team_id'])
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function revokeSession(db: Kysely<Database>, token: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).execute();
}

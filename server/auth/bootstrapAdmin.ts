import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { CreateUserBodySchema } from '../../shared/model/account';
import type { Database } from '../db/schema';
import { hashPassword } from './passwords';

/**
 * First start: with ADMIN_EMAIL and ADMIN_PASSWORD set and no admin yet, creates the admin
 * account. Later starts leave accounts alone (the variables can stay set).
 */
export async function bootstrapAdmin(db: Kysely<Database>, email: string | undefined, password: string | undefined, now: number): Promise<'created' | 'exists' | 'skipped'> {
  if (!email || !password) return 'skipped';
  const existing = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (existing) return 'exists';
  const body = CreateUserBodySchema.parse({ email, name: 'Admin', role: 'admin', teamId: null, password });
  await db
    .insertInto('users')
    .values({ id: uuidv7(), team_id: null, email: body.email, name: body.name, role: 'admin', password_hash: await hashPassword(body.password), created_at: now, disabled_at: null })
    .execute();
  return 'created';
}

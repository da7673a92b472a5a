import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { CreateTeamBodySchema, CreateUserBodySchema } from '../../shared/model/account';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/schema';
import { requireUser } from './auth';
import { parseBody, sendError } from './http';

/**
 * PostgreSQL text cannot hold U+0000 and no name needs it: refused as an invalid field on every
 * database (answers 400 and returns true), not left to fail in the database.
 */
function refusedNul(reply: FastifyReply, values: Readonly<Record<string, string>>): boolean {
  const fields = Object.entries(values)
    .filter(([, value]) => value.includes('\u0000'))
    .map(([path]) => ({ path, message: 'text.invalid' }));
  if (fields.length === 0) return false;
  void sendError(reply, 400, 'invalid', `Invalid request: ${fields.map((f) => `${f.path}: contains a NUL character`).join('; ')}`, fields);
  return true;
}

/** Admins create teams and users. */
export function registerAdminRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/admin/teams', async (request, reply) => {
    if (!(await requireUser(db, request, reply, ['admin']))) return reply;
    const teams = await db.selectFrom('teams').select(['id', 'name', 'crm_webhook_url']).orderBy('name').execute();
    return reply.send(teams.map((t) => ({ id: t.id, name: t.name, crmWebhookUrl: t.crm_webhook_url })));
  });

  app.get('/api/admin/users', async (request, reply) => {
    if (!(await requireUser(db, request, reply, ['admin']))) return reply;
    const users = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'team_id', 'disabled_at']).orderBy('email').execute();
    return reply.send(users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, teamId: u.team_id, disabled: u.disabled_at !== null })));
  });

  app.post('/api/admin/teams', async (request, reply) => {
    if (!(await requireUser(db, request, reply, ['admin']))) return reply;
    const body = parseBody(CreateTeamBodySchema, request, reply);
    if (!body || refusedNul(reply, { name: body.name })) return reply;
    const team = { id: uuidv7(), name: body.name, created_at: Date.now() };
    await db.insertInto('teams').values(team).execute();
    return reply.code(201).send({ id: team.id, name: team.name });
  });

  app.post('/api/admin/users', async (request, reply) => {
    if (!(await requireUser(db, request, reply, ['admin']))) return reply;
    const body = parseBody(CreateUserBodySchema, request, reply);
    if (!body || refusedNul(reply, { name: body.name })) return reply;
    if ((body.role === 'admin') !== (body.teamId === null)) {
      return sendError(reply, 400, 'invalid', 'teamId: admins belong to no team, everyone else to one', [{ path: 'teamId', message: 'admins have none; other roles need one' }]);
    }
    if (body.teamId && !(await db.selectFrom('teams').select('id').where('id', '=', body.teamId).executeTakeFirst())) {
      return sendError(reply, 400, 'invalid', 'teamId: no such team', [{ path: 'teamId', message: 'no such team' }]);
    }
    if (await db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst()) {
      return sendError(reply, 409, 'user.exists', `A user with the e-mail ${body.email} exists.`);
    }
    const user = { id: uuidv7(), team_id: body.teamId, email: body.email, name: body.name, role: body.role, password_hash: await hashPassword(body.password), created_at: Date.now(), disabled_at: null };
    await db.insertInto('users').values(user).execute();
    return reply.code(201).send({ id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.team_id });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PublishPlaybookBodySchema, TeamWebhookBodySchema } from '../../shared/model/account';
import { parsePlaybookFile } from '../../shared/model/playbook';
import { parseScript } from '../../shared/model/script';
import type { SessionUser } from '../auth/sessions';
import { newWebhookSecret } from '../crm/webhook';
import type { Database } from '../db/schema';
import { teamMembers } from '../sync/push';
import { TeamStore } from '../sync/store';
import { requireUser } from './auth';
import { parseBody, sendError } from './http';

const TEAM_ID = z.uuid();

/** The team named in the path, for its own lead or an admin; anyone else is refused and logged. */
async function teamManager(db: Kysely<Database>, request: FastifyRequest<{ Params: { teamId: string } }>, reply: FastifyReply): Promise<{ user: SessionUser; teamId: string } | null> {
  const user = await requireUser(db, request, reply, ['lead', 'admin']);
  if (!user) return null;
  const { teamId } = request.params;
  // Team ids are UUIDs: anything else is no team (and never reaches the database as a parameter).
  const team = TEAM_ID.safeParse(teamId).success ? await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst() : undefined;
  if (!team || (user.role === 'lead' && user.team_id !== teamId)) {
    if (team) request.log.warn({ userId: user.id, teamId }, 'refused: another team');
    void sendError(reply, 404, 'team.notFound', 'No such team (or not yours).');
    return null;
  }
  return { user, teamId };
}

/** A playbook file may be up to 2 MB of text; as a JSON string (escapes, the wrapper) a little more. */
export const PLAYBOOK_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

export function registerTeamRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/team', async (request, reply) => {
    const user = await requireUser(db, request, reply);
    if (!user) return reply;
    if (user.team_id === null) return sendError(reply, 404, 'team.notFound', 'Admin accounts belong to no team.');
    const team = await db.selectFrom('teams').select(['id', 'name', 'crm_webhook_url']).where('id', '=', user.team_id).executeTakeFirstOrThrow();
    const members = (await teamMembers(db, team.id)).map(({ id, name, role }) => ({ id, name, role }));
    return reply.send({ id: team.id, name: team.name, crmWebhookUrl: user.role === 'lead' ? team.crm_webhook_url : null, members });
  });

  app.put<{ Params: { teamId: string } }>('/api/teams/:teamId/crm-webhook', async (request, reply) => {
    const allowed = await teamManager(db, request, reply);
    if (!allowed) return reply;
    const body = parseBody(TeamWebhookBodySchema, request, reply);
    if (!body) return reply;
    // A new secret with every new URL, shown once: the CRM stores it to check signatures.
    const secret = body.url === null ? null : newWebhookSecret();
    await db.updateTable('teams').set({ crm_webhook_url: body.url, crm_webhook_secret: secret }).where('id', '=', allowed.teamId).execute();
    return reply.send({ url: body.url, secret });
  });

  app.put<{ Params: { teamId: string } }>('/api/teams/:teamId/playbook', { bodyLimit: PLAYBOOK_BODY_LIMIT_BYTES }, async (request, reply) => {
    const allowed = await teamManager(db, request, reply);
    if (!allowed) return reply;
    const body = parseBody(PublishPlaybookBodySchema, request, reply);
    if (!body) return reply;
    const parsed = parsePlaybookFile(body.text);
    const scriptErrors = parsed.ok ? (parsed.file.scripts ?? []).flatMap((s, i) => { const r = parseScript(s); return r.ok ? [] : r.errors.map((e) => ({ path: `scripts[${i}]${e.path ? `.${e.path}` : ''}`, message: e.message })); }) : [];
    const errors = parsed.ok ? scriptErrors : parsed.errors;
    if (errors.length > 0) return sendError(reply, 400, 'playbook.invalid', `The playbook was not published: ${errors.map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ')}`, errors.map((e) => ({ path: e.path || '(file)', message: e.message })));
    const now = Date.now();
    const version = await db.transaction().execute(async (trx) => {
      const store = new TeamStore(trx, allowed.teamId);
      store.beginMutation(0);
      await store.put({ kind: 'playbook', id: allowed.teamId, teamId: allowed.teamId, leadId: null, ownerId: null, salesId: null, data: { text: body.text, publishedAt: now, by: allowed.user.name }, clocks: {}, deleted: false });
      return store.finish(1);
    });
    return reply.send({ publishedAt: now, version });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PublishPlaybookBodySchema, RestorePlaybookBodySchema } from '../../shared/api/playbook';
import { TeamWebhookBodySchema } from '../../shared/model/account';
import type { SessionUser } from '../auth/sessions';
import { newWebhookSecret } from '../crm/webhook';
import type { Database } from '../db/schema';
import { teamMembers } from '../sync/push';
import { PlaybookRefused, publishPlaybook, restorePlaybook } from '../review/playbookVersions';
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
    try {
      return reply.send(await publishPlaybook(db, allowed.teamId, allowed.user.name, body.text, body.note ?? '', Date.now()));
    } catch (error) {
      if (error instanceof PlaybookRefused) return refusePlaybook(reply, error);
      throw error;
    }
  });

  app.get<{ Params: { teamId: string } }>('/api/teams/:teamId/playbook/versions', async (request, reply) => {
    const allowed = await teamManager(db, request, reply);
    if (!allowed) return reply;
    const rows = await db.selectFrom('playbook_versions').select(['version', 'published_at', 'by_name', 'note', 'restored_from', 'scripts']).where('team_id', '=', allowed.teamId).orderBy('version', 'desc').execute();
    return reply.send({ current: rows[0]?.version ?? null, versions: rows.map(versionSummary) });
  });

  app.get<{ Params: { teamId: string; version: string } }>('/api/teams/:teamId/playbook/versions/:version', async (request, reply) => {
    const allowed = await teamManager(db, request, reply);
    if (!allowed) return reply;
    const version = VERSION.safeParse(request.params.version);
    const row = version.success
      ? await db.selectFrom('playbook_versions').selectAll().where('team_id', '=', allowed.teamId).where('version', '=', version.data).executeTakeFirst()
      : undefined;
    if (!row) return sendError(reply, 404, 'playbook.versionNotFound', 'No such playbook version.');
    return reply.send({ ...versionSummary(row), text: row.text });
  });

  app.post<{ Params: { teamId: string; version: string } }>('/api/teams/:teamId/playbook/versions/:version/restore', async (request, reply) => {
    const allowed = await teamManager(db, request, reply);
    if (!allowed) return reply;
    const body = parseBody(RestorePlaybookBodySchema, request, reply);
    if (!body) return reply;
    const version = VERSION.safeParse(request.params.version);
    try {
      const published = version.success ? await restorePlaybook(db, allowed.teamId, allowed.user.name, version.data, body.note ?? '', Date.now()) : null;
      if (!published) return sendError(reply, 404, 'playbook.versionNotFound', 'No such playbook version.');
      return reply.send(published);
    } catch (error) {
      if (error instanceof PlaybookRefused) return refusePlaybook(reply, error);
      throw error;
    }
  });
}

const VERSION = z.coerce.number().int().positive().max(1_000_000_000);

function versionSummary(row: { version: number; published_at: number; by_name: string; note: string; restored_from: number | null; scripts: string }) {
  return { version: row.version, publishedAt: row.published_at, by: row.by_name, note: row.note, restoredFrom: row.restored_from, scripts: JSON.parse(row.scripts) as { id: string; version: number }[] };
}

function refusePlaybook(reply: FastifyReply, error: PlaybookRefused) {
  return sendError(reply, 400, 'playbook.invalid', error.message, error.errors.map((e) => ({ path: e.path || '(file)', message: e.message })));
}

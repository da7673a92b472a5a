import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ReportQuerySchema } from '../../shared/api/reports';
import { ReviewCallQuerySchema } from '../../shared/api/review';
import type { Database } from '../db/schema';
import { teamReport } from '../reports/teamReport';
import { callDetail } from '../review/callDetail';
import { listCalls } from '../review/callList';
import { requireUser } from './auth';
import { parseQuery, sendError } from './http';

/** The team's people by id, former members included: old calls keep their SDR's name. */
async function memberNames(db: Kysely<Database>, teamId: string) {
  return db.selectFrom('users').select(['id', 'name', 'role']).where('team_id', '=', teamId).execute();
}

/** Call review and reports: the team lead's, for their own team only. */
export function registerReviewRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/review/calls', async (request, reply) => {
    const user = await requireUser(db, request, reply, ['lead']);
    if (!user?.team_id) return reply;
    const query = parseQuery(ReviewCallQuerySchema, request, reply);
    if (!query) return reply;
    const members = await memberNames(db, user.team_id);
    return reply.send(await listCalls(db, user.team_id, query, new Map(members.map((m) => [m.id, m.name]))));
  });

  app.get<{ Params: { callId: string } }>('/api/review/calls/:callId', async (request, reply) => {
    const user = await requireUser(db, request, reply, ['lead']);
    if (!user?.team_id) return reply;
    const id = z.uuid().safeParse(request.params.callId);
    const detail = id.success ? await callDetail(db, user.team_id, id.data) : null;
    if (!detail) {
      // Another team's call answers exactly like a missing one.
      return sendError(reply, 404, 'call.notFound', 'No such call (or not your team’s).');
    }
    const members = await memberNames(db, user.team_id);
    return reply.send({ ...detail, sdrName: members.find((m) => m.id === detail.sdrId)?.name ?? detail.call.sdr });
  });

  app.get('/api/reports/team', async (request, reply) => {
    const user = await requireUser(db, request, reply, ['lead']);
    if (!user?.team_id) return reply;
    const period = parseQuery(ReportQuerySchema, request, reply);
    if (!period) return reply;
    return reply.send(await teamReport(db, user.team_id, period, await memberNames(db, user.team_id)));
  });
}

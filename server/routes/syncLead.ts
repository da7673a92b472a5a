import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { leadRows } from '../sync/pull';
import { requireUser } from './auth';
import { sendError } from './http';

const ParamsSchema = z.object({ leadId: z.uuid() });

/** GET /api/sync/leads/:leadId — one lead as the caller may see it now (see leadRows()). */
export function registerSyncLeadRoute(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/sync/leads/:leadId', async (request, reply) => {
    const user = await requireUser(db, request, reply, ['sdr', 'lead']);
    if (!user) return reply;
    const params = ParamsSchema.safeParse(request.params);
    if (!params.success || user.team_id === null) return sendError(reply, 400, 'invalid', 'leadId: not a lead id');
    const changes = await leadRows(db, { id: user.id, name: user.name, role: user.role, teamId: user.team_id }, params.data.leadId);
    return reply.send({ changes, serverTime: Date.now() });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { PROTOCOL_VERSION, PullQuerySchema, PushBodySchema } from '../../shared/sync/protocol';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import type { Actor } from '../sync/apply';
import { pull } from '../sync/pull';
import { push, PushRefused } from '../sync/push';
import { requireUser, resolveUser } from './auth';
import { parseBody, sendError } from './http';

/** Per signed-in user (per address before that): ten requests a second on average is plenty for sync. */
export const SYNC_REQUESTS_PER_MINUTE = 600;

function syncRateLimit(db: Kysely<Database>, max: number) {
  return {
    max,
    timeWindow: '1 minute',
    // Per account, however many sessions and devices it has; a made-up token counts against its address.
    keyGenerator: async (request: FastifyRequest) => {
      const user = await resolveUser(db, request);
      return user ? `user:${user.id}` : `ip:${request.ip}`;
    },
  };
}

function wrongProtocol(reply: FastifyReply, version: unknown) {
  return sendError(reply, 426, 'protocol.version', `This app speaks sync protocol ${String(version)}; the server speaks ${PROTOCOL_VERSION}. Please update the app.`);
}

async function syncActor(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  const user: SessionUser | null = await requireUser(db, request, reply);
  if (!user) return null;
  if (user.team_id === null) {
    void sendError(reply, 403, 'auth.forbidden', 'Admin accounts belong to no team and have nothing to sync.');
    return null;
  }
  return { id: user.id, name: user.name, role: user.role, teamId: user.team_id };
}

export function registerSyncRoutes(app: FastifyInstance, db: Kysely<Database>, options: { readonly requestsPerMinute?: number | undefined } = {}): void {
  const rateLimit = syncRateLimit(db, options.requestsPerMinute ?? SYNC_REQUESTS_PER_MINUTE);
  app.post('/api/sync/push', { config: { rateLimit } }, async (request, reply) => {
    const version = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
    if (typeof version === 'number' && version !== PROTOCOL_VERSION) return wrongProtocol(reply, version);
    const actor = await syncActor(db, request, reply);
    if (!actor) return reply;
    const body = parseBody(PushBodySchema, request, reply);
    if (!body) return reply;
    const refusals: string[] = [];
    try {
      const result = await push(db, actor, body, Date.now(), refusals);
      return reply.send(result);
    } catch (error) {
      if (error instanceof PushRefused) return sendError(reply, error.status, error.code, error.message);
      throw error;
    } finally {
      if (refusals.length > 0) request.log.warn({ userId: actor.id, teamId: actor.teamId, refusals }, 'refused: records of another team');
    }
  });

  app.get('/api/sync/pull', { config: { rateLimit } }, async (request, reply) => {
    const version = (request.query as { protocolVersion?: unknown }).protocolVersion;
    if (typeof version === 'string' && /^\d+$/.test(version) && Number(version) !== PROTOCOL_VERSION) return wrongProtocol(reply, version);
    const actor = await syncActor(db, request, reply);
    if (!actor) return reply;
    const parsed = PullQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendError(reply, 400, 'invalid', `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return reply.send(await pull(db, actor, parsed.data.cursor, Date.now()));
  });
}

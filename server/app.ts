import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';
import type { Database } from './db/schema';
import { registerAdminRoutes } from './routes/admin';
import { CrmDeliverer, type CrmDelivererOptions } from './crm/webhook';
import { registerAuthRoutes } from './routes/auth';
import { sendError } from './routes/http';
import { registerReviewRoutes } from './routes/review';
import { registerSyncRoutes } from './routes/sync';
import { registerSyncLeadRoute } from './routes/syncLead';
import { registerTeamRoutes } from './routes/team';
import { SERVER_VERSION } from './version';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppDeps {
  /** The built renderer (vite build output). */
  readonly webRoot: string;
  /** true for the default logger; options (a level, a stream) to route the log elsewhere, as tests do. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The team database (migrated); without it the server only serves the renderer. */
  readonly db?: Kysely<Database>;
  /** How often queued CRM webhook deliveries are tried (ms); 0 leaves them to the caller. */
  readonly crmIntervalMs?: number;
  readonly crm?: CrmDelivererOptions;
  /** Sync requests each signed-in user may make per minute (default SYNC_REQUESTS_PER_MINUTE). */
  readonly syncRequestsPerMinute?: number;
  /** Sign-in attempts per minute per address (tests and screenshot scripts sign in often). */
  readonly loginAttemptsPerMinute?: number;
}

/**
 * The same policy the Electron shell sets on app://: the renderer needs nothing from elsewhere but
 * the softphone's SIP WebSocket (wss:// to any PBX, ws:// only to this machine; the list and why
 * it has no [::1] are in electron/main/security/contentSecurityPolicy.ts).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' wss: ws://localhost:* ws://127.0.0.1:*; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The team server: the API (accounts, teams, sync) and the renderer for browser mode.
 * No listen() here: tests inject requests or listen on a random port.
 */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  if (!existsSync(deps.webRoot)) {
    throw new Error(`The renderer is not built at ${deps.webRoot}: run npm run build:renderer`);
  }
  // Requests are small JSON; a full sync batch stays under this too.
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });
  // Errors Fastify raises itself (bad JSON, too large) get the API's error shape.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    const code = status === 413 ? 'body.tooLarge' : status === 429 ? 'rate.limited' : status >= 500 ? 'server.error' : 'invalid';
    return sendError(reply, status, code, status >= 500 ? 'Something went wrong on the server.' : error.message);
  });
  // Per address, before anyone is known: the sign-in route names its own, tighter, limit.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'rate.limited', message: `Too many attempts: try again in ${context.after}.` }),
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });
  app.get('/api/health', async (_request, reply) => {
    const database = deps.db ? await databaseReachable(deps.db) : 'none';
    return reply.code(database === 'down' ? 503 : 200).send({ status: database === 'down' ? 'degraded' : 'ok', serverVersion: SERVER_VERSION, protocolVersion: PROTOCOL_VERSION, database });
  });
  await app.register(fastifyCookie);
  if (deps.db) {
    registerAuthRoutes(app, deps.db, { attemptsPerMinute: deps.loginAttemptsPerMinute });
    registerAdminRoutes(app, deps.db);
    registerTeamRoutes(app, deps.db);
    registerSyncRoutes(app, deps.db, { requestsPerMinute: deps.syncRequestsPerMinute });
    registerSyncLeadRoute(app, deps.db);
    registerReviewRoutes(app, deps.db);
    const crm = new CrmDeliverer(deps.db, { log: (message) => app.log.warn(message), ...deps.crm });
    app.decorate('crm', crm);
    if ((deps.crmIntervalMs ?? 5000) > 0) crm.start(deps.crmIntervalMs ?? 5000);
    app.addHook('onClose', async () => crm.stop());
  }
  await app.register(fastifyStatic, { root: deps.webRoot, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    // Unknown paths under the app are client routes: serve the shell.
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendError(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url}`);
  });
  return app;
}

async function databaseReachable(db: Kysely<Database>): Promise<'up' | 'down'> {
  try {
    await sql`select 1`.execute(db);
    return 'up';
  } catch {
    // The health answer itself says the database is down; the error is not the caller's business.
    return 'down';
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The CRM webhook's delivery loop (present when the app has a database). */
    crm?: CrmDeliverer;
  }
}

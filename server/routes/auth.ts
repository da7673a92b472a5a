import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LoginBodySchema, type AccountView, type Role } from '../../shared/model/account';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { openSession, revokeSession, sessionUser, type SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { bearerToken, parseBody, sendError } from './http';

export function accountView(user: SessionUser): AccountView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.team_id };
}

/** Per address: enough for typos, too few for guessing. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

// Verified when the e-mail is unknown, so that answer takes as long as a wrong password.
const decoyHash = hashPassword('decoy password that never matches');

export const SESSION_COOKIE = 'sdr_session';

/** The session token from the Authorization header (desktop) or the HttpOnly cookie (browser). */
export function sessionToken(request: FastifyRequest): string | null {
  const cookie = request.cookies[SESSION_COOKIE];
  return bearerToken(request) ?? (cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : null);
}

const resolved = new WeakMap<FastifyRequest, Promise<SessionUser | null>>();

/** The caller's account, looked up once per request (the rate limiter and the route both ask). */
export function resolveUser(db: Kysely<Database>, request: FastifyRequest): Promise<SessionUser | null> {
  let user = resolved.get(request);
  if (!user) {
    const token = sessionToken(request);
    user = token ? sessionUser(db, token, Date.now()) : Promise.resolve(null);
    resolved.set(request, user);
  }
  return user;
}

/** Resolves the caller's session; answers 401 (and returns null) without a live one. */
export async function requireUser(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply, roles?: readonly Role[]): Promise<SessionUser | null> {
  const user = await resolveUser(db, request);
  if (!user) {
    void sendError(reply, 401, 'auth.required', 'Sign in again: the session is missing, expired or revoked.');
    return null;
  }
  if (roles && !roles.includes(user.role)) {
    request.log.warn({ userId: user.id, role: user.role, url: request.url }, 'refused: role');
    void sendError(reply, 403, 'auth.forbidden', 'Your role may not do this.');
    return null;
  }
  return user;
}

export function registerAuthRoutes(app: FastifyInstance, db: Kysely<Database>, options: { readonly attemptsPerMinute?: number | undefined } = {}): void {
  app.post('/api/auth/login', { config: { rateLimit: { max: options.attemptsPerMinute ?? LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = parseBody(LoginBodySchema, request, reply);
    if (!body) return reply;
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'team_id', 'password_hash'])
      .where('email', '=', body.email)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), body.password);
    if (!user || !ok) return sendError(reply, 401, 'auth.invalid', 'Wrong e-mail or password.');
    const session = await openSession(db, user.id, Date.now());
    if (body.session === 'token') return reply.send({ token: session.token, expiresAt: session.expiresAt, user: accountView(user) });
    // SameSite=Strict and JSON-only bodies keep other sites from riding on the cookie.
    void reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/api', expires: new Date(session.expiresAt) });
    return reply.send({ expiresAt: session.expiresAt, user: accountView(user) });
  });

  app.get('/api/auth/me', async (request, reply) => {
    const user = await requireUser(db, request, reply);
    return user ? reply.send(accountView(user)) : reply;
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = sessionToken(request);
    if (token) await revokeSession(db, token, Date.now());
    void reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    return reply.code(204).send();
  });
}

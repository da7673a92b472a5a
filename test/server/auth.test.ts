import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, createApp } from '../../server/app';
import { bootstrapAdmin } from '../../server/auth/bootstrapAdmin';
import { openSession, SESSION_TTL_MS } from '../../server/auth/sessions';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../server/routes/auth';
import { DIALECTS, type TestDatabase } from '../helpers/serverDb';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ADMIN = { email: 'Admin@Example.com', password: 'correct horse battery' };

async function server(make: () => Promise<TestDatabase>) {
  const test = await make();
  const db = openDatabase(test.target);
  cleanups.push(test.drop, () => db.destroy());
  await migrateToLatest(db);
  expect(await bootstrapAdmin(db, ADMIN.email, ADMIN.password, Date.now())).toBe('created');
  const webRoot = mkdtempSync(join(tmpdir(), 'sdr-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
  const app = await createApp({ webRoot, db });
  cleanups.push(() => app.close());
  return { app, db };
}

const post = (app: FastifyInstance, url: string, body: unknown, token?: string) =>
  app.inject({ method: 'POST', url, payload: body as Record<string, unknown>, headers: token ? { authorization: `Bearer ${token}` } : {} });

async function login(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await post(app, '/api/auth/login', { email, password });
  expect(res.statusCode).toBe(200);
  return (res.json() as { token: string }).token;
}

describe('limits', () => {
  it('slows down guessing: sign-in attempts per address are limited', async () => {
    const { app } = await server(DIALECTS[0][1]);
    const attempt = () => post(app, '/api/auth/login', { email: 'admin@example.com', password: 'a wrong guess' });
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'rate.limited' } });
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('answers malformed JSON with 400 and a body over the limit with 413, in the API error shape', async () => {
    const { app } = await server(DIALECTS[0][1]);
    const malformed = await app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'invalid' } });
    const huge = await app.inject({ method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(BODY_LIMIT_BYTES) }), headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'body.tooLarge' } });
  });
});

describe.each(DIALECTS)('accounts and sessions on %s', (_name, make) => {
  it('creates the admin once, from ADMIN_EMAIL and ADMIN_PASSWORD, with an argon2id hash', async () => {
    const { db } = await server(make);
    expect(await bootstrapAdmin(db, 'other@example.com', 'another long password', Date.now())).toBe('exists');
    expect(await bootstrapAdmin(db, undefined, undefined, Date.now())).toBe('skipped');
    const admins = await db.selectFrom('users').select(['email', 'password_hash']).where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
    expect(admins[0]!.email).toBe('admin@example.com');
    expect(admins[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('signs in, answers /me, and refuses the token after sign-out', async () => {
    const { app } = await server(make);
    const token = await login(app, 'admin@example.com', ADMIN.password);
    const me = await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ email: 'admin@example.com', role: 'admin', teamId: null });
    expect((await post(app, '/api/auth/logout', {}, token)).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('gives one answer for an unknown e-mail and a wrong password', async () => {
    const { app } = await server(make);
    const unknown = await post(app, '/api/auth/login', { email: 'nobody@example.com', password: 'whatever it is' });
    const wrong = await post(app, '/api/auth/login', { email: 'admin@example.com', password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('refuses expired sessions, forged tokens and disabled accounts', async () => {
    const { app, db } = await server(make);
    const admin = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const old = await openSession(db, admin.id, Date.now() - SESSION_TTL_MS - 1);
    const me = (token: string) => app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(old.token)).statusCode).toBe(401);
    expect((await me('A'.repeat(43))).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization: "Bearer ' or 1=1 --" } })).statusCode).toBe(401);
    const live = await login(app, 'admin@example.com', ADMIN.password);
    await db.updateTable('users').set({ disabled_at: Date.now() }).where('id', '=', admin.id).execute();
    expect((await me(live)).statusCode).toBe(401);
  });

  it('lets an admin create teams and users, and nobody else', async () => {
    const { app, db } = await server(make);
    const admin = await login(app, 'admin@example.com', ADMIN.password);
    const team = await post(app, '/api/admin/teams', { name: '华南一组' }, admin);
    expect(team.statusCode).toBe(201);
    const teamId = (team.json() as { id: string }).id;
    const sdr = { email: 'li.wei@example.com', name: '李伟', role: 'sdr', teamId, password: 'a long sdr password' };
    expect((await post(app, '/api/admin/users', sdr, admin)).json()).toMatchObject({ email: 'li.wei@example.com', role: 'sdr', teamId });
    expect((await post(app, '/api/admin/users', sdr, admin)).statusCode).toBe(409);

    const sdrToken = await login(app, sdr.email, sdr.password);
    expect((await post(app, '/api/admin/teams', { name: 'mine' }, sdrToken)).statusCode).toBe(403);
    expect((await post(app, '/api/admin/teams', { name: 'anyone' })).statusCode).toBe(401);
    expect(await db.selectFrom('teams').select('name').execute()).toEqual([{ name: '华南一组' }]);
  });

  it('refuses bad bodies naming the field, and unknown fields, writing nothing', async () => {
    const { app, db } = await server(make);
    const admin = await login(app, 'admin@example.com', ADMIN.password);
    const short = await post(app, '/api/admin/users', { email: 'x@example.com', name: 'X', role: 'sdr', teamId: null, password: 'short' }, admin);
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { code: 'invalid', fields: [{ path: 'password' }] } });
    const extra = await post(app, '/api/admin/teams', { name: 'T', isAdmin: true }, admin);
    expect(extra.statusCode).toBe(400);
    expect(extra.body).toContain('isAdmin');
    const sqlish = await post(app, '/api/admin/teams', { name: "x'); drop table users; --" }, admin);
    expect(sqlish.statusCode).toBe(201);
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
    expect((await post(app, '/api/admin/users', { email: 'y@example.com', name: 'Y', role: 'sdr', teamId: null, password: 'long enough pw' }, admin)).statusCode).toBe(400);
  });
});

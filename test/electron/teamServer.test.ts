/**
 * The main process's team server client against a real HTTP server on 127.0.0.1 (teamServerFixture):
 * sign-in and its refusals, the token kept encrypted on disk and never handed back, requests
 * confined to /api/ on the signed-in server, and sign-out.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcFailure } from '../../electron/main/ipc/ipcFailure';
import { log } from '../../electron/main/log';
import type { SecretVault } from '../../electron/main/services/secretFiles';
import {
  createTeamServerClient,
  TEAM_SESSION_FILE,
  type TeamServerClient,
} from '../../electron/main/services/teamServer';
import { checkServerUrl, isApiPath } from '../../shared/ipc/teamServer';
import { fakeSafeStorage } from './fakeSafeStorage';
import {
  EMAIL,
  LIMITED_EMAIL,
  PASSWORD,
  startTeamServerFixture,
  TOKEN,
  unusedLocalUrl,
  USER,
  type TeamServerFixture,
} from './teamServerFixture';

vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

let fixture: TeamServerFixture;
let userData: string;
let sessionFile: string;

beforeAll(async () => {
  fixture = await startTeamServerFixture();
});
afterAll(() => fixture.close());

beforeEach(() => {
  vi.clearAllMocks();
  fixture.mode = 'sdr';
  fixture.requests.length = 0;
  userData = mkdtempSync(path.join(tmpdir(), 'sdr-desk-team-'));
  sessionFile = path.join(userData, TEAM_SESSION_FILE);
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

function client(
  options: { safeStorage?: SecretVault; platform?: string; fetch?: typeof fetch; timeoutMs?: number; maxAnswerBytes?: number } = {},
): TeamServerClient {
  return createTeamServerClient({
    fetch: options.fetch ?? globalThis.fetch,
    safeStorage: options.safeStorage ?? fakeSafeStorage(),
    platform: options.platform ?? 'linux',
    sessionFilePath: sessionFile,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
  });
}

/** The IpcFailure a call rejected with, as {code, message}. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IpcFailure)) throw new Error(`expected an IpcFailure, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

async function signedIn(options: Parameters<typeof client>[0] = {}): Promise<TeamServerClient> {
  const teamServer = client(options);
  await teamServer.signIn(fixture.url, EMAIL, PASSWORD);
  fixture.requests.length = 0;
  return teamServer;
}

describe('checkServerUrl', () => {
  it.each([
    ['https://sdr.example.com', 'https://sdr.example.com'],
    ['https://sdr.example.com/', 'https://sdr.example.com'],
    ['  https://SDR.Example.com:8443/  ', 'https://sdr.example.com:8443'],
    ['https://sdr.example.com:443/', 'https://sdr.example.com'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('accepts %j as %s', (raw, origin) => {
    expect(checkServerUrl(raw)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'unparseable'],
    ['sdr.example.com', 'unparseable'],
    ['javascript:alert(1)', 'scheme-not-allowed'],
    ['file:///etc/passwd', 'scheme-not-allowed'],
    ['ftp://sdr.example.com/', 'scheme-not-allowed'],
    ['app://desk/', 'scheme-not-allowed'],
    ['http://example.com', 'http-only-for-this-computer'],
    ['http://localhost.evil.example/', 'http-only-for-this-computer'],
    ['http://127.0.0.1.nip.io/', 'http-only-for-this-computer'],
    ['https://ada:secret@sdr.example.com/', 'credentials-not-allowed'],
    ['https://ada@sdr.example.com/', 'credentials-not-allowed'],
    ['https://sdr.example.com/team', 'path-not-allowed'],
    ['https://sdr.example.com/?next=/admin', 'path-not-allowed'],
    ['https://sdr.example.com/#top', 'path-not-allowed'],
    ['https://sdr.exa\nmple.com/', 'control-character'],
    [`https://${'a'.repeat(3000)}.com/`, 'too-long'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(checkServerUrl(raw)).toEqual({ ok: false, reason });
  });
});

describe('isApiPath', () => {
  it('accepts API paths with a query', () => {
    expect(isApiPath('/api/sync/pull?cursor=3&protocolVersion=1')).toBe(true);
  });

  it.each(['/api', '/apix/y', '/health', '//evil.example/api/', 'https://evil.example/api/x', 'api/x', '/api/x#f', '/api/x y', '/api/\\x'])(
    'refuses %j',
    (candidate) => {
      expect(isApiPath(candidate)).toBe(false);
    },
  );
});

describe('signing in', () => {
  it('posts the credentials for a token session and answers the server and account, never the token', async () => {
    const teamServer = client();
    const session = await teamServer.signIn(`${fixture.url}/`, EMAIL, PASSWORD);
    expect(session).toEqual({ serverUrl: fixture.url, user: USER });
    expect(JSON.stringify(session)).not.toContain(TOKEN);
    expect(fixture.requests).toHaveLength(1);
    const [login] = fixture.requests;
    expect(login).toMatchObject({ method: 'POST', url: '/api/auth/login', authorization: undefined, contentType: 'application/json' });
    expect(JSON.parse(login?.body ?? '')).toEqual({ email: EMAIL, password: PASSWORD, session: 'token' });
    expect(await teamServer.session()).toEqual({ serverUrl: fixture.url, user: USER });
  });

  it('keeps the token encrypted on disk, owner-only, and a new run signs in from the file', async () => {
    await client().signIn(fixture.url, EMAIL, PASSWORD);
    const onDisk = readFileSync(sessionFile, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(onDisk).not.toContain(PASSWORD);
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, serverUrl: fixture.url, user: USER });
    if (process.platform !== 'win32') expect(statSync(sessionFile).mode & 0o077).toBe(0);

    fixture.requests.length = 0;
    const nextRun = client();
    expect(await nextRun.session()).toEqual({ serverUrl: fixture.url, user: USER });
    const reply = await nextRun.request('GET', '/api/echo');
    expect(reply.status).toBe(200);
    expect(fixture.requests[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each([
    ['a wrong password', EMAIL, 'wrong password', 'auth.invalid'],
    ['an unknown e-mail', 'nobody@example.com', PASSWORD, 'auth.invalid'],
    ['too many attempts (429)', LIMITED_EMAIL, PASSWORD, 'rate.limited'],
  ])('refuses %s as %s', async (_case, email, password, refusal) => {
    const teamServer = client();
    expect(await failure(teamServer.signIn(fixture.url, email, password))).toEqual({ code: 'SIGN_IN_REFUSED', message: refusal });
    expect(existsSync(sessionFile)).toBe(false);
    expect(await teamServer.session()).toBeNull();
  });

  it.each([
    ['html', 'server.invalid'],
    ['redirect', 'server.invalid'],
    ['no-token', 'server.invalid'],
    ['broken', 'server.error'],
  ] as const)('refuses a server answering "%s" as %s', async (mode, refusal) => {
    fixture.mode = mode;
    expect(await failure(client().signIn(fixture.url, EMAIL, PASSWORD))).toEqual({ code: 'SIGN_IN_REFUSED', message: refusal });
    expect(existsSync(sessionFile)).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://example.com',
    'https://user:pw@sdr.example.com',
    'https://sdr.example.com/some/path',
    'not a url',
  ])('refuses the address %j as url.invalid without any request', async (serverUrl) => {
    const fetchSpy = vi.fn(globalThis.fetch);
    expect(await failure(client({ fetch: fetchSpy }).signIn(serverUrl, EMAIL, PASSWORD))).toEqual({
      code: 'SIGN_IN_REFUSED',
      message: 'url.invalid',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('answers UNREACHABLE when nothing listens at the address', async () => {
    expect(await failure(client().signIn(await unusedLocalUrl(), EMAIL, PASSWORD))).toMatchObject({ code: 'UNREACHABLE' });
  });

  it('answers UNREACHABLE when the network fails', async () => {
    const offline = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    expect(await failure(client({ fetch: offline }).signIn('https://sdr.example.com', EMAIL, PASSWORD))).toMatchObject({
      code: 'UNREACHABLE',
    });
  });

  it('keeps the previous session when a new sign-in fails', async () => {
    const teamServer = await signedIn();
    await failure(teamServer.signIn(fixture.url, EMAIL, 'wrong password'));
    expect(await teamServer.session()).toEqual({ serverUrl: fixture.url, user: USER });
    expect(existsSync(sessionFile)).toBe(true);
  });
});

describe('without real encryption', () => {
  it('keeps the session in memory only, says so, and writes nothing', async () => {
    const teamServer = client({ safeStorage: fakeSafeStorage({ available: false }) });
    await teamServer.signIn(fixture.url, EMAIL, PASSWORD);
    expect(existsSync(sessionFile)).toBe(false);
    expect(vi.mocked(log.warn)).toHaveBeenCalledWith(expect.stringMatching(/in memory only/));
    expect((await teamServer.request('GET', '/api/echo')).status).toBe(200);
    expect(await client({ safeStorage: fakeSafeStorage({ available: false }) }).session()).toBeNull();
  });

  it("treats Linux's basic_text store (a key built into Chromium) as no encryption", async () => {
    const basic = fakeSafeStorage({ backend: 'basic_text' });
    await client({ safeStorage: basic, platform: 'linux' }).signIn(fixture.url, EMAIL, PASSWORD);
    expect(existsSync(sessionFile)).toBe(false);
    // The backend is a Linux notion; elsewhere it is not consulted.
    await client({ safeStorage: basic, platform: 'darwin' }).signIn(fixture.url, EMAIL, PASSWORD);
    expect(existsSync(sessionFile)).toBe(true);
  });

  it('removes an older saved session so it does not return at the next start', async () => {
    await client().signIn(fixture.url, EMAIL, PASSWORD);
    expect(existsSync(sessionFile)).toBe(true);
    await client({ safeStorage: fakeSafeStorage({ available: false }) }).signIn(fixture.url, EMAIL, PASSWORD);
    expect(existsSync(sessionFile)).toBe(false);
  });
});

describe('a saved session that cannot be used', () => {
  const valid = (): Record<string, unknown> => ({
    version: 1,
    serverUrl: fixture.url,
    user: USER,
    encryptedToken: fakeSafeStorage().encryptString(TOKEN).toString('base64'),
  });

  it('a valid file is a session (the baseline for the cases below)', async () => {
    writeFileSync(sessionFile, JSON.stringify(valid()));
    expect(await client().session()).toEqual({ serverUrl: fixture.url, user: USER });
  });

  // Built per test: the fixture's address is known only once it listens.
  it.each<[string, () => string]>([
    ['not JSON', () => '{"version":1,'],
    ['empty', () => ''],
    ['another shape', () => JSON.stringify({ token: TOKEN })],
    ['an unknown field', () => JSON.stringify({ ...valid(), token: TOKEN })],
    ['a server URL with a path', () => JSON.stringify({ ...valid(), serverUrl: `${fixture.url}/elsewhere` })],
    ['a plain-http remote server', () => JSON.stringify({ ...valid(), serverUrl: 'http://example.com' })],
    ['a token that is not base64', () => JSON.stringify({ ...valid(), encryptedToken: '%%%' })],
    [
      'a token safeStorage cannot decrypt',
      () => JSON.stringify({ ...valid(), encryptedToken: Buffer.from('garbage').toString('base64') }),
    ],
    [
      'a decrypted value that is not a token',
      () => JSON.stringify({ ...valid(), encryptedToken: fakeSafeStorage().encryptString('a b').toString('base64') }),
    ],
  ])('is signed out when the file is %s, and makes no request', async (_case, text) => {
    writeFileSync(sessionFile, text());
    const fetchSpy = vi.fn(globalThis.fetch);
    const teamServer = client({ fetch: fetchSpy });
    expect(await teamServer.session()).toBeNull();
    expect(await teamServer.request('GET', '/api/echo')).toMatchObject({ status: 401, body: { error: { code: 'auth.required' } } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(vi.mocked(log.warn)).toHaveBeenCalled();
  });

  it('is signed out for the run when safeStorage is unavailable, but keeps the file for a later one', async () => {
    writeFileSync(sessionFile, JSON.stringify(valid()));
    expect(await client({ safeStorage: fakeSafeStorage({ available: false }) }).session()).toBeNull();
    expect(existsSync(sessionFile)).toBe(true);
  });

  it('is replaced by a new sign-in', async () => {
    writeFileSync(sessionFile, 'garbage');
    const teamServer = client();
    await teamServer.signIn(fixture.url, EMAIL, PASSWORD);
    expect(await client().session()).toEqual({ serverUrl: fixture.url, user: USER });
  });
});

describe('requests', () => {
  it('sends the body as JSON with the token, and answers status, parsed body and Retry-After', async () => {
    const teamServer = await signedIn();
    const reply = await teamServer.request('POST', '/api/echo?retryAfter=30', { ops: [{ id: 1, text: '王芳' }] });
    expect(reply).toEqual({ status: 200, body: { method: 'POST', body: { ops: [{ id: 1, text: '王芳' }] } }, retryAfterSeconds: 30 });
    expect(fixture.requests[0]).toMatchObject({ authorization: `Bearer ${TOKEN}`, contentType: 'application/json' });
    expect(JSON.stringify(reply)).not.toContain(TOKEN);

    expect(await teamServer.request('PUT', '/api/echo', null)).toMatchObject({ status: 200, body: { method: 'PUT', body: null } });
    const get = await teamServer.request('GET', '/api/echo');
    expect(get).toEqual({ status: 200, body: { method: 'GET', body: null }, retryAfterSeconds: null });
    expect(fixture.requests[2]?.contentType).toBeUndefined();
  });

  it('answers other statuses as they are, and a body that is not JSON as null', async () => {
    const teamServer = await signedIn();
    expect(await teamServer.request('GET', '/api/nowhere')).toMatchObject({ status: 404, body: { error: { code: 'not.found' } } });
    expect(await teamServer.request('GET', '/api/text')).toEqual({ status: 200, body: null, retryAfterSeconds: null });
    expect(await teamServer.request('GET', '/api/echo?retryAfter=Wed,%2021%20Oct%202015')).toMatchObject({ retryAfterSeconds: null });
  });

  it.each([
    '/health',
    '/apix',
    '/api',
    '//evil.example/api/x',
    'https://evil.example/api/x',
    '/api/../admin',
    '/api/%2e%2e/admin',
    '/api/%2E%2E/%2e%2e/admin',
    '/api/x#fragment',
    '/api/\\..\\admin',
    '/api/ x',
  ])('refuses the path %j without sending anything', async (apiPath) => {
    const teamServer = await signedIn();
    expect(await failure(teamServer.request('GET', apiPath))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fixture.requests).toHaveLength(0);
  });

  it('refuses those paths the same way when signed out', async () => {
    expect(await failure(client().request('GET', '/health'))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('refuses a GET with a body', async () => {
    const teamServer = await signedIn();
    expect(await failure(teamServer.request('GET', '/api/echo', { a: 1 }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fixture.requests).toHaveLength(0);
  });

  it('answers as the server would when signed out, without a request', async () => {
    const fetchSpy = vi.fn(globalThis.fetch);
    expect(await client({ fetch: fetchSpy }).request('GET', '/api/echo')).toEqual({
      status: 401,
      body: { error: { code: 'auth.required', message: expect.any(String) } },
      retryAfterSeconds: null,
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('answers UNREACHABLE when the server has gone away', async () => {
    const teamServer = await signedIn();
    const offline = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    // Same session file, a fetch with no network.
    expect(await failure(client({ fetch: offline }).request('GET', '/api/echo'))).toMatchObject({ code: 'UNREACHABLE' });
    expect((await teamServer.request('GET', '/api/echo')).status).toBe(200);
  });

  it('answers UNREACHABLE when the server does not answer in time', async () => {
    const teamServer = await signedIn({ timeoutMs: 200 });
    expect(await failure(teamServer.request('GET', '/api/slow'))).toMatchObject({ code: 'UNREACHABLE' });
  });

  it('refuses to read an answer past the size limit', async () => {
    const teamServer = await signedIn({ maxAnswerBytes: 100_000 });
    expect(await failure(teamServer.request('GET', '/api/huge'))).toMatchObject({ code: 'INTERNAL' });
    expect((await teamServer.request('GET', '/api/echo')).status).toBe(200);
  });
});

describe('signing out', () => {
  it('revokes the token on the server and forgets the session here', async () => {
    const teamServer = await signedIn();
    await teamServer.signOut();
    expect(fixture.requests).toEqual([expect.objectContaining({ method: 'POST', url: '/api/auth/logout', authorization: `Bearer ${TOKEN}` })]);
    expect(existsSync(sessionFile)).toBe(false);
    expect(await teamServer.session()).toBeNull();
    expect((await teamServer.request('GET', '/api/echo')).status).toBe(401);
    expect(fixture.requests).toHaveLength(1);
  });

  it('forgets the session even when the server cannot be reached', async () => {
    await client().signIn(fixture.url, EMAIL, PASSWORD);
    const offline = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const teamServer = client({ fetch: offline });
    await expect(teamServer.signOut()).resolves.toBeUndefined();
    expect(offline).toHaveBeenCalledTimes(1);
    expect(existsSync(sessionFile)).toBe(false);
    expect(await client().session()).toBeNull();
  });

  it('is quiet when already signed out', async () => {
    const fetchSpy = vi.fn(globalThis.fetch);
    await expect(client({ fetch: fetchSpy }).signOut()).resolves.toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

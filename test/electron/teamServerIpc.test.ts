/**
 * The whole desktop path to the team server, without Electron: the renderer's ServerTransport
 * (renderer/platform/desktop.ts) → the real preload → IPC (structured-cloned, through the real
 * zod-checking wrapper) → the main process's client → a real HTTP server on 127.0.0.1. Checks that
 * the renderer gets the browser transport's errors and never the token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInvokeListener, type InvokeEventLike } from '../../electron/main/ipc/handle';
import { registerIpcHandlers } from '../../electron/main/ipc/registerHandlers';
import { createTeamServerClient, TEAM_SESSION_FILE } from '../../electron/main/services/teamServer';
import { createDesktopPlatform } from '../../renderer/platform/desktop';
import { ServerUnreachableError, SignInError, type ServerTransport } from '../../renderer/platform/server';
import { InvokeChannel } from '../../shared/ipc/channels';
import type { DesktopApi } from '../../shared/ipc/desktopApi';
import { desktopErrorCode } from '../../shared/ipc/result';
import { MAX_SERVER_REQUEST_BODY_CHARS } from '../../shared/ipc/schemas';
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

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: { senderFrame: { url: string } }, ...args: unknown[]) => Promise<unknown>>(),
  /** Every reply that crossed to the renderer, to look for the token in. */
  replies: [] as unknown[],
  exposed: null as unknown,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (_key: string, api: unknown) => {
      ipc.exposed = api;
    },
  },
  ipcRenderer: {
    // Like Electron: arguments and reply are structured-cloned, the sender is the app's page.
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = ipc.handlers.get(channel);
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
      const reply = structuredClone(await handler({ senderFrame: { url: 'app://desk/index.html' } }, ...structuredClone(args)));
      ipc.replies.push(reply);
      return reply;
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}));
vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

let fixture: TeamServerFixture;
let userData: string;
let desktop: DesktopApi;
let server: ServerTransport;

beforeAll(async () => {
  fixture = await startTeamServerFixture();
  userData = mkdtempSync(path.join(tmpdir(), 'sdr-desk-ipc-'));
  const teamServer = createTeamServerClient({
    fetch: globalThis.fetch,
    safeStorage: fakeSafeStorage(),
    platform: 'linux',
    sessionFilePath: path.join(userData, TEAM_SESSION_FILE),
  });
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      ipc.handlers.set(channel, listener);
    }),
  };
  registerIpcHandlers(ipcMain, {
    [InvokeChannel.appInfo]: () => ({ version: '0.1.0', platform: 'linux', locale: 'en' }),
    [InvokeChannel.openExternal]: () => undefined,
    [InvokeChannel.setMenuLabels]: () => undefined,
    [InvokeChannel.showNotification]: () => undefined,
    [InvokeChannel.serverSignIn]: ({ serverUrl, email, password }) => teamServer.signIn(serverUrl, email, password),
    [InvokeChannel.serverSignOut]: () => teamServer.signOut(),
    [InvokeChannel.serverRequest]: (request) => teamServer.request(request.method, request.path, request.body),
    [InvokeChannel.serverSession]: () => teamServer.session(),
    [InvokeChannel.sipSecretPersistence]: () => 'session',
    [InvokeChannel.sipSecretGet]: () => null,
    [InvokeChannel.sipSecretSet]: () => undefined,
  });
  await import('../../electron/preload/index');
  desktop = ipc.exposed as DesktopApi;
  server = createDesktopPlatform(desktop).server;
});
afterAll(async () => {
  await fixture.close();
  rmSync(userData, { recursive: true, force: true });
});
beforeEach(() => {
  fixture.mode = 'sdr';
  fixture.requests.length = 0;
});

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('the desktop ServerTransport over IPC', () => {
  it('has no fixed server: the user picks one', () => {
    expect(server.fixedServerUrl).toBeNull();
  });

  it('signs in, makes requests with the session, reports it, and signs out', async () => {
    expect(await desktop.server.session()).toBeNull();
    expect(await server.signIn(`${fixture.url}/`, EMAIL, PASSWORD)).toEqual({ serverUrl: fixture.url, user: USER });
    expect(await desktop.server.session()).toEqual({ serverUrl: fixture.url, user: USER });

    const reply = await server.request('POST', '/api/echo?retryAfter=5', { leads: [{ id: 'l1' }] });
    expect(reply).toEqual({ status: 200, body: { method: 'POST', body: { leads: [{ id: 'l1' }] } }, retryAfterSeconds: 5 });
    expect(await server.request('GET', '/api/echo')).toMatchObject({ status: 200, body: { method: 'GET' } });
    expect(fixture.requests.map((request) => request.authorization)).toEqual([
      undefined,
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);

    await server.signOut();
    expect(fixture.requests.at(-1)).toMatchObject({ url: '/api/auth/logout', authorization: `Bearer ${TOKEN}` });
    expect(await desktop.server.session()).toBeNull();
    expect(await server.request('GET', '/api/echo')).toMatchObject({ status: 401, body: { error: { code: 'auth.required' } } });
    expect(JSON.stringify(ipc.replies)).not.toContain(TOKEN);
  });

  it.each([
    ['a wrong password', () => server.signIn(fixture.url, EMAIL, 'wrong password'), 'auth.invalid'],
    ['too many attempts', () => server.signIn(fixture.url, LIMITED_EMAIL, PASSWORD), 'rate.limited'],
    ['a javascript: address', () => server.signIn('javascript:alert(1)', EMAIL, PASSWORD), 'url.invalid'],
    ['a file: address', () => server.signIn('file:///etc/passwd', EMAIL, PASSWORD), 'url.invalid'],
    ['plain http to another machine', () => server.signIn('http://example.com', EMAIL, PASSWORD), 'url.invalid'],
  ] as const)('rejects %s with SignInError %s', async (_case, signIn, code) => {
    const error = await rejection(signIn());
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ code, message: expect.not.stringContaining('SIGN_IN_REFUSED') });
  });

  it.each([
    ['html', 'server.invalid'],
    ['broken', 'server.error'],
  ] as const)('rejects a server answering "%s" with SignInError %s', async (mode, code) => {
    fixture.mode = mode;
    expect(await rejection(server.signIn(fixture.url, EMAIL, PASSWORD))).toMatchObject({ name: 'SignInError', code });
  });

  it('rejects with ServerUnreachableError when nothing answers', async () => {
    expect(await rejection(server.signIn(await unusedLocalUrl(), EMAIL, PASSWORD))).toBeInstanceOf(ServerUnreachableError);
  });

  it('rejects a path outside /api/ as an invalid argument, not as an unreachable server', async () => {
    // The type forbids it; a page doing it anyway must still be refused.
    const error = await rejection(server.request('GET', '/health' as `/api/${string}`));
    expect(error).not.toBeInstanceOf(ServerUnreachableError);
    expect(desktopErrorCode(error)).toBe('INVALID_ARGUMENT');
    expect(fixture.requests).toHaveLength(0);
  });
});

describe('the server channels refuse malformed payloads before main acts on them', () => {
  const fromApp: InvokeEventLike = { senderFrame: { url: 'app://desk/index.html' } };

  it.each([
    ['no payload', undefined],
    ['an extra field', { serverUrl: 'https://sdr.example.com', email: EMAIL, password: PASSWORD, remember: true }],
    ['a missing password', { serverUrl: 'https://sdr.example.com', email: EMAIL }],
    ['a non-string e-mail', { serverUrl: 'https://sdr.example.com', email: 42, password: PASSWORD }],
    ['an oversized password', { serverUrl: 'https://sdr.example.com', email: EMAIL, password: 'x'.repeat(2000) }],
    ['an oversized address', { serverUrl: `https://${'a'.repeat(3000)}.com`, email: EMAIL, password: PASSWORD }],
  ])('server:signIn with %s', async (_case, payload) => {
    const impl = vi.fn();
    const result = await createInvokeListener(InvokeChannel.serverSignIn, impl)(fromApp, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(impl).not.toHaveBeenCalled();
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  it.each([
    ['a method other than GET, POST, PUT', { method: 'DELETE', path: '/api/leads/1' }],
    ['a path outside /api/', { method: 'GET', path: '/admin' }],
    ['an absolute URL', { method: 'GET', path: 'https://evil.example/api/x' }],
    ['a path with a fragment', { method: 'GET', path: '/api/x#y' }],
    ['an oversized path', { method: 'GET', path: `/api/${'x'.repeat(3000)}` }],
    ['a GET with a body', { method: 'GET', path: '/api/echo', body: { a: 1 } }],
    ['a body over the limit', { method: 'POST', path: '/api/echo', body: { text: 'x'.repeat(MAX_SERVER_REQUEST_BODY_CHARS) } }],
    ['a body JSON cannot express', { method: 'POST', path: '/api/echo', body: { n: 10n } }],
    ['a cyclic body', { method: 'POST', path: '/api/echo', body: cyclic }],
    ['an extra field', { method: 'GET', path: '/api/echo', headers: { authorization: 'Bearer x' } }],
  ])('server:request with %s', async (_case, payload) => {
    const impl = vi.fn();
    const result = await createInvokeListener(InvokeChannel.serverRequest, impl)(fromApp, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('server:signOut and server:session take no payload', async () => {
    for (const channel of [InvokeChannel.serverSignOut, InvokeChannel.serverSession] as const) {
      const impl = vi.fn();
      expect(await createInvokeListener(channel, impl)(fromApp, { all: true })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
      expect(impl).not.toHaveBeenCalled();
    }
  });

  it('refuses to hand the renderer a reply that breaks the contract', async () => {
    const impl = vi.fn(async () => ({ status: 200, body: null, retryAfterSeconds: null, token: TOKEN }));
    const result = await createInvokeListener(InvokeChannel.serverRequest, impl)(fromApp, { method: 'GET', path: '/api/echo' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});

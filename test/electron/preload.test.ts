import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../shared/ipc/desktopApi';
import { desktopErrorCode } from '../../shared/ipc/result';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    listeners,
    exposeInMainWorld: vi.fn(),
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
    ipcRenderer: {
      on: vi.fn((channel: string, listener: Listener) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
    emit(channel: string, ...args: unknown[]) {
      // What Electron passes: an IpcRendererEvent carrying the sender and ports, then the payload.
      const event = { sender: { send: () => undefined }, ports: [], senderId: 0 };
      for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { ...fake.ipcRenderer, invoke: fake.invoke },
}));

// Every key of DesktopApi, checked by the compiler in both directions.
const DESKTOP_API_KEYS: Record<keyof DesktopApi, true> = {
  getAppInfo: true,
  openExternal: true,
  setMenuLabels: true,
  showNotification: true,
  onCommand: true,
  onDeepLink: true,
  server: true,
  sipSecret: true,
};
const SERVER_API_KEYS: Record<keyof DesktopApi['server'], true> = { signIn: true, signOut: true, request: true, session: true };
const SIP_SECRET_API_KEYS: Record<keyof DesktopApi['sipSecret'], true> = { persistence: true, get: true, set: true };

async function loadPreload(): Promise<DesktopApi> {
  vi.resetModules();
  fake.exposeInMainWorld.mockClear();
  fake.listeners.clear();
  await import('../../electron/preload/index');
  expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = fake.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('desktop');
  return api as DesktopApi;
}

const LEAD = { kind: 'lead', leadId: '0190a5b4-7c1e-7abc-8def-0123456789ab' } as const;

describe('the preload', () => {
  beforeEach(() => fake.invoke.mockReset());

  it('exposes exactly one frozen object with exactly the DesktopApi keys', async () => {
    const api = await loadPreload();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(Object.keys(DESKTOP_API_KEYS).sort());
    const { server, sipSecret, ...methods } = api;
    for (const value of Object.values(methods)) expect(typeof value).toBe('function');
    for (const [group, keys] of [
      [server, SERVER_API_KEYS],
      [sipSecret, SIP_SECRET_API_KEYS],
    ] as const) {
      expect(Object.isFrozen(group)).toBe(true);
      expect(Object.keys(group).sort()).toEqual(Object.keys(keys).sort());
      for (const value of Object.values(group)) expect(typeof value).toBe('function');
    }
  });

  it('sends SIP password calls over their fixed channels, the password only in set and get', async () => {
    const api = await loadPreload();
    fake.invoke.mockResolvedValueOnce({ ok: true, value: 'keychain' });
    await expect(api.sipSecret.persistence()).resolves.toBe('keychain');
    expect(fake.invoke).toHaveBeenLastCalledWith('sipSecret:persistence');

    fake.invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await api.sipSecret.set('s3cret-pbx');
    expect(fake.invoke).toHaveBeenLastCalledWith('sipSecret:set', { password: 's3cret-pbx' });

    fake.invoke.mockResolvedValueOnce({ ok: true, value: 's3cret-pbx' });
    await expect(api.sipSecret.get()).resolves.toBe('s3cret-pbx');
    expect(fake.invoke).toHaveBeenLastCalledWith('sipSecret:get');

    fake.invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await api.sipSecret.set(null);
    expect(fake.invoke).toHaveBeenLastCalledWith('sipSecret:set', { password: null });

    fake.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'password: Too big' } });
    const refused: unknown = await api.sipSecret.set('x'.repeat(300)).catch((e: unknown) => e);
    expect(desktopErrorCode(refused)).toBe('INVALID_ARGUMENT');
  });

  it('sends team server calls over their fixed channels, the password only in the sign-in payload', async () => {
    const api = await loadPreload();
    const session = {
      serverUrl: 'https://sdr.example.com',
      user: { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'sdr', teamId: 't1' },
    };
    fake.invoke.mockResolvedValueOnce({ ok: true, value: session });
    await expect(api.server.signIn('https://sdr.example.com', 'ada@example.com', 'correct horse')).resolves.toEqual(session);
    expect(fake.invoke).toHaveBeenLastCalledWith('server:signIn', {
      serverUrl: 'https://sdr.example.com',
      email: 'ada@example.com',
      password: 'correct horse',
    });

    fake.invoke.mockResolvedValueOnce({ ok: true, value: { status: 200, body: { ok: 1 }, retryAfterSeconds: null } });
    await expect(api.server.request('POST', '/api/sync/push', { ops: [] })).resolves.toEqual({
      status: 200,
      body: { ok: 1 },
      retryAfterSeconds: null,
    });
    expect(fake.invoke).toHaveBeenLastCalledWith('server:request', { method: 'POST', path: '/api/sync/push', body: { ops: [] } });

    fake.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(api.server.session()).resolves.toBeNull();
    expect(fake.invoke).toHaveBeenLastCalledWith('server:session');

    fake.invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await api.server.signOut();
    expect(fake.invoke).toHaveBeenLastCalledWith('server:signOut');

    fake.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'SIGN_IN_REFUSED', message: 'auth.invalid' } });
    const refused: unknown = await api.server.signIn('https://sdr.example.com', 'ada@example.com', 'wrong').catch((e: unknown) => e);
    expect((refused as Error).message).toBe('SIGN_IN_REFUSED: auth.invalid');
  });

  it('invokes fixed channels and unwraps a successful reply', async () => {
    const api = await loadPreload();
    fake.invoke.mockResolvedValueOnce({ ok: true, value: { version: '0.1.0', platform: 'linux', locale: 'zh-CN' } });
    await expect(api.getAppInfo()).resolves.toEqual({ version: '0.1.0', platform: 'linux', locale: 'zh-CN' });
    expect(fake.invoke).toHaveBeenLastCalledWith('app:info');

    fake.invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await expect(api.openExternal('tel:+8613800138000')).resolves.toBeUndefined();
    expect(fake.invoke).toHaveBeenLastCalledWith('link:openExternal', { url: 'tel:+8613800138000' });

    fake.invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await api.showNotification({ title: 'Call back', body: 'Li Wei at 15:00' });
    expect(fake.invoke).toHaveBeenLastCalledWith('notification:show', { title: 'Call back', body: 'Li Wei at 15:00' });
  });

  it('rejects with an Error carrying the code, also readable from the message alone', async () => {
    const api = await loadPreload();
    fake.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'LINK_REFUSED', message: 'scheme-not-allowed' } });
    const error: unknown = await api.openExternal('javascript:alert(1)').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(desktopErrorCode(error)).toBe('LINK_REFUSED');
    // contextBridge may copy only the message into the page's world.
    expect(desktopErrorCode({ message: (error as Error).message })).toBe('LINK_REFUSED');
  });

  it('rejects on a malformed reply instead of resolving garbage', async () => {
    const api = await loadPreload();
    fake.invoke.mockResolvedValueOnce({ value: 'no envelope' });
    const error: unknown = await api.getAppInfo().catch((caught: unknown) => caught);
    expect(desktopErrorCode(error)).toBe('INTERNAL');
  });

  it('hands command listeners only the command id, and unsubscribes', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = api.onCommand(listener);
    fake.emit('command:invoke', 'lead.new');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['lead.new']);

    fake.emit('command:invoke', 'not.a.command');
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    fake.emit('command:invoke', 'lead.new');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get('command:invoke')?.size).toBe(0);
  });

  it('keeps deep links that arrive before anyone listens, then delivers only valid targets', async () => {
    const api = await loadPreload();
    fake.emit('deepLink:open', LEAD);
    fake.emit('deepLink:open', { kind: 'lead', leadId: '../../etc' });
    const listener = vi.fn();
    const unsubscribe = api.onDeepLink(listener);
    expect(listener.mock.calls).toEqual([[LEAD]]);
    fake.emit('deepLink:open', LEAD);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    fake.emit('deepLink:open', LEAD);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

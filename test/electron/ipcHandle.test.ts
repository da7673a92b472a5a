import { describe, expect, it, vi } from 'vitest';
import { createInvokeListener, handle, type InvokeEventLike } from '../../electron/main/ipc/handle';
import { IpcFailure } from '../../electron/main/ipc/ipcFailure';
import { registerIpcHandlers } from '../../electron/main/ipc/registerHandlers';
import { InvokeChannel } from '../../shared/ipc/channels';
import { defaultCommandLabels, DEFAULT_MENU_TITLES } from '../../shared/ipc/commands';

vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://desk/index.html' } };
const from = (url: string): InvokeEventLike => ({ senderFrame: { url } });

describe('the IPC wrapper: sender check', () => {
  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///home/user/index.html',
    'app://evil/',
    'app://desk.evil/',
    'app://desk:8080/',
    'app://x@desk/',
    'about:blank',
    'data:text/html,hi',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses %s and never runs the implementation', async (url) => {
    const impl = vi.fn(() => undefined);
    const listener = createInvokeListener(InvokeChannel.openExternal, impl);
    const result = await listener(from(url), { url: 'https://example.com/' });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const impl = vi.fn(() => undefined);
    const result = await createInvokeListener(InvokeChannel.openExternal, impl)({ senderFrame: null }, { url: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(impl).not.toHaveBeenCalled();
  });
});

describe('the IPC wrapper: payload validation', () => {
  it.each([
    [undefined, 'payload'],
    ['https://example.com/', 'payload'],
    [{}, 'url'],
    [{ url: 42 }, 'url'],
    [{ url: 'https://example.com/', extra: true }, 'extra'],
    [{ url: 'x'.repeat(5000) }, 'url'],
  ])('refuses %j naming %s', async (payload, field) => {
    const impl = vi.fn(() => undefined);
    const result = await createInvokeListener(InvokeChannel.openExternal, impl)(fromApp, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_ARGUMENT');
    expect(result.error.message.startsWith(`${field}:`) || result.error.message.includes(`"${field}"`)).toBe(true);
    expect(impl).not.toHaveBeenCalled();
  });

  it('names the nested field of a malformed menu label', async () => {
    const labels = { ...defaultCommandLabels(), 'lead.new': '' };
    const result = await createInvokeListener(InvokeChannel.setMenuLabels, vi.fn())(fromApp, {
      language: 'en',
      labels,
      menuTitles: DEFAULT_MENU_TITLES,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!result.ok) expect(result.error.message).toContain('labels.lead.new');
  });

  it('refuses a menu label set that misses a command or names an unknown one', async () => {
    const listener = createInvokeListener(InvokeChannel.setMenuLabels, vi.fn());
    const { ['demo.load']: _missing, ...partial } = defaultCommandLabels();
    const missing = await listener(fromApp, { language: 'en', labels: partial, menuTitles: DEFAULT_MENU_TITLES });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const unknown = await listener(fromApp, {
      language: 'en',
      labels: { ...defaultCommandLabels(), 'evil.command': 'x' },
      menuTitles: DEFAULT_MENU_TITLES,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses extra arguments', async () => {
    const result = await createInvokeListener(InvokeChannel.appInfo, vi.fn())(fromApp, undefined, 'extra');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('the IPC wrapper: results', () => {
  it('passes a valid payload to the implementation and wraps its value', async () => {
    const impl = vi.fn(() => ({ version: '0.1.0', platform: 'linux', locale: 'zh-CN' }));
    const result = await createInvokeListener(InvokeChannel.appInfo, impl)(fromApp);
    expect(result).toEqual({ ok: true, value: { version: '0.1.0', platform: 'linux', locale: 'zh-CN' } });
    expect(impl).toHaveBeenCalledWith(undefined);
  });

  it('hands the implementation the parsed payload', async () => {
    const impl = vi.fn(async () => undefined);
    const result = await createInvokeListener(InvokeChannel.showNotification, impl)(fromApp, {
      title: '  Call back Li Wei  ',
      body: 'at 15:00',
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(impl).toHaveBeenCalledWith({ title: 'Call back Li Wei', body: 'at 15:00' });
  });

  it('turns an IpcFailure into its code', async () => {
    const listener = createInvokeListener(InvokeChannel.openExternal, () => {
      throw new IpcFailure('LINK_REFUSED', 'scheme-not-allowed');
    });
    expect(await listener(fromApp, { url: 'javascript:x' })).toEqual({
      ok: false,
      error: { code: 'LINK_REFUSED', message: 'scheme-not-allowed' },
    });
  });

  it('turns any other failure into INTERNAL without leaking its message', async () => {
    const listener = createInvokeListener(InvokeChannel.openExternal, async () => {
      throw new Error('EACCES /home/user/secret');
    });
    const result = await listener(fromApp, { url: 'https://example.com/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toContain('secret');
  });

  it('refuses to send a result that breaks the channel contract', async () => {
    // Simulates a bug in main: the implementation's declared type is bypassed at run time.
    const impl = vi.fn(() => ({ version: 1 }) as unknown as { version: string; platform: string; locale: string });
    const result = await createInvokeListener(InvokeChannel.appInfo, impl)(fromApp);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('registering handlers', () => {
  it('registers every invoke channel exactly once, each through the wrapper', async () => {
    const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn((channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) => {
        expect(registered.has(channel)).toBe(false);
        registered.set(channel, listener);
      }),
    };
    registerIpcHandlers(ipcMain, {
      [InvokeChannel.appInfo]: () => ({ version: '1', platform: 'linux', locale: 'en' }),
      [InvokeChannel.openExternal]: () => undefined,
      [InvokeChannel.setMenuLabels]: () => undefined,
      [InvokeChannel.showNotification]: () => undefined,
      [InvokeChannel.serverSignIn]: () => ({
        serverUrl: 'https://sdr.example.com',
        user: { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'sdr', teamId: 't1' },
      }),
      [InvokeChannel.serverSignOut]: () => undefined,
      [InvokeChannel.serverRequest]: () => ({ status: 200, body: null, retryAfterSeconds: null }),
      [InvokeChannel.serverSession]: () => null,
      [InvokeChannel.sipSecretPersistence]: () => 'keychain',
      [InvokeChannel.sipSecretGet]: () => null,
      [InvokeChannel.sipSecretSet]: () => undefined,
    });
    expect([...registered.keys()].sort()).toEqual(Object.values(InvokeChannel).sort());
    for (const listener of registered.values()) {
      expect(await listener(from('https://evil.example/'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
  });

  it('handle() registers the wrapped listener under the channel name', () => {
    const ipcMain = { handle: vi.fn() };
    handle(ipcMain, InvokeChannel.appInfo, () => ({ version: '1', platform: 'linux', locale: 'en' }));
    expect(ipcMain.handle).toHaveBeenCalledWith('app:info', expect.any(Function));
  });
});

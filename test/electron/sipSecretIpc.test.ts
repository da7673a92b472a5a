/**
 * The SIP password over IPC, without Electron: payloads the contract refuses, then the whole
 * path — the renderer's desktop platform → the real preload → IPC (structured-cloned, through the
 * real zod-checking wrapper) → the main process's store on a real userData folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInvokeListener, type InvokeEventLike } from '../../electron/main/ipc/handle';
import { registerIpcHandlers } from '../../electron/main/ipc/registerHandlers';
import { createSipSecretStore, SIP_SECRET_FILE } from '../../electron/main/services/sipSecret';
import { createDesktopPlatform } from '../../renderer/platform/desktop';
import type { SipSecretStore } from '../../renderer/platform/platform';
import { InvokeChannel } from '../../shared/ipc/channels';
import type { DesktopApi } from '../../shared/ipc/desktopApi';
import { desktopErrorCode } from '../../shared/ipc/result';
import { fakeSafeStorage } from './fakeSafeStorage';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: { senderFrame: { url: string } }, ...args: unknown[]) => Promise<unknown>>(),
  /** Every reply that crossed to the renderer, with its channel. */
  replies: [] as Array<{ channel: string; reply: unknown }>,
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
      ipc.replies.push({ channel, reply });
      return reply;
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}));
vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://desk/index.html' } };
const PASSWORD = 'pbx-Secret:8002';

describe('the sipSecret channels refuse payloads outside the contract', () => {
  it.each([
    ['no payload', undefined],
    ['a bare string', PASSWORD],
    ['no password field', {}],
    ['a number', { password: 42 }],
    ['an empty password (forgetting is null)', { password: '' }],
    ['a password over 256 characters', { password: 'x'.repeat(257) }],
    ['an extra field', { password: PASSWORD, keep: 'forever' }],
  ])('set refuses %s', async (_case, payload) => {
    const impl = vi.fn(async () => undefined);
    const result = await createInvokeListener(InvokeChannel.sipSecretSet, impl)(fromApp, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('set accepts 256 characters, and null', async () => {
    const impl = vi.fn(async () => undefined);
    const listener = createInvokeListener(InvokeChannel.sipSecretSet, impl);
    expect(await listener(fromApp, { password: 'x'.repeat(256) })).toEqual({ ok: true, value: undefined });
    expect(await listener(fromApp, { password: null })).toEqual({ ok: true, value: undefined });
    expect(impl.mock.calls).toEqual([[{ password: 'x'.repeat(256) }], [{ password: null }]]);
  });

  it.each([InvokeChannel.sipSecretGet, InvokeChannel.sipSecretPersistence])('%s takes no payload', async (channel) => {
    const impl = vi.fn(() => null);
    const result = await createInvokeListener(channel, impl)(fromApp, { password: PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('refuses to hand the page a result outside the contract', async () => {
    const tooLong = createInvokeListener(InvokeChannel.sipSecretGet, () => 'x'.repeat(257));
    expect(await tooLong(fromApp)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const badKind = createInvokeListener(InvokeChannel.sipSecretPersistence, () => 'disk' as 'keychain');
    expect(await badKind(fromApp)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe("the desktop platform's sipSecret over IPC", () => {
  let userData: string;
  let sipSecret: SipSecretStore;

  beforeAll(async () => {
    userData = mkdtempSync(path.join(tmpdir(), 'sdr-desk-sip-ipc-'));
    const store = createSipSecretStore({
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
      filePath: path.join(userData, SIP_SECRET_FILE),
    });
    const unused = (): never => {
      throw new Error('not used here');
    };
    registerIpcHandlers(
      {
        handle: vi.fn((channel: string, listener: Listener) => {
          ipc.handlers.set(channel, listener);
        }),
      },
      {
        [InvokeChannel.appInfo]: unused,
        [InvokeChannel.openExternal]: unused,
        [InvokeChannel.setMenuLabels]: unused,
        [InvokeChannel.showNotification]: unused,
        [InvokeChannel.serverSignIn]: unused,
        [InvokeChannel.serverSignOut]: unused,
        [InvokeChannel.serverRequest]: unused,
        [InvokeChannel.serverSession]: unused,
        [InvokeChannel.sipSecretPersistence]: () => store.persistence(),
        [InvokeChannel.sipSecretGet]: () => store.get(),
        [InvokeChannel.sipSecretSet]: ({ password }) => store.set(password),
      },
    );
    await import('../../electron/preload/index');
    sipSecret = createDesktopPlatform(ipc.exposed as DesktopApi).sipSecret;
  });
  afterAll(() => rmSync(userData, { recursive: true, force: true }));

  it('saves, reads back and forgets the password; only get() answers it', async () => {
    expect(await sipSecret.persistence()).toBe('keychain');
    expect(await sipSecret.get()).toBeNull();
    await sipSecret.set(PASSWORD);
    expect(readFileSync(path.join(userData, SIP_SECRET_FILE), 'utf8')).not.toContain(PASSWORD);
    expect(await sipSecret.get()).toBe(PASSWORD);
    await sipSecret.set(null);
    expect(await sipSecret.get()).toBeNull();

    const carrying = ipc.replies.filter(({ reply }) => JSON.stringify(reply).includes(PASSWORD));
    expect(carrying.map(({ channel }) => channel)).toEqual(['sipSecret:get']);
  });

  it('rejects a password the contract refuses with INVALID_ARGUMENT', async () => {
    const error: unknown = await sipSecret.set('x'.repeat(257)).catch((caught: unknown) => caught);
    expect(desktopErrorCode(error)).toBe('INVALID_ARGUMENT');
  });
});

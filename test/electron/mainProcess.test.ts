/**
 * The composition root, wired against a fake 'electron': checks the order and the wiring
 * (privileged scheme before ready, single-instance lock, guards on every web contents, the
 * window loading app://desk/), not Electron's behaviour, which never runs here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  let resolveReady: () => void = () => undefined;
  const state = { gotLock: true, userData: '' };

  class FakeWebContents {
    readonly send = vi.fn();
    readonly once = vi.fn();
    isDestroyed = () => false;
  }
  class FakeWindow {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (url: string) => {
      calls.push(`loadURL ${url}`);
    });
    readonly once = vi.fn();
    readonly on = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    isMinimized = () => true;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1366, height: 768 });
    isMaximized = () => false;
    static getAllWindows = () => windows;
    constructor(readonly options: unknown) {
      calls.push('new BrowserWindow');
      windows.push(this);
    }
  }

  const app = {
    isPackaged: true,
    commandLine: {
      appendSwitch: vi.fn((name: string, value?: string) => calls.push(`appendSwitch ${name}=${value ?? ''}`)),
    },
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return state.gotLock;
    }),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => {
      appListeners.set(event, listener);
      return app;
    }),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          resolveReady = resolve;
        }),
    ),
    isReady: () => true,
    setAsDefaultProtocolClient: vi.fn(() => true),
    getPath: vi.fn(() => state.userData),
    getVersion: () => '0.1.0',
    getLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['zh-CN'],
  };

  return {
    calls,
    appListeners,
    windows,
    state,
    ready: () => resolveReady(),
    electron: {
      app,
      BrowserWindow: FakeWindow,
      ipcMain: { handle: vi.fn((channel: string) => calls.push(`handle ${channel}`)) },
      Notification: class {
        static isSupported(): boolean {
          return true;
        }
        show = vi.fn();
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn((scheme: string) => calls.push(`protocol.handle ${scheme}`)),
      },
      screen: {
        getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
        getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(() => calls.push('setPermissionRequestHandler')),
          setPermissionCheckHandler: vi.fn(() => calls.push('setPermissionCheckHandler')),
        },
      },
      shell: { openExternal: vi.fn(async () => undefined) },
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(text),
        decryptString: (data: Buffer) => data.toString(),
      },
      Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn(() => calls.push('setApplicationMenu')) },
    },
  };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

const userData = mkdtempSync(path.join(tmpdir(), 'sdr-desk-main-'));
fake.state.userData = userData;
afterAll(() => rmSync(userData, { recursive: true, force: true }));

async function startMain(gotLock: boolean): Promise<void> {
  vi.resetModules();
  fake.calls.length = 0;
  fake.appListeners.clear();
  fake.windows.length = 0;
  fake.state.gotLock = gotLock;
  await import('../../electron/main/index');
}

describe('the main process composition root', () => {
  beforeEach(() => vi.clearAllMocks());

  it('quits at once when another instance holds the lock', async () => {
    await startMain(false);
    expect(fake.calls).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'appendSwitch autoplay-policy=no-user-gesture-required',
      'requestSingleInstanceLock',
      'quit',
    ]);
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('registers the app scheme and the WebRTC switches before ready, then wires protocol, permissions, menu, IPC and the window', async () => {
    await startMain(true);
    expect(fake.calls.slice(0, 4)).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'appendSwitch autoplay-policy=no-user-gesture-required',
      'requestSingleInstanceLock',
    ]);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('sdrdesk');
    expect(fake.calls).not.toContain('new BrowserWindow');

    fake.ready();
    await vi.waitFor(() => expect(fake.calls).toContain('loadURL app://desk/index.html'));
    const afterReady = fake.calls.slice(fake.calls.indexOf('requestSingleInstanceLock') + 1);
    expect(afterReady).toEqual([
      'protocol.handle app',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'setApplicationMenu',
      'handle app:info',
      'handle link:openExternal',
      'handle menu:setLabels',
      'handle notification:show',
      'handle server:signIn',
      'handle server:signOut',
      'handle server:request',
      'handle server:session',
      'handle sipSecret:persistence',
      'handle sipSecret:get',
      'handle sipSecret:set',
      'new BrowserWindow',
      'loadURL app://desk/index.html',
    ]);
    expect([...fake.appListeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'open-url', 'web-contents-created', 'window-all-closed', 'activate']),
    );
  });

  it('guards every web contents that gets created', async () => {
    await startMain(true);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it('focuses the window and forwards a valid deep link when a second instance starts', async () => {
    await startMain(true);
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [window] = fake.windows;
    if (window === undefined) throw new Error('no window');
    // Pretend the page finished loading.
    const onLoad = window.webContents.once.mock.calls.find(([event]) => event === 'did-finish-load')?.[1] as Listener;
    onLoad();

    const leadId = '0190a5b4-7c1e-7abc-8def-0123456789ab';
    fake.appListeners.get('second-instance')?.({}, ['/opt/sdr-desk', `sdrdesk://lead/${leadId}`], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('deepLink:open', { kind: 'lead', leadId });

    fake.appListeners.get('second-instance')?.({}, ['/opt/sdr-desk', 'sdrdesk://lead/../../etc/passwd'], '/');
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});

import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computeRestoredWindow } from '../../electron/main/services/windowState';

const fake = vi.hoisted(() => {
  const constructed: Array<{ options: BrowserWindowConstructorOptions; window: FakeWindow }> = [];
  class FakeWindow {
    readonly once = vi.fn((event: string, listener: () => void) => {
      this.onceListeners.set(event, listener);
      return this;
    });
    readonly onceListeners = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    minimized = false;
    isMinimized(): boolean {
      return this.minimized;
    }
    constructor(options: BrowserWindowConstructorOptions) {
      constructed.push({ options, window: this });
    }
  }
  return { constructed, FakeWindow };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow }));

const { createMainWindow, focusWindow } = await import('../../electron/main/windows/mainWindow');

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };

function create(isPackaged = true, isMaximized = false) {
  const restored = { ...computeRestoredWindow(null, [PRIMARY], PRIMARY), isMaximized };
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', restored, isPackaged });
  const last = fake.constructed.at(-1);
  if (last === undefined) throw new Error('no BrowserWindow was constructed');
  return last;
}

describe('the main window', () => {
  beforeEach(() => {
    fake.constructed.length = 0;
  });

  it('is created with the security checklist’s web preferences', () => {
    const { options } = create();
    expect(fake.constructed).toHaveLength(1);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    // An inbound call answered from a shortcut has no click in the page; its audio must still play.
    expect(options.webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
    // Nothing that loosens isolation may sneak in.
    const preferences = options.webPreferences ?? {};
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('additionalArguments');
    expect(preferences).not.toHaveProperty('partition');
  });

  it('has developer tools only when not packaged', () => {
    expect(create(true).options.webPreferences?.devTools).toBe(false);
    expect(create(false).options.webPreferences?.devTools).toBe(true);
  });

  it('uses the restored bounds and minimum size', () => {
    const { options } = create();
    expect(options).toMatchObject({ x: 277, y: 136, width: 1366, height: 768, minWidth: 1100, minHeight: 700 });
  });

  it('stays hidden until ready-to-show, then shows (maximized if it was)', () => {
    const { options, window } = create(true, true);
    expect(options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')?.();
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('focusWindow restores a minimized window before focusing it', () => {
    const { window } = create();
    window.minimized = true;
    focusWindow(window);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

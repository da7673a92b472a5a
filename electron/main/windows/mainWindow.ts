/**
 * The one application window, configured per Electron's security checklist. The page gets no
 * Node, runs sandboxed in its own JS world, and talks to main only through the preload's
 * window.desktop.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { RestoredWindow } from '../services/windowState';

export interface MainWindowSettings {
  readonly preloadPath: string;
  readonly restored: RestoredWindow;
  readonly isPackaged: boolean;
}

export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  const { bounds, minSize } = settings.restored;
  return {
    ...bounds,
    minWidth: minSize.width,
    minHeight: minSize.height,
    title: 'SDR Desk',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Dropping a file on the window must not navigate the page to it.
      navigateOnDragDrop: false,
      // Electron's default today; pinned because an answered call must be heard (webrtcSwitches.ts).
      autoplayPolicy: 'no-user-gesture-required',
      safeDialogs: true,
      devTools: !settings.isPackaged,
    },
  };
}

export function createMainWindow(settings: MainWindowSettings): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(settings));
  window.once('ready-to-show', () => {
    if (settings.restored.isMaximized) window.maximize();
    window.show();
  });
  return window;
}

/** Brings the window to the front, e.g. when a second instance was started. */
export function focusWindow(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

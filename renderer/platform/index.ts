import type { DesktopApi } from '../../shared/ipc/desktopApi';
import { createBrowserPlatform, registerOfflineCache } from './browser';
import { createDesktopPlatform } from './desktop';
import type { Platform } from './platform';

declare global {
  interface Window {
    /** Present only inside Electron, set by the preload. Only this folder reads it. */
    readonly desktop?: DesktopApi;
  }
}

export function detectPlatform(): Platform {
  return window.desktop ? createDesktopPlatform(window.desktop) : createBrowserPlatform();
}

export function prepareOffline(platform: Platform): void {
  if (platform.kind === 'browser') registerOfflineCache().catch((err: unknown) => console.error('offline cache', err));
}

export type { Platform } from './platform';

/**
 * The sandboxed preload: exposes exactly one frozen object, window.desktop. It never hands the
 * page ipcRenderer, an IPC event or a channel name: each method is one fixed channel, and
 * listeners receive only the payload.
 *
 * Bundled into ONE CommonJS file that requires nothing but 'electron' (a sandboxed preload
 * cannot load other modules), so it imports only zod-free files from shared/ipc.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import { isCommandId, type CommandId } from '../../shared/ipc/commands';
import { isDeepLinkTarget, type DeepLinkTarget } from '../../shared/ipc/deepLink';
import type { DesktopApi, Unsubscribe } from '../../shared/ipc/desktopApi';
import { unwrapIpcResult } from '../../shared/ipc/result';
import type { InvokePayload, InvokeResult } from '../../shared/ipc/schemas';

type PayloadArgs<C extends InvokeChannel> = InvokePayload<C> extends undefined ? [] : [InvokePayload<C>];

async function invoke<C extends InvokeChannel>(channel: C, ...payload: PayloadArgs<C>): Promise<InvokeResult<C>> {
  return unwrapIpcResult<InvokeResult<C>>(await ipcRenderer.invoke(channel, ...payload));
}

function onCommand(listener: (command: CommandId) => void): Unsubscribe {
  const forward = (_event: IpcRendererEvent, command: unknown): void => {
    if (isCommandId(command)) listener(command);
  };
  ipcRenderer.on(EventChannel.command, forward);
  return () => {
    ipcRenderer.removeListener(EventChannel.command, forward);
  };
}

// Deep links can arrive before React has mounted and subscribed (the link the app was launched
// with); they wait here, since this script runs before any page script.
const MAX_PENDING_DEEP_LINKS = 10;
const pendingDeepLinks: DeepLinkTarget[] = [];
const deepLinkListeners = new Set<(target: DeepLinkTarget) => void>();

ipcRenderer.on(EventChannel.deepLink, (_event: IpcRendererEvent, target: unknown) => {
  if (!isDeepLinkTarget(target)) return;
  if (deepLinkListeners.size === 0) {
    if (pendingDeepLinks.length < MAX_PENDING_DEEP_LINKS) pendingDeepLinks.push(target);
    return;
  }
  for (const listener of deepLinkListeners) listener(target);
});

function onDeepLink(listener: (target: DeepLinkTarget) => void): Unsubscribe {
  deepLinkListeners.add(listener);
  for (const target of pendingDeepLinks.splice(0)) listener(target);
  return () => {
    deepLinkListeners.delete(listener);
  };
}

const desktop = Object.freeze({
  getAppInfo: () => invoke(InvokeChannel.appInfo),
  openExternal: (url) => invoke(InvokeChannel.openExternal, { url }),
  setMenuLabels: (labels) => invoke(InvokeChannel.setMenuLabels, labels),
  showNotification: (notification) => invoke(InvokeChannel.showNotification, notification),
  onCommand,
  onDeepLink,
  server: Object.freeze({
    signIn: (serverUrl, email, password) => invoke(InvokeChannel.serverSignIn, { serverUrl, email, password }),
    signOut: () => invoke(InvokeChannel.serverSignOut),
    request: (method, path, body) => invoke(InvokeChannel.serverRequest, { method, path, body }),
    session: () => invoke(InvokeChannel.serverSession),
  } satisfies DesktopApi['server']),
  sipSecret: Object.freeze({
    persistence: () => invoke(InvokeChannel.sipSecretPersistence),
    get: () => invoke(InvokeChannel.sipSecretGet),
    set: (password) => invoke(InvokeChannel.sipSecretSet, { password }),
  } satisfies DesktopApi['sipSecret']),
} satisfies DesktopApi);

contextBridge.exposeInMainWorld('desktop', desktop);

/**
 * Wires each invoke channel to the service that answers it. Every channel of the contract must
 * appear here: the Record type makes a forgotten one a compile error.
 */
import type { IpcMain } from 'electron';
import { InvokeChannel } from '../../../shared/ipc/channels';
import { handle, type InvokeImpl } from './handle';

export type InvokeImplementations = { readonly [C in InvokeChannel]: InvokeImpl<C> };

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, impls: InvokeImplementations): void {
  handle(ipcMain, InvokeChannel.appInfo, impls[InvokeChannel.appInfo]);
  handle(ipcMain, InvokeChannel.openExternal, impls[InvokeChannel.openExternal]);
  handle(ipcMain, InvokeChannel.setMenuLabels, impls[InvokeChannel.setMenuLabels]);
  handle(ipcMain, InvokeChannel.showNotification, impls[InvokeChannel.showNotification]);
  handle(ipcMain, InvokeChannel.serverSignIn, impls[InvokeChannel.serverSignIn]);
  handle(ipcMain, InvokeChannel.serverSignOut, impls[InvokeChannel.serverSignOut]);
  handle(ipcMain, InvokeChannel.serverRequest, impls[InvokeChannel.serverRequest]);
  handle(ipcMain, InvokeChannel.serverSession, impls[InvokeChannel.serverSession]);
  handle(ipcMain, InvokeChannel.sipSecretPersistence, impls[InvokeChannel.sipSecretPersistence]);
  handle(ipcMain, InvokeChannel.sipSecretGet, impls[InvokeChannel.sipSecretGet]);
  handle(ipcMain, InvokeChannel.sipSecretSet, impls[InvokeChannel.sipSecretSet]);
}

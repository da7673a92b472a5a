import type { Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationRequest } from '../../../shared/ipc/schemas';
import { IpcFailure } from '../ipc/ipcFailure';

export interface NotificationClass {
  new (options: NotificationConstructorOptions): Pick<Notification, 'show'>;
  isSupported(): boolean;
}

export function showNotification(NotificationCtor: NotificationClass, request: NotificationRequest): void {
  if (!NotificationCtor.isSupported()) throw new IpcFailure('UNSUPPORTED', 'Notifications are not supported here');
  // Silent is false: a call-back reminder should be heard, following the OS's own settings.
  new NotificationCtor({ title: request.title, body: request.body, silent: false }).show();
}

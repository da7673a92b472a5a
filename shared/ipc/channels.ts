/**
 * IPC channel names, in one place. Kept free of zod so the sandboxed preload bundle stays small:
 * the preload needs the names, main needs the schemas (schemas.ts).
 */
import type { CommandId } from './commands';
import type { DeepLinkTarget } from './deepLink';

/** Renderer → main requests, answered with an IpcResult envelope. */
export const InvokeChannel = {
  appInfo: 'app:info',
  openExternal: 'link:openExternal',
  setMenuLabels: 'menu:setLabels',
  showNotification: 'notification:show',
  serverSignIn: 'server:signIn',
  serverSignOut: 'server:signOut',
  serverRequest: 'server:request',
  serverSession: 'server:session',
  sipSecretPersistence: 'sipSecret:persistence',
  sipSecretGet: 'sipSecret:get',
  sipSecretSet: 'sipSecret:set',
} as const;
export type InvokeChannel = (typeof InvokeChannel)[keyof typeof InvokeChannel];

/** Main → renderer events. */
export const EventChannel = {
  command: 'command:invoke',
  deepLink: 'deepLink:open',
} as const;
export type EventChannel = (typeof EventChannel)[keyof typeof EventChannel];

export interface EventPayloads {
  readonly [EventChannel.command]: CommandId;
  readonly [EventChannel.deepLink]: DeepLinkTarget;
}

/**
 * Permissions the page may have. Electron grants every permission by default; this denies all but
 * the allowlist, and grants those only to the app's own page. Each entry says why it is needed.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
export type PermissionName = Parameters<RequestHandler>[1];

export const PERMISSION_ALLOWLIST: Readonly<Partial<Record<PermissionName, string>>> = {
  notifications: 'Call-back reminders are shown as system notifications.',
  'clipboard-sanitized-write': 'Copy a phone number or an e-mail address to the clipboard.',
  // 'media' will come with the softphone; until then the microphone stays off.
};

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return (
    Object.prototype.hasOwnProperty.call(PERMISSION_ALLOWLIST, permission) &&
    requestingUrl !== undefined &&
    isAppUrl(requestingUrl)
  );
}

export function permissionRequestHandler(
  _webContents: WebContents,
  permission: PermissionName,
  callback: (granted: boolean) => void,
  details: { readonly requestingUrl?: string },
): void {
  callback(isPermissionAllowed(permission, details.requestingUrl));
}

export function permissionCheckHandler(
  webContents: WebContents | null,
  permission: PermissionName,
  _requestingOrigin: string,
  details: { readonly requestingUrl?: string },
): boolean {
  return isPermissionAllowed(permission, details.requestingUrl ?? webContents?.getURL());
}

export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
}

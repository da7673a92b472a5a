/**
 * Permissions the page may have. Electron grants every permission by default; this denies all but
 * the allowlist, and grants those only to the app's own page. Each entry says why it is needed.
 */
import type { MediaAccessPermissionRequest, PermissionCheckHandlerHandlerDetails, Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
export type PermissionName = Parameters<RequestHandler>[1];

export const PERMISSION_ALLOWLIST: Readonly<Partial<Record<PermissionName, string>>> = {
  notifications: 'Call-back reminders are shown as system notifications.',
  'clipboard-sanitized-write': 'Copy a phone number or an e-mail address to the clipboard.',
  media: 'The softphone needs the microphone; the camera and other capture stay refused (isMicrophoneRequest/Check).',
  'speaker-selection':
    'The softphone plays the caller on the headset the user chose (HTMLMediaElement.setSinkId) and lists output devices by name.',
};

export interface RequestDetails extends Pick<MediaAccessPermissionRequest, 'mediaTypes'> {
  readonly requestingUrl?: string;
}

export type CheckDetails = Pick<PermissionCheckHandlerHandlerDetails, 'requestingUrl' | 'mediaType'>;

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return (
    Object.prototype.hasOwnProperty.call(PERMISSION_ALLOWLIST, permission) &&
    requestingUrl !== undefined &&
    isAppUrl(requestingUrl)
  );
}

/**
 * Every getUserMedia reaches the request handler, with the kinds it wants in mediaTypes; a request
 * that also wants the camera is refused whole, so the page cannot get the microphone by asking
 * for more. Without mediaTypes the request cannot be judged and is refused.
 */
function isMicrophoneRequest(details: RequestDetails): boolean {
  const kinds = details.mediaTypes ?? [];
  return kinds.length > 0 && kinds.every((kind) => kind === 'audio');
}

/**
 * Checks decide which devices enumerateDevices names and whether Chromium counts the page as
 * one with microphone access (which, e.g., lets WebRTC offer real LAN addresses); they grant no
 * capture, the request above does. 'video' (the camera) and 'unknown' (other capture, e.g. a
 * tab's sound) are refused. A check without a mediaType is allowed: Electron sets one on every
 * microphone and camera check, so such a check is about neither, and refusing it has been
 * reported to make getUserMedia({ audio: true }) fail (kirodotdev/KiroCrew#1108).
 */
function isMicrophoneCheck(details: CheckDetails): boolean {
  return details.mediaType === undefined || details.mediaType === 'audio';
}

export function permissionRequestHandler(
  _webContents: WebContents,
  permission: PermissionName,
  callback: (granted: boolean) => void,
  details: RequestDetails,
): void {
  callback(
    isPermissionAllowed(permission, details.requestingUrl) && (permission !== 'media' || isMicrophoneRequest(details)),
  );
}

export function permissionCheckHandler(
  webContents: WebContents | null,
  permission: PermissionName,
  _requestingOrigin: string,
  details: CheckDetails,
): boolean {
  return (
    isPermissionAllowed(permission, details.requestingUrl ?? webContents?.getURL()) &&
    (permission !== 'media' || isMicrophoneCheck(details))
  );
}

export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
}

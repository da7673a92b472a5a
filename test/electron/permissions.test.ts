import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  installPermissionHandlers,
  PERMISSION_ALLOWLIST,
  permissionCheckHandler,
  permissionRequestHandler,
  type CheckDetails,
  type PermissionName,
  type RequestDetails,
} from '../../electron/main/security/permissions';

const APP_PAGE = 'app://desk/index.html';
const contents = { getURL: () => APP_PAGE } as unknown as WebContents;

function request(permission: PermissionName, requestingUrl: string, details: Omit<RequestDetails, 'requestingUrl'> = {}): boolean {
  let granted: boolean | null = null;
  permissionRequestHandler(contents, permission, (answer) => (granted = answer), { ...details, requestingUrl });
  if (granted === null) throw new Error('the handler never answered');
  return granted;
}

function check(permission: PermissionName, requestingUrl: string, details: Omit<CheckDetails, 'requestingUrl'> = {}): boolean {
  return permissionCheckHandler(contents, permission, new URL(requestingUrl).origin, { ...details, requestingUrl });
}

const DENIED: PermissionName[] = [
  'geolocation',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'pointerLock',
  'idle-detection',
  'fileSystem',
  'unknown',
];

const OTHER_PAGES = ['https://evil.example/', 'file:///etc/passwd', 'app://evil/', 'about:blank'];

describe('the permission allowlist', () => {
  it('has a reason for every entry and contains exactly the permissions the app needs', () => {
    expect(Object.keys(PERMISSION_ALLOWLIST).sort()).toEqual([
      'clipboard-sanitized-write',
      'media',
      'notifications',
      'speaker-selection',
    ]);
    for (const reason of Object.values(PERMISSION_ALLOWLIST)) expect(reason?.length).toBeGreaterThan(10);
  });

  it.each(['notifications', 'clipboard-sanitized-write', 'speaker-selection'] as const)('grants %s to the app page', (permission) => {
    expect(request(permission, APP_PAGE)).toBe(true);
    expect(check(permission, APP_PAGE)).toBe(true);
  });

  it.each(DENIED)('denies %s even to the app page', (permission) => {
    expect(request(permission, APP_PAGE)).toBe(false);
    expect(check(permission, APP_PAGE)).toBe(false);
  });

  it.each(OTHER_PAGES)('denies allowlisted permissions to %s', (url) => {
    for (const permission of ['notifications', 'speaker-selection'] as const) {
      expect(request(permission, url)).toBe(false);
      expect(check(permission, url)).toBe(false);
    }
  });

  it('falls back to the page URL when a check has no requesting URL, and denies without one', () => {
    expect(permissionCheckHandler(contents, 'notifications', '', {})).toBe(true);
    expect(permissionCheckHandler(null, 'notifications', '', {})).toBe(false);
  });

  it('installs both the request and the check handler', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installPermissionHandlers(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(permissionRequestHandler);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheckHandler);
  });
});

describe('media: the microphone and nothing else', () => {
  it('grants the app page a microphone request', () => {
    expect(request('media', APP_PAGE, { mediaTypes: ['audio'] })).toBe(true);
  });

  it.each<[string, RequestDetails['mediaTypes']]>([
    ['the camera', ['video']],
    ['microphone and camera together', ['audio', 'video']],
    ['nothing named', []],
    ['no mediaTypes at all', undefined],
  ])('refuses the app page a request for %s', (_case, mediaTypes) => {
    expect(request('media', APP_PAGE, mediaTypes === undefined ? {} : { mediaTypes })).toBe(false);
  });

  it.each(OTHER_PAGES)('refuses a microphone request from %s', (url) => {
    expect(request('media', url, { mediaTypes: ['audio'] })).toBe(false);
    expect(check('media', url, { mediaType: 'audio' })).toBe(false);
  });

  it('answers checks: microphone yes, camera and other capture no', () => {
    expect(check('media', APP_PAGE, { mediaType: 'audio' })).toBe(true);
    expect(check('media', APP_PAGE, { mediaType: 'video' })).toBe(false);
    expect(check('media', APP_PAGE, { mediaType: 'unknown' })).toBe(false);
  });

  it('allows a media check that names no media type (it is neither microphone nor camera)', () => {
    expect(check('media', APP_PAGE)).toBe(true);
  });

  it('keeps screen capture refused whatever it asks for', () => {
    expect(request('display-capture', APP_PAGE, { mediaTypes: ['audio'] })).toBe(false);
    expect(check('display-capture', APP_PAGE, { mediaType: 'audio' })).toBe(false);
  });
});

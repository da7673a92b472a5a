import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  installPermissionHandlers,
  PERMISSION_ALLOWLIST,
  permissionCheckHandler,
  permissionRequestHandler,
  type PermissionName,
} from '../../electron/main/security/permissions';

const APP_PAGE = 'app://desk/index.html';
const contents = { getURL: () => APP_PAGE } as unknown as WebContents;

function request(permission: PermissionName, requestingUrl: string): boolean {
  let granted: boolean | null = null;
  permissionRequestHandler(contents, permission, (answer) => (granted = answer), { requestingUrl });
  if (granted === null) throw new Error('the handler never answered');
  return granted;
}

const DENIED: PermissionName[] = [
  'media',
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

describe('the permission allowlist', () => {
  it('has a reason for every entry and contains exactly the permissions the app needs', () => {
    expect(Object.keys(PERMISSION_ALLOWLIST).sort()).toEqual(['clipboard-sanitized-write', 'notifications']);
    for (const reason of Object.values(PERMISSION_ALLOWLIST)) expect(reason?.length).toBeGreaterThan(10);
  });

  it.each(['notifications', 'clipboard-sanitized-write'] as const)('grants %s to the app page', (permission) => {
    expect(request(permission, APP_PAGE)).toBe(true);
    expect(permissionCheckHandler(contents, permission, 'app://desk', { requestingUrl: APP_PAGE })).toBe(
      true,
    );
  });

  it.each(DENIED)('denies %s even to the app page', (permission) => {
    expect(request(permission, APP_PAGE)).toBe(false);
    expect(permissionCheckHandler(contents, permission, 'app://desk', { requestingUrl: APP_PAGE })).toBe(
      false,
    );
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://evil/', 'about:blank'])(
    'denies allowlisted permissions to %s',
    (url) => {
      expect(request('notifications', url)).toBe(false);
      expect(permissionCheckHandler(contents, 'notifications', url, { requestingUrl: url })).toBe(false);
    },
  );

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

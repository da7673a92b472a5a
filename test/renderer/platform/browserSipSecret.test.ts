import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform, createBrowserSipSecretStore, SIP_PASSWORD_KEY } from '../../../renderer/platform/browser';

const PASSWORD = 'pbx-Secret:8002';

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe("the browser's SIP password", () => {
  it('lasts for the tab session only: sessionStorage, never localStorage', async () => {
    const { sipSecret } = createBrowserPlatform();
    expect(await sipSecret.persistence()).toBe('session');
    expect(await sipSecret.get()).toBeNull();
    await sipSecret.set(PASSWORD);
    expect(sessionStorage.getItem(SIP_PASSWORD_KEY)).toBe(PASSWORD);
    expect(localStorage.length).toBe(0);
    // A reload of the tab builds a new platform over the same sessionStorage.
    expect(await createBrowserPlatform().sipSecret.get()).toBe(PASSWORD);
    await sipSecret.set(null);
    expect(sessionStorage.getItem(SIP_PASSWORD_KEY)).toBeNull();
    expect(await createBrowserPlatform().sipSecret.get()).toBeNull();
  });

  it('refuses what the desktop app refuses', async () => {
    const sipSecret = createBrowserSipSecretStore(sessionStorage);
    await expect(sipSecret.set('')).rejects.toThrow(RangeError);
    await expect(sipSecret.set('x'.repeat(257))).rejects.toThrow(RangeError);
    await sipSecret.set('x'.repeat(256));
    expect(await sipSecret.get()).toHaveLength(256);
  });

  it('keeps the password in memory where storage is refused', async () => {
    const sipSecret = createBrowserSipSecretStore(null);
    await sipSecret.set(PASSWORD);
    expect(await sipSecret.get()).toBe(PASSWORD);
    await sipSecret.set(null);
    expect(await sipSecret.get()).toBeNull();
  });

  it('works when reading sessionStorage throws, as with storage disabled', async () => {
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const { sipSecret } = createBrowserPlatform();
    expect(await sipSecret.get()).toBeNull();
    await sipSecret.set(PASSWORD);
    expect(await sipSecret.get()).toBe(PASSWORD);
  });

  it('keeps a password storage will not take in memory, and lets no older copy come back', async () => {
    sessionStorage.setItem(SIP_PASSWORD_KEY, 'older');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const sipSecret = createBrowserSipSecretStore(sessionStorage);
    await sipSecret.set(PASSWORD);
    expect(await sipSecret.get()).toBe(PASSWORD);
    expect(sessionStorage.getItem(SIP_PASSWORD_KEY)).toBeNull();
  });
});

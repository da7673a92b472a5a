/**
 * The main process's SIP password store against a real userData folder and a fake safeStorage:
 * encrypted on disk and back, memory only without real encryption, and a bad file ignored.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { log } from '../../electron/main/log';
import type { SecretVault } from '../../electron/main/services/secretFiles';
import { createSipSecretStore, SIP_SECRET_FILE, type SipSecretStore } from '../../electron/main/services/sipSecret';
import { fakeSafeStorage } from './fakeSafeStorage';

vi.mock('../../electron/main/log', () => ({ log: { warn: vi.fn(), error: vi.fn() } }));

const PASSWORD = 'pbx-Secret:8002/ä';

let userData: string;
let file: string;

beforeEach(() => {
  vi.clearAllMocks();
  userData = mkdtempSync(path.join(tmpdir(), 'sdr-desk-sip-'));
  file = path.join(userData, SIP_SECRET_FILE);
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

function store(options: { safeStorage?: SecretVault; platform?: string } = {}): SipSecretStore {
  return createSipSecretStore({
    safeStorage: options.safeStorage ?? fakeSafeStorage(),
    platform: options.platform ?? 'linux',
    filePath: file,
  });
}

const savedFile = (encryptedPassword: string): string => JSON.stringify({ version: 1, encryptedPassword });

describe('with real encryption', () => {
  it('keeps the password encrypted on disk, owner-only, and a new run reads it back', async () => {
    const sip = store();
    expect(sip.persistence()).toBe('keychain');
    expect(await sip.get()).toBeNull();
    await sip.set(PASSWORD);
    expect(await sip.get()).toBe(PASSWORD);

    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain(PASSWORD);
    expect(onDisk).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1 });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);

    expect(await store().get()).toBe(PASSWORD);
  });

  it('forgets the password with set(null), on disk too', async () => {
    const sip = store();
    await sip.set(PASSWORD);
    await sip.set(null);
    expect(await sip.get()).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(await store().get()).toBeNull();
  });

  it('replaces a saved password', async () => {
    await store().set(PASSWORD);
    await store().set('another one');
    expect(await store().get()).toBe('another one');
  });

  it('applies overlapping calls in order', async () => {
    const sip = store();
    const [, , read] = await Promise.all([sip.set('first'), sip.set('second'), sip.get(), sip.set(null), sip.set('last')]);
    expect(read).toBe('second');
    expect(await sip.get()).toBe('last');
    expect(await store().get()).toBe('last');
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('rejects a save that cannot be written, and keeps the password it had', async () => {
    const sip = store();
    await sip.set(PASSWORD);
    // A folder where the temporary file goes makes the write fail before the saved file is touched.
    mkdirSync(`${file}.tmp`);
    writeFileSync(path.join(`${file}.tmp`, 'x'), 'x');
    await expect(sip.set('new password')).rejects.toThrow();
    expect(await sip.get()).toBe(PASSWORD);
    expect(await store().get()).toBe(PASSWORD);
  });

  it('rejects a forget that cannot delete the file, and keeps the password it had', async () => {
    const sip = store();
    await sip.set(PASSWORD);
    rmSync(file);
    mkdirSync(file);
    writeFileSync(path.join(file, 'x'), 'x');
    await expect(sip.set(null)).rejects.toThrow();
    expect(await sip.get()).toBe(PASSWORD);
  });
});

describe('without real encryption', () => {
  it('keeps the password in memory only, says so, and writes nothing', async () => {
    const unavailable = fakeSafeStorage({ available: false });
    const sip = store({ safeStorage: unavailable });
    expect(sip.persistence()).toBe('session');
    await sip.set(PASSWORD);
    expect(await sip.get()).toBe(PASSWORD);
    expect(existsSync(file)).toBe(false);
    expect(vi.mocked(log.warn)).toHaveBeenCalledWith(expect.stringMatching(/in memory only/));
    expect(await store({ safeStorage: unavailable }).get()).toBeNull();
  });

  it("treats Linux's basic_text store (a key built into Chromium) as no encryption", async () => {
    const basic = fakeSafeStorage({ backend: 'basic_text' });
    const onLinux = store({ safeStorage: basic, platform: 'linux' });
    expect(onLinux.persistence()).toBe('session');
    await onLinux.set(PASSWORD);
    expect(existsSync(file)).toBe(false);
    // The backend is a Linux notion; elsewhere it is not consulted.
    const onMac = store({ safeStorage: basic, platform: 'darwin' });
    expect(onMac.persistence()).toBe('keychain');
    await onMac.set(PASSWORD);
    expect(existsSync(file)).toBe(true);
  });

  it('removes an older saved password so it does not return at the next start', async () => {
    await store().set(PASSWORD);
    await store({ safeStorage: fakeSafeStorage({ available: false }) }).set('typed this run');
    expect(existsSync(file)).toBe(false);
  });

  it('cannot read a saved password this run, but keeps the file for a later one', async () => {
    await store().set(PASSWORD);
    expect(await store({ safeStorage: fakeSafeStorage({ available: false }) }).get()).toBeNull();
    expect(existsSync(file)).toBe(true);
    expect(await store().get()).toBe(PASSWORD);
  });
});

describe('a saved file that cannot be used', () => {
  const encrypted = (text: string): string => fakeSafeStorage().encryptString(text).toString('base64');

  it('a valid file is a password (the baseline for the cases below)', async () => {
    writeFileSync(file, savedFile(encrypted(PASSWORD)));
    expect(await store().get()).toBe(PASSWORD);
  });

  it.each<[string, () => string]>([
    ['not JSON', () => '{"version":1,'],
    ['empty', () => ''],
    ['the password in clear', () => PASSWORD],
    ['another shape', () => JSON.stringify({ password: PASSWORD })],
    ['an unknown field', () => JSON.stringify({ version: 1, encryptedPassword: encrypted(PASSWORD), password: PASSWORD })],
    ['another version', () => JSON.stringify({ version: 2, encryptedPassword: encrypted(PASSWORD) })],
    ['not base64', () => savedFile('%%%')],
    ['something safeStorage cannot decrypt', () => savedFile(Buffer.from('garbage').toString('base64'))],
    ['an empty password', () => savedFile(encrypted(''))],
    ['a password that is too long', () => savedFile(encrypted('x'.repeat(257)))],
  ])('answers null when the file is %s, and says so', async (_case, text) => {
    writeFileSync(file, text());
    const sip = store();
    expect(await sip.get()).toBeNull();
    expect(vi.mocked(log.warn)).toHaveBeenCalled();
    await sip.set(PASSWORD);
    expect(await store().get()).toBe(PASSWORD);
  });

  it('answers null when the file cannot be read', async () => {
    mkdirSync(file);
    expect(await store().get()).toBeNull();
    expect(vi.mocked(log.warn)).toHaveBeenCalledWith(expect.stringMatching(/Cannot read/), expect.anything());
  });
});

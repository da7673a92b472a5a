/**
 * What the services that keep secrets in userData (the team server session, the SIP password)
 * share: when safeStorage really encrypts, and how its files are read and written.
 */
import type { SafeStorage } from 'electron';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The part of Electron's safeStorage used here; getSelectedStorageBackend exists on Linux only.
 * Electron 45 deprecates the synchronous calls for *Async ones. They are kept for now because the
 * async encryptor could not be tried on a real Electron here; decryptStringAsync reads what
 * encryptString wrote, so moving over later needs no migration of saved secrets.
 */
export type SecretVault = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** Whether safeStorage really encrypts; when it does not, secrets stay in memory only. */
export function canEncryptSecrets(vault: SecretVault, platform: string): boolean {
  if (!vault.isEncryptionAvailable()) return false;
  // Linux without a keyring falls back to 'basic_text': a key hard-coded in Chromium, so the
  // file would be as good as clear text to anyone who can read it.
  return !(platform === 'linux' && vault.getSelectedStorageBackend?.() === 'basic_text');
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** The file's text, or null when there is none; other read errors are thrown. */
export async function readFileIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
}

/**
 * Written to a temporary file and renamed, so a crash mid-write leaves the old file whole;
 * owner-only, although what is secret in it is encrypted.
 */
export async function writePrivateFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await rm(temporary, { force: true });
  await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, file);
}

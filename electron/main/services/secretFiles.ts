/**
 * What the services that keep secrets in userData (the team server session, the SIP password)
 * share: when safeStorage really encrypts, and how its files are read and written.
 */
import type { SafeStorage } from 'electron';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { log } from '../log';

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
async function readFileIfPresent(file: string): Promise<string | null> {
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

export interface SecretFile<S> {
  readonly vault: SecretVault;
  readonly platform: string;
  readonly file: string;
  /** Checks what is read back from disk, where anything may have happened to it. */
  readonly schema: { parse(input: unknown): S };
  /** The base64 ciphertext inside what is stored. */
  readonly ciphertext: (stored: S) => string;
  readonly isValid: (secret: string) => boolean;
  /** For the log: what the file holds ("team server session") and what losing it means. */
  readonly what: string;
  readonly consequence: string;
}

/**
 * A saved secret, decrypted, with what was stored beside it; null when there is none or it cannot
 * be used (unreadable, malformed, not decryptable this run, not valid), each logged. Saving again
 * writes a good file, so none of these needs the user's attention.
 */
export async function readSecretFile<S>(f: SecretFile<S>): Promise<{ readonly stored: S; readonly secret: string } | null> {
  let text: string | null;
  try {
    text = await readFileIfPresent(f.file);
  } catch (error) {
    log.warn(`Cannot read ${f.file}; ${f.consequence}`, error);
    return null;
  }
  if (text === null) return null;
  let stored: S;
  try {
    stored = f.schema.parse(JSON.parse(text));
  } catch {
    log.warn(`${f.file} is not a valid saved ${f.what}; ${f.consequence}`);
    return null;
  }
  if (!canEncryptSecrets(f.vault, f.platform)) {
    // Kept on disk: the keyring may only be locked or absent for this run.
    log.warn(`safeStorage is not available, so the saved ${f.what} cannot be read this run; ${f.consequence}`);
    return null;
  }
  let secret: string;
  try {
    secret = f.vault.decryptString(Buffer.from(f.ciphertext(stored), 'base64'));
  } catch (error) {
    log.warn(`The saved ${f.what} cannot be decrypted (OS keyring changed?); ${f.consequence}`, error);
    return null;
  }
  if (!f.isValid(secret)) {
    log.warn(`The saved ${f.what} decrypts to something that is not one; ${f.consequence}`);
    return null;
  }
  return { stored, secret };
}

/**
 * The softphone's SIP password, kept by the main process so that it never sits in the page's
 * storage: encrypted by safeStorage in userData, or only in memory until quit when the OS offers
 * no real encryption. The page gets it back only by asking (get), e.g. to register.
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { sipPasswordSchema, type SipSecretPersistence } from '../../../shared/ipc/schemas';
import { log } from '../log';
import { canEncryptSecrets, readSecretFile, writePrivateFile, type SecretVault } from './secretFiles';

export const SIP_SECRET_FILE = 'sip-secret.json';

export interface SipSecretOptions {
  readonly safeStorage: SecretVault;
  readonly platform: string;
  /** userData/sip-secret.json in the app. */
  readonly filePath: string;
}

export interface SipSecretStore {
  persistence(): SipSecretPersistence;
  get(): Promise<string | null>;
  /** null forgets it. Throws when it cannot be saved or deleted, and then nothing has changed. */
  set(password: string | null): Promise<void>;
}

// Read back from disk, where anything may have happened to it. 256 characters of UTF-8 encrypt to
// well under 2 KiB on every platform's safeStorage.
const storedSecretSchema = z.strictObject({
  version: z.literal(1),
  encryptedPassword: z.base64().max(8192),
});

export function createSipSecretStore(options: SipSecretOptions): SipSecretStore {
  const { safeStorage, filePath: file } = options;
  const canEncrypt = (): boolean => canEncryptSecrets(safeStorage, options.platform);

  const load = async (): Promise<string | null> => {
    const saved = await readSecretFile({
      vault: safeStorage,
      platform: options.platform,
      file,
      schema: storedSecretSchema,
      ciphertext: (stored) => stored.encryptedPassword,
      isValid: (password) => sipPasswordSchema.safeParse(password).success,
      what: 'SIP password',
      consequence: 'it is ignored',
    });
    return saved?.secret ?? null;
  };

  const save = async (password: string): Promise<void> => {
    if (!canEncrypt()) {
      log.warn('safeStorage cannot encrypt on this system: the SIP password is kept in memory only and ends when the app quits');
      // An older saved password must not come back at the next start in place of this one.
      await rm(file, { force: true });
      return;
    }
    const stored: z.infer<typeof storedSecretSchema> = {
      version: 1,
      encryptedPassword: safeStorage.encryptString(password).toString('base64'),
    };
    await writePrivateFile(file, JSON.stringify(stored));
  };

  // Read once, on first use, then kept in memory. One operation at a time: two saves must not
  // share the temporary file, and a read must not overtake the save before it.
  let current: { readonly password: string | null } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    persistence: () => (canEncrypt() ? 'keychain' : 'session'),

    get: () =>
      serialized(async () => {
        current ??= { password: await load() };
        return current.password;
      }),

    set: (password) =>
      serialized(async () => {
        // The file first: when it cannot be changed the caller hears so, and memory still agrees with it.
        if (password === null) await rm(file, { force: true });
        else await save(password);
        current = { password };
      }),
  };
}

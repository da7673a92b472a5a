import type { SecretVault } from '../../electron/main/services/secretFiles';

/**
 * Reverses the text and wraps it: enough to tell an encrypted token from a clear one on disk,
 * and to make decryption of anything it did not write fail.
 */
export function fakeSafeStorage(
  options: { available?: boolean; backend?: ReturnType<NonNullable<SecretVault['getSelectedStorageBackend']>> } = {},
): SecretVault {
  const MARK = 'fake-encrypted:';
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from(MARK + [...text].reverse().join(''), 'utf8'),
    decryptString: (data) => {
      const text = data.toString('utf8');
      if (!text.startsWith(MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(MARK.length)].reverse().join('');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

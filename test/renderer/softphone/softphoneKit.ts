import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import type { SipSecretStore } from '../../../renderer/platform/platform';

export { SIP_ACCOUNT as ACCOUNT } from '../../helpers/sipAccount';

/** A SipSecretStore in memory, with its calls recorded. */
export function fakeSecret(initial: string | null = null, where: 'keychain' | 'session' = 'keychain') {
  let stored = initial;
  const store = {
    persistence: vi.fn<SipSecretStore['persistence']>(() => Promise.resolve(where)),
    get: vi.fn<SipSecretStore['get']>(() => Promise.resolve(stored)),
    set: vi.fn<SipSecretStore['set']>((password) => {
      stored = password;
      return Promise.resolve();
    }),
  } satisfies SipSecretStore;
  return { store, stored: () => stored };
}

/**
 * Replaces a field's text. Pasted, not typed: user-event reads `{national}` as a key name.
 */
export async function fill(user: UserEvent, field: HTMLElement, value: string): Promise<void> {
  await user.clear(field);
  if (value === '') return;
  await user.click(field);
  await user.paste(value);
}

export const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name });

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { readSetting, writeSetting } from '../../../renderer/features/settings';
import { DialerSettings } from '../../../renderer/features/settings/DialerSettings';
import { SoftphoneSettings } from '../../../renderer/features/softphone';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { ACCOUNT, fakeSecret, fill, textbox } from './softphoneKit';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function renderDialer(language: 'en' | 'zh-CN' = 'en') {
  const onSaved = vi.fn<(what: 'dialer' | 'sipAccount') => void>();
  const onSipAccountSaved = vi.fn<() => void>();
  const secret = fakeSecret();
  await renderWithI18n(
    <DialerSettings
      onSaved={onSaved}
      onSipAccountSaved={onSipAccountSaved}
      softphoneSettings={(onAccountSaved) => <SoftphoneSettings sipSecret={secret.store} onAccountSaved={onAccountSaved} onPasswordForgotten={onSipAccountSaved} />}
    />,
    language,
  );
  return { onSaved, onSipAccountSaved, secret, user: userEvent.setup() };
}

describe('DialerSettings with the built-in softphone', () => {
  it('keeps the previous dialer until a softphone account is saved', async () => {
    await writeSetting('dialer', { kind: 'callto' });
    const { user, onSaved, onSipAccountSaved, secret } = await renderDialer();
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Softphone via callto:' })).toBeChecked());

    await user.click(screen.getByRole('radio', { name: 'Built-in softphone (SIP)' }));

    expect(await screen.findByRole('form', { name: 'Softphone account' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Microphone and speaker' })).toBeInTheDocument();
    expect(screen.getByText('Not set up yet: calls keep going the way chosen before until you save a softphone account.')).toBeInTheDocument();
    expect(await readSetting('dialer')).toEqual({ kind: 'callto' });
    expect(onSaved).not.toHaveBeenCalled();

    await fill(user, textbox('WebSocket server'), ACCOUNT.wsUrl);
    await fill(user, textbox('SIP address'), ACCOUNT.sipUri);
    await fill(user, screen.getByLabelText('Password'), 'hunter2');
    await fill(user, textbox('Number rule'), ACCOUNT.targetTemplate);
    await user.click(screen.getByRole('button', { name: 'Save softphone account' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledExactlyOnceWith('sipAccount'));
    expect(onSipAccountSaved).toHaveBeenCalledOnce();
    expect(await readSetting('dialer')).toEqual({ kind: 'sip' });
    expect(await readSetting('sipAccount')).toMatchObject({ wsUrl: ACCOUNT.wsUrl, sipUri: ACCOUNT.sipUri });
    expect(secret.stored()).toBe('hunter2');
    await waitFor(() => expect(screen.queryByText(/Not set up/)).not.toBeInTheDocument());
  });

  it('switches to the softphone at once when it already has an account', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    const { user, onSaved } = await renderDialer();

    await user.click(await screen.findByRole('radio', { name: 'Built-in softphone (SIP)' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledExactlyOnceWith('dialer'));
    expect(await readSetting('dialer')).toEqual({ kind: 'sip' });
    expect(await screen.findByRole('textbox', { name: 'WebSocket server' })).toHaveValue(ACCOUNT.wsUrl);
    expect(screen.queryByText(/Not set up/)).not.toBeInTheDocument();
  });

  it('says the softphone is not set up when it is the dialer without an account', async () => {
    await writeSetting('dialer', { kind: 'sip' });
    await renderDialer();
    expect(await screen.findByText('The built-in softphone is not set up: save an account below before calling.')).toBeInTheDocument();
  });

  it('leaves the softphone for another dialer', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    await writeSetting('dialer', { kind: 'sip' });
    const { user, onSaved } = await renderDialer();
    await screen.findByRole('form', { name: 'Softphone account' });

    await user.click(screen.getByRole('radio', { name: 'Log only: I dial on my own phone' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledExactlyOnceWith('dialer'));
    expect(await readSetting('dialer')).toEqual({ kind: 'logOnly' });
    expect(screen.queryByRole('form', { name: 'Softphone account' })).not.toBeInTheDocument();
    // The account stays for when the softphone is chosen again.
    expect(await readSetting('sipAccount')).toEqual(ACCOUNT);
  });

  it('names the softphone in Chinese', async () => {
    await renderDialer('zh-CN');
    expect(screen.getByRole('radio', { name: '内置软电话（SIP）' })).toBeInTheDocument();
  });
});

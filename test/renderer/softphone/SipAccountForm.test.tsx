import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db';
import { readSetting, writeSetting } from '../../../renderer/features/settings';
import { SipAccountForm } from '../../../renderer/features/softphone/ui/SipAccountForm';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { ACCOUNT, fakeSecret, fill, textbox } from './softphoneKit';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function renderForm(secret = fakeSecret(), language: 'en' | 'zh-CN' = 'en') {
  const onSaved = vi.fn<() => void>();
  const onPasswordForgotten = vi.fn<() => void>();
  await renderWithI18n(<SipAccountForm sipSecret={secret.store} onSaved={onSaved} onPasswordForgotten={onPasswordForgotten} />, language);
  await screen.findByRole('form', { name: language === 'en' ? 'Softphone account' : '软电话账号' });
  return { onSaved, onPasswordForgotten, secret, user: userEvent.setup() };
}

/** The line beside Save; the number rule's preview is the form's other (named) status. */
const formStatus = () => screen.getAllByRole('status').find((el) => el.tagName !== 'OUTPUT');

const save = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Save softphone account' }));

describe('SipAccountForm', () => {
  it('saves a valid account, and the typed password to the secret store', async () => {
    const { user, onSaved, secret } = await renderForm();

    await fill(user, textbox('WebSocket server'), 'wss://pbx.example.com:8089/ws');
    await fill(user, textbox('SIP address'), 'sip:8001@pbx.example.com');
    await fill(user, textbox('Authorization user (optional)'), 'liwei');
    await fill(user, screen.getByLabelText('Password'), 'hunter2');
    await fill(user, textbox('Display name (optional)'), 'Li Wei');
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await fill(user, textbox('ICE server 1 URL'), 'turn:turn.example.com:3478');
    await fill(user, textbox('ICE server 1 user name (TURN only)'), 'desk');
    await fill(user, screen.getByLabelText('ICE server 1 credential (TURN only)'), 's3cret');
    await fill(user, textbox('Number rule'), 'sip:{national}@pbx.example.com');
    await fill(user, textbox('Dial prefix (optional)'), '9');
    await user.click(screen.getByRole('radio', { name: 'SIP INFO' }));
    await save(user);

    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(await readSetting('sipAccount')).toEqual({
      wsUrl: 'wss://pbx.example.com:8089/ws',
      sipUri: 'sip:8001@pbx.example.com',
      authUser: 'liwei',
      displayName: 'Li Wei',
      iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'desk', credential: 's3cret' }],
      targetTemplate: 'sip:{national}@pbx.example.com',
      dialPrefix: '9',
      dtmf: 'info',
    });
    expect(secret.store.set).toHaveBeenCalledExactlyOnceWith('hunter2');
    // The password is never shown again, only that one is saved.
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/A password is saved/);
  });

  it('takes a SIP address typed without sip: and a blank ICE row as meant', async () => {
    const { user, onSaved } = await renderForm();
    await fill(user, textbox('WebSocket server'), 'wss://pbx.example.com/ws');
    await fill(user, textbox('SIP address'), ' 8001@pbx.example.com ');
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await fill(user, textbox('Number rule'), 'sip:{e164}@pbx.example.com');
    await save(user);

    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(await readSetting('sipAccount')).toMatchObject({ sipUri: 'sip:8001@pbx.example.com', iceServers: [], dtmf: 'rtp', dialPrefix: '' });
    expect(textbox('SIP address')).toHaveValue('sip:8001@pbx.example.com');
  });

  it('names every bad field beside it and keeps the account saved before', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    const { user, onSaved, secret } = await renderForm(fakeSecret('old-password'));
    expect(textbox('WebSocket server')).toHaveValue(ACCOUNT.wsUrl);

    await fill(user, textbox('WebSocket server'), 'http://pbx.example.com/ws');
    await fill(user, textbox('SIP address'), 'alice');
    await fill(user, textbox('Authorization user (optional)'), 'li wei');
    await fill(user, screen.getByLabelText('Password'), 'new-password');
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await fill(user, textbox('ICE server 1 URL'), 'stun.example.com');
    await fill(user, textbox('Number rule'), 'sip:8001@pbx.example.com');
    await fill(user, textbox('Dial prefix (optional)'), '9a');
    await save(user);

    const expected: [string, RegExp][] = [
      ['WebSocket server', /^WebSocket server: enter an address/],
      ['SIP address', /^SIP address: enter it as sip:user@domain/],
      ['Authorization user (optional)', /^Authorization user: no spaces/],
      ['ICE server 1 URL', /^ICE server 1 URL: it must start with stun:, turn: or turns:/],
      ['Number rule', /^Number rule: use exactly one of \{e164\}, \{digits\} or \{national\}/],
      ['Dial prefix (optional)', /^Dial prefix: up to 6 digits/],
    ];
    for (const [name, message] of expected) {
      const field = textbox(name);
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(message);
    }
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(expected.length);
    expected.forEach(([, message]) => expect(alerts.some((a) => message.test(a.textContent ?? ''))).toBe(true));
    // The first one to fix gets the focus.
    expect(textbox('WebSocket server')).toHaveFocus();
    expect(formStatus()).toHaveTextContent('Not saved: correct the marked fields. The account saved before stays in use.');

    expect(onSaved).not.toHaveBeenCalled();
    expect(secret.store.set).not.toHaveBeenCalled();
    expect(secret.stored()).toBe('old-password');
    expect(await readSetting('sipAccount')).toEqual(ACCOUNT);
  });

  it('says why ws:// to another computer is refused', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    const { user, onSaved } = await renderForm();

    await fill(user, textbox('WebSocket server'), 'ws://pbx.example.com:8088/ws');
    await save(user);

    expect(screen.getByRole('alert')).toHaveTextContent('WebSocket server: use wss://; ws:// is allowed only for a server on this computer.');
    expect(textbox('WebSocket server')).toHaveAccessibleDescription(/Use wss:\/\/; ws:\/\/ is allowed only for a server on this computer/i);
    expect(onSaved).not.toHaveBeenCalled();
    expect(await readSetting('sipAccount')).toEqual(ACCOUNT);

    // A PBX on this computer may use ws://; the message goes as soon as the field is corrected.
    await fill(user, textbox('WebSocket server'), 'ws://localhost:5066');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await save(user);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(await readSetting('sipAccount')).toEqual({ ...ACCOUNT, wsUrl: 'ws://localhost:5066' });
  });

  it('previews what the number rule makes of a Chinese mobile number', async () => {
    const { user } = await renderForm();
    const preview = screen.getByRole('status', { name: 'Preview' });
    expect(preview).toHaveTextContent('The preview appears once the number rule and the dial prefix are valid.');

    await fill(user, textbox('Number rule'), 'sip:{national}@pbx.example.com');
    expect(preview).toHaveTextContent('+86 138 0013 8000 is called as sip:13800138000@pbx.example.com');
    await fill(user, textbox('Dial prefix (optional)'), '9');
    expect(preview).toHaveTextContent('+86 138 0013 8000 is called as sip:913800138000@pbx.example.com');
    await fill(user, textbox('Number rule'), 'sip:{e164}@pbx.example.com');
    expect(preview).toHaveTextContent('sip:9+8613800138000@pbx.example.com');
    await fill(user, textbox('Number rule'), 'sip:{digits}@pbx.example.com');
    expect(preview).toHaveTextContent('sip:98613800138000@pbx.example.com');
    // The rule's field is described by the preview, so it is read when the field is.
    expect(textbox('Number rule')).toHaveAccessibleDescription(/sip:98613800138000@pbx\.example\.com/);

    await fill(user, textbox('Number rule'), 'sip:{phone}@pbx.example.com');
    expect(preview).toHaveTextContent('The preview appears once');
  });

  it('keeps the stored password when the password is left blank', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    const { user, onSaved, secret } = await renderForm(fakeSecret('old-password'));
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAccessibleDescription('Kept encrypted by the system keychain on this computer. A password is saved. Leave this empty to keep it, or type a new one to replace it.'));
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'off');
    expect(password).toHaveValue('');

    await fill(user, textbox('Display name (optional)'), 'Wei Li');
    await save(user);

    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(secret.store.set).not.toHaveBeenCalled();
    expect(secret.stored()).toBe('old-password');
    expect(await readSetting('sipAccount')).toEqual({ ...ACCOUNT, displayName: 'Wei Li' });
  });

  it('replaces the stored password with a new one', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    const { user, onSaved, secret } = await renderForm(fakeSecret('old-password'));
    await fill(user, screen.getByLabelText('Password'), 'new-password');
    await save(user);
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(secret.stored()).toBe('new-password');
  });

  it('forgets the stored password', async () => {
    await writeSetting('sipAccount', ACCOUNT);
    const { user, onPasswordForgotten, onSaved, secret } = await renderForm(fakeSecret('old-password'));

    await user.click(await screen.findByRole('button', { name: 'Forget saved password' }));

    expect(secret.store.set).toHaveBeenCalledExactlyOnceWith(null);
    expect(secret.stored()).toBeNull();
    expect(onPasswordForgotten).toHaveBeenCalledOnce();
    expect(onSaved).not.toHaveBeenCalled();
    expect(formStatus()).toHaveTextContent('The saved password was forgotten.');
    expect(screen.queryByRole('button', { name: 'Forget saved password' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/No password is saved/);
    // The account itself stays.
    expect(await readSetting('sipAccount')).toEqual(ACCOUNT);
  });

  it('says a browser tab keeps the password only for the session', async () => {
    await renderForm(fakeSecret(null, 'session'));
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Kept only until this window is closed/));
    expect(screen.queryByRole('button', { name: 'Forget saved password' })).not.toBeInTheDocument();
  });

  it('removes an ICE server row', async () => {
    const { user } = await renderForm();
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await fill(user, textbox('ICE server 2 URL'), 'stun:stun.example.com');
    await user.click(screen.getByRole('button', { name: 'Remove ICE server 1' }));
    expect(textbox('ICE server 1 URL')).toHaveValue('stun:stun.example.com');
    expect(screen.queryByRole('textbox', { name: 'ICE server 2 URL' })).not.toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    const { user } = await renderForm(fakeSecret(), 'zh-CN');
    for (const name of ['WebSocket 服务器地址', 'SIP 地址', '授权用户名（可选）', '显示名称（可选）', '号码规则', '拨号前缀（可选）']) expect(textbox(name)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '按键音（DTMF）发送方式' })).toBeInTheDocument();
    await fill(user, textbox('WebSocket 服务器地址'), 'ws://pbx.example.com');
    await user.click(screen.getByRole('button', { name: '保存软电话账号' }));
    const alerts = screen.getAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('WebSocket 服务器地址：请使用 wss://；只有本机上的服务器才能用 ws://。');
    expect(formStatus()).toHaveTextContent('未保存：请修改标出的字段。');
  });
});

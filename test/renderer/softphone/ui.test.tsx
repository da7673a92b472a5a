import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveCall, PhoneSnapshot, SipPhone } from '../../../renderer/features/softphone/engine/sipPhone';
import { IDLE_SNAPSHOT, useSoftphoneStore } from '../../../renderer/features/softphone/state';
import { IncomingCallPopup } from '../../../renderer/features/softphone/ui/IncomingCallPopup';
import { SoftphoneCallExtras, SoftphoneIdleNotice } from '../../../renderer/features/softphone/ui/SoftphoneCallExtras';
import { SoftphoneStatus } from '../../../renderer/features/softphone/ui/SoftphoneStatus';
import { renderWithI18n } from '../../helpers/renderWithI18n';
import { SIP_ACCOUNT } from '../../helpers/sipAccount';

afterEach(() => {
  useSoftphoneStore.setState({ setup: 'notSip', account: null, phone: null, snapshot: IDLE_SNAPSHOT, incoming: null });
});

const live: LiveCall = { key: 'c1', phase: 'established', held: false, muted: false, poorQuality: false, localStream: null };

function phoneWith(snapshot: Partial<PhoneSnapshot>) {
  const phone = { retryNow: vi.fn(), sendDtmf: vi.fn(() => Promise.resolve()), transfer: vi.fn(() => Promise.resolve()), answer: vi.fn(() => Promise.resolve()), decline: vi.fn(() => Promise.resolve()) };
  useSoftphoneStore.setState({
    setup: 'ready',
    account: { ...SIP_ACCOUNT, dialPrefix: '' },
    phone: phone as unknown as SipPhone,
    snapshot: { ...IDLE_SNAPSHOT, ...snapshot },
  });
  return phone;
}

describe('the softphone in the top bar', () => {
  it('is not there while another dialer places calls', async () => {
    await renderWithI18n(<SoftphoneStatus onOpenSettings={() => undefined} />);
    expect(screen.queryByRole('status', { name: 'Softphone' })).toBeNull();
  });

  it('says when it is ready', async () => {
    phoneWith({ registration: { state: 'registered' } });
    await renderWithI18n(<SoftphoneStatus onOpenSettings={() => undefined} />);
    expect(screen.getByRole('status', { name: 'Softphone' })).toHaveTextContent('Softphone ready');
  });

  it('names a refused password and offers no countdown, only "Retry now"', async () => {
    const phone = phoneWith({ registration: { state: 'failed', reason: 'auth', detail: '403 Forbidden', retryAt: null } });
    await renderWithI18n(<SoftphoneStatus onOpenSettings={() => undefined} />);
    const status = screen.getByRole('status', { name: 'Softphone' });
    expect(status).toHaveTextContent('Softphone: wrong user name or password (403 Forbidden)');
    expect(status).not.toHaveTextContent('retry in');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry now' }));
    expect(phone.retryNow).toHaveBeenCalledOnce();
  });

  it('counts down to the next attempt while the server is unreachable', async () => {
    phoneWith({ registration: { state: 'failed', reason: 'unreachable', detail: 'closed', retryAt: Date.now() + 8_000 } });
    await renderWithI18n(<SoftphoneStatus onOpenSettings={() => undefined} />);
    expect(screen.getByRole('status', { name: 'Softphone' })).toHaveTextContent(/Softphone: server unreachable · retry in [78] s/);
  });

  it('sends the SDR to Settings when the password is missing, in Chinese too', async () => {
    useSoftphoneStore.setState({ setup: 'noPassword' });
    const onOpenSettings = vi.fn();
    await renderWithI18n(<SoftphoneStatus onOpenSettings={onOpenSettings} />, 'zh-CN');
    expect(screen.getByRole('status', { name: '软电话' })).toHaveTextContent('软电话：请输入 SIP 密码');
    await userEvent.setup().click(screen.getByRole('button', { name: '打开软电话设置' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });
});

describe('on a softphone call', () => {
  it('warns when the line turns bad, and not before', async () => {
    phoneWith({ registration: { state: 'registered' }, call: live });
    await renderWithI18n(<SoftphoneCallExtras region="CN" onError={() => undefined} onMessage={() => undefined} />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => useSoftphoneStore.setState({ snapshot: { ...IDLE_SNAPSHOT, registration: { state: 'registered' }, call: { ...live, poorQuality: true } } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Poor line quality');
  });

  it('sends keypad tones and shows what was sent', async () => {
    const phone = phoneWith({ registration: { state: 'registered' }, call: live });
    await renderWithI18n(<SoftphoneCallExtras region="CN" onError={() => undefined} onMessage={() => undefined} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    const keypad = screen.getByRole('group', { name: 'Send tones' });
    await user.click(keypad.querySelector('button:nth-child(10)')!);
    await user.keyboard('5');
    expect(phone.sendDtmf.mock.calls).toEqual([['*'], ['5']]);
    expect(screen.getByText('Sent: *5')).toBeInTheDocument();
  });

  it('transfers to an extension on the account’s domain, and refuses text that is no target', async () => {
    const phone = phoneWith({ registration: { state: 'registered' }, call: live });
    const onMessage = vi.fn();
    await renderWithI18n(<SoftphoneCallExtras region="CN" onError={() => undefined} onMessage={onMessage} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    const box = screen.getByRole('textbox', { name: 'Transfer to' });
    await user.type(box, 'sales team');
    await user.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter an extension, a SIP address or a phone number.');
    expect(phone.transfer).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, '8002');
    await user.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(phone.transfer).toHaveBeenCalledWith('sip:8002@pbx.example.com');
    expect(onMessage).toHaveBeenCalledWith('Call transferred to 8002');
  });

  it('transfers to a phone number through the number rule', async () => {
    const phone = phoneWith({ registration: { state: 'registered' }, call: live });
    await renderWithI18n(<SoftphoneCallExtras region="CN" onError={() => undefined} onMessage={() => undefined} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Transfer' }));
    await user.type(screen.getByRole('textbox', { name: 'Transfer to' }), '139 0013 9000');
    await user.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(phone.transfer).toHaveBeenCalledWith('sip:13900139000@pbx.example.com');
  });
});

describe('under the dial box', () => {
  it('offers "Log call only" while the softphone is offline', async () => {
    phoneWith({ registration: { state: 'failed', reason: 'offline', detail: '', retryAt: null } });
    const onLogOnly = vi.fn();
    await renderWithI18n(<SoftphoneIdleNotice onLogOnly={onLogOnly} />);
    expect(screen.getByText(/No network: the softphone cannot call/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log call only' }));
    expect(onLogOnly).toHaveBeenCalledOnce();
  });

  it('says nothing while the softphone is ready', async () => {
    phoneWith({ registration: { state: 'registered' } });
    const view = await renderWithI18n(<SoftphoneIdleNotice onLogOnly={() => undefined} />);
    expect(view.container).toBeEmptyDOMElement();
  });
});

describe('an incoming call', () => {
  it('shows the caller and the lead, and declines', async () => {
    const phone = phoneWith({ registration: { state: 'registered' }, call: { ...live, phase: 'incoming' } });
    useSoftphoneStore.setState({ incoming: { key: 'c1', e164: '+8613800138000', user: '+8613800138000', name: '张伟', leadId: 'l1', company: '甲乙科技' } });
    await renderWithI18n(<IncomingCallPopup region="CN" sdr="李雷" scriptFor={() => null} onAnswered={() => undefined} onError={() => undefined} />);
    const popup = screen.getByRole('alertdialog', { name: 'Incoming call' });
    expect(popup).toHaveTextContent('From 张伟 · 138 0013 8000');
    expect(popup).toHaveTextContent('Lead: 甲乙科技');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Decline' }));
    expect(phone.decline).toHaveBeenCalledOnce();
  });

  it('shows a number sent as the display name only once', async () => {
    phoneWith({ registration: { state: 'registered' } });
    useSoftphoneStore.setState({ incoming: { key: 'c1', e164: '+8613800138000', user: '8613800138000', name: '8613800138000', leadId: null, company: null } });
    await renderWithI18n(<IncomingCallPopup region="CN" sdr="李雷" scriptFor={() => null} onAnswered={() => undefined} onError={() => undefined} />);
    const popup = screen.getByRole('alertdialog', { name: 'Incoming call' });
    expect(popup).toHaveTextContent('From 138 0013 8000');
    expect(popup).toHaveTextContent('No lead has this number — answering creates one');
  });
});

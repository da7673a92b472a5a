import { sipTarget } from '../../../shared/model/sip';
import { DialError, type Dialer } from '../call';
import { useSoftphoneStore } from './state';

/**
 * The built-in softphone (the window's one SipPhone, run by useSoftphoneService). It refuses
 * before anything is logged when it cannot place the call, so the SDR can choose "log only".
 */
export const sipDialer: Dialer = {
  via: 'sip',
  controlsAudio: true,
  reportsProgress: true,
  check: (e164) => void sipCallTarget(e164),
  dial: async (e164, progress) => {
    const { phone, target } = sipCallTarget(e164);
    await phone.call(target, progress);
  },
  hangUp: async () => {
    await useSoftphoneStore.getState().phone?.hangUp();
  },
  setMuted: async (muted) => {
    useSoftphoneStore.getState().phone?.setMuted(muted);
  },
  setHeld: async (held) => {
    await useSoftphoneStore.getState().phone?.setHeld(held);
  },
};

function sipCallTarget(e164: string) {
  const { phone, account, setup, snapshot } = useSoftphoneStore.getState();
  if (setup !== 'ready' || !phone || !account) throw new DialError('sip.notSetUp', 'The softphone is not set up');
  const { registration } = snapshot;
  if (registration.state === 'failed' && registration.reason === 'offline') throw new DialError('sip.offline', 'No network');
  if (registration.state !== 'registered') throw new DialError('sip.notRegistered', 'The softphone is not registered');
  if (snapshot.call) throw new DialError('sip.busy', 'The softphone is on another call');
  const target = sipTarget(account, e164);
  if (!target.ok) throw new DialError(target.code, `No SIP target for ${e164}`);
  return { phone, target: target.uri };
}


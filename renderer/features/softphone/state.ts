import { create } from 'zustand';
import type { SipAccount } from '../../../shared/model/sip';
import type { PhoneSnapshot, SipPhone } from './engine/sipPhone';

/** Whether the softphone can run: the dialer is 'sip', with an account and a password. */
export type SoftphoneSetup = 'notSip' | 'noAccount' | 'noPassword' | 'ready';

/** An inbound call ringing now, matched to a lead by the caller's number when one has it. */
export interface IncomingCall {
  readonly key: string;
  /** The caller's number as E.164, when the SIP user part is one. */
  readonly e164: string | null;
  readonly user: string;
  readonly name: string;
  readonly leadId: string | null;
  readonly company: string | null;
}

interface SoftphoneState {
  readonly setup: SoftphoneSetup;
  readonly account: SipAccount | null;
  readonly phone: SipPhone | null;
  readonly snapshot: PhoneSnapshot;
  readonly incoming: IncomingCall | null;
}

export const IDLE_SNAPSHOT: PhoneSnapshot = { registration: { state: 'off' }, call: null, mediaError: null };

/** The one softphone of this window; the call panel, the top bar and the screen pop read it. */
export const useSoftphoneStore = create<SoftphoneState>(() => ({
  setup: 'notSip',
  account: null,
  phone: null,
  snapshot: IDLE_SNAPSHOT,
  incoming: null,
}));

import type { SipAccount } from '../../shared/model/sip';

/** A valid softphone account on a made-up PBX: extension 8001, national numbers with outside-line prefix 9. */
export const SIP_ACCOUNT: SipAccount = {
  wsUrl: 'wss://pbx.example.com:8089/ws',
  sipUri: 'sip:8001@pbx.example.com',
  authUser: '',
  displayName: 'Li Wei',
  iceServers: [],
  targetTemplate: 'sip:{national}@pbx.example.com',
  dialPrefix: '9',
  dtmf: 'rtp',
};

import type { CallVia } from '../../../shared/model/call';
import { dialUri, type DialerSetting } from '../../../shared/model/dialer';
import type { CallSip } from '../../../shared/model/sip';

/**
 * How a call is placed. The external dialers hand the number to another program (the system's
 * phone app, a company softphone) and cannot see or steer the call, so the SDR marks it connected
 * and the audio controls stay on their phone. A built-in softphone (SIP) implements the same
 * interface and reports progress itself.
 */
export interface Dialer {
  readonly via: CallVia;
  /** True when the app itself carries the audio and can mute or hold it. */
  readonly controlsAudio: boolean;
  /** True when the dialer learns by itself that the call connected and ended. */
  readonly reportsProgress: boolean;
  /** Throws a DialError when this number cannot be dialed now, before anything is logged. */
  check(e164: string): void;
  dial(e164: string, progress: DialProgress): Promise<void>;
  hangUp(): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setHeld(held: boolean): Promise<void>;
}

/** What a dialer that reports progress tells the call log. */
export interface DialProgress {
  onConnected(at: number): void;
  onEnded(at: number, sip: CallSip): void;
}

export type DialErrorCode = 'dial.refused' | 'sip.notSetUp' | 'sip.notRegistered' | 'sip.offline' | 'sip.busy' | 'sip.target.number' | 'sip.target.template';

export class DialError extends Error {
  constructor(readonly code: DialErrorCode, message: string) {
    super(message);
    this.name = 'DialError';
  }
}

const noAudioControl = async (): Promise<void> => {
  throw new DialError('dial.refused', 'This dialer does not carry the audio');
};

/** The system handler (tel:, callto:) or a company softphone's URI template. */
function externalDialer(setting: Exclude<DialerSetting, { kind: 'logOnly' | 'sip' }>, openExternal: (url: string) => Promise<void>): Dialer {
  const uriFor = (e164: string) => {
    const uri = dialUri(setting, e164);
    if (uri === null) throw new DialError('dial.refused', `No dial link for ${e164}`);
    return uri;
  };
  return {
    via: setting.kind,
    controlsAudio: false,
    reportsProgress: false,
    check: (e164) => void uriFor(e164),
    dial: async (e164) => {
      await openExternal(uriFor(e164));
    },
    hangUp: async () => undefined,
    setMuted: noAudioControl,
    setHeld: noAudioControl,
  };
}

/** The SDR dials on a desk or mobile phone; the app only keeps the log. */
export const logOnlyDialer: Dialer = {
  via: 'logOnly',
  controlsAudio: false,
  reportsProgress: false,
  check: () => undefined,
  dial: async () => undefined,
  hangUp: async () => undefined,
  setMuted: noAudioControl,
  setHeld: noAudioControl,
};

/** `softphone` is the built-in SIP dialer (the softphone feature's), used for the 'sip' setting. */
export function createDialer(setting: DialerSetting, openExternal: (url: string) => Promise<void>, softphone: Dialer): Dialer {
  if (setting.kind === 'logOnly') return logOnlyDialer;
  if (setting.kind === 'sip') return softphone;
  return externalDialer(setting, openExternal);
}

import type { CallVia } from '../../../shared/model/call';
import { dialUri, type DialerSetting } from '../../../shared/model/dialer';

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
  dial(e164: string): Promise<void>;
  hangUp(): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setHeld(held: boolean): Promise<void>;
}

export class DialError extends Error {
  constructor(readonly code: 'dial.refused', message: string) {
    super(message);
    this.name = 'DialError';
  }
}

const noAudioControl = async (): Promise<void> => {
  throw new DialError('dial.refused', 'This dialer does not carry the audio');
};

/** The system handler (tel:, callto:) or a company softphone's URI template. */
function externalDialer(setting: Exclude<DialerSetting, { kind: 'logOnly' }>, openExternal: (url: string) => Promise<void>): Dialer {
  return {
    via: setting.kind,
    controlsAudio: false,
    dial: async (e164) => {
      const uri = dialUri(setting, e164);
      if (uri === null) throw new DialError('dial.refused', `No dial link for ${e164}`);
      await openExternal(uri);
    },
    hangUp: async () => undefined,
    setMuted: noAudioControl,
    setHeld: noAudioControl,
  };
}

/** The SDR dials on a desk or mobile phone; the app only keeps the log. */
const logOnlyDialer: Dialer = {
  via: 'logOnly',
  controlsAudio: false,
  dial: async () => undefined,
  hangUp: async () => undefined,
  setMuted: noAudioControl,
  setHeld: noAudioControl,
};

export function createDialer(setting: DialerSetting, openExternal: (url: string) => Promise<void>): Dialer {
  return setting.kind === 'logOnly' ? logOnlyDialer : externalDialer(setting, openExternal);
}

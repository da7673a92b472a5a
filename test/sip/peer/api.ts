/**
 * What the peer page (peer.ts) puts on `window.peer`: the far end of the softphone's calls — a
 * prospect or a colleague — driven from Playwright with page.evaluate. Types only, so Node-side
 * tests can import them without pulling in SIP.js.
 */

export type PeerCallState = 'idle' | 'ringing' | 'incoming' | 'established' | 'terminated';

export type PeerEventType =
  | 'connected'
  | 'disconnected'
  | 'registered'
  | 'unregistered'
  | 'register-failed'
  | 'invite-sent'
  /** A provisional response (180/183) to our INVITE. */
  | 'progress'
  | 'invite-received'
  | 'established'
  /** The first inbound RTP packet counted by getStats (polled every 20 ms during a call). */
  | 'first-audio'
  | 'info-received'
  /** Our INVITE got a final non-2xx response; `status` holds its code. */
  | 'rejected'
  | 'bye-received'
  | 'cancel-received'
  | 'terminated';

export interface PeerEvent {
  readonly type: PeerEventType;
  /** performance.now() in the page. */
  readonly at: number;
  /** Date.now() in the page, to line up with other processes. */
  readonly wall: number;
  /** For 'terminated': local-hangup | remote-hangup | cancelled | rejected | declined | failed. */
  readonly cause?: string;
  /** SIP status code: 'rejected', 'register-failed', 'progress'. */
  readonly status?: number;
  /** Free text: the DTMF digit of 'info-received', a reason phrase, an error message. */
  readonly detail?: string;
}

export interface PeerRegisterOptions {
  readonly wsUrl: string;
  readonly user: string;
  readonly password: string;
  readonly domain: string;
  readonly displayName?: string;
  /** Granted expiry is the registrar's business; this is what the REGISTER asks for (default 600). */
  readonly expires?: number;
  /** Log every SIP message to the page console (and to logs()). */
  readonly traceSip?: boolean;
}

export interface PeerStats {
  readonly packetsSent: number;
  readonly packetsReceived: number;
  /** inbound-rtp audioLevel (0..1), when Chromium reports it. */
  readonly audioLevel?: number;
  /** inbound-rtp totalAudioEnergy: grows while the other side is heard, stays put while it sends silence (muted). */
  readonly audioEnergy: number;
}

export interface PeerIncoming {
  /** The caller's URI, e.g. "sip:alice@sdr.test". */
  readonly from: string;
  readonly displayName: string;
}

export interface PeerApi {
  /** Connects and registers; resolves once registered, rejects on 401/403/timeout. Re-registers by itself after the WebSocket drops (e.g. a Kamailio restart). */
  register(options: PeerRegisterOptions): Promise<void>;
  /** Unregisters and disconnects, no reconnection. */
  unregister(): Promise<void>;
  registered(): boolean;
  /** Sends an INVITE to a SIP URI ("sip:bob@sdr.test"); resolves when sent. */
  call(targetUri: string): Promise<void>;
  answer(): Promise<void>;
  /** Rejects the ringing incoming call: 603 Decline by default, 486 Busy Here, etc. */
  decline(status?: number): Promise<void>;
  /** BYE when established, CANCEL while our INVITE rings, 480 for an unanswered incoming call. */
  hangUp(): Promise<void>;
  state(): PeerCallState;
  lastIncoming(): PeerIncoming | null;
  stats(): Promise<PeerStats>;
  /** DTMF over SIP INFO (application/dtmf-relay), one INFO per digit. */
  sendDtmf(digits: string): Promise<void>;
  /** Digits received over SIP INFO, in order. */
  infoReceived(): string[];
  events(): PeerEvent[];
  /** Resolves with the first event of this type recorded after `since` (performance.now(), default 0). */
  waitForEvent(type: PeerEventType, timeoutMs?: number, since?: number): Promise<PeerEvent>;
  /** Clears events, received digits and the last incoming call (not the registration). */
  reset(): void;
  /** SIP.js log lines and, with traceSip, the SIP messages (the last 2,000). */
  logs(): string[];
}

declare global {
  interface Window {
    peer: PeerApi;
  }
}

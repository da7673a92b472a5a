import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  RequestPendingError,
  SessionState,
  UserAgent,
  Web,
  type Core,
  type Session,
} from 'sip.js';
import { outcomeForStatus, parseSipUri, type CallSip, type DtmfMode, type SipAccount } from '../../../../shared/model/sip';
import { backoffDelay } from './backoff';
import { QualityTracker, sampleFromStats } from './quality';

export type RegistrationFailure = 'auth' | 'unreachable' | 'rejected' | 'offline' | 'config';

export type Registration =
  | { readonly state: 'off' }
  | { readonly state: 'connecting' }
  | { readonly state: 'registered' }
  | { readonly state: 'failed'; readonly reason: RegistrationFailure; readonly detail: string; readonly retryAt: number | null };

export type CallPhase = 'ringing' | 'incoming' | 'established';

export interface LiveCall {
  readonly key: string;
  readonly phase: CallPhase;
  readonly held: boolean;
  readonly muted: boolean;
  readonly poorQuality: boolean;
  readonly localStream: MediaStream | null;
}

export interface PhoneSnapshot {
  readonly registration: Registration;
  readonly call: LiveCall | null;
  /** The last getUserMedia failure; cleared by the next call that gets the microphone. */
  readonly mediaError: unknown;
}

/** How the call flow hears about a call the phone carries. */
export interface CallHooks {
  onConnected(at: number): void;
  onEnded(at: number, sip: CallSip): void;
}

export interface SipPhoneConfig {
  readonly account: SipAccount;
  readonly password: string;
  readonly audioConstraints: () => MediaTrackConstraints;
  /** Where the other party is heard. */
  readonly remoteAudio: HTMLAudioElement;
  readonly onChange: (snapshot: PhoneSnapshot) => void;
  readonly onIncoming: (caller: { readonly user: string; readonly name: string }) => void;
  readonly now?: () => number;
}

interface Active {
  readonly key: string;
  readonly session: Session;
  phase: CallPhase;
  held: boolean;
  muted: boolean;
  hooks: CallHooks | null;
  finalStatus: number | null;
  finalReason: string;
  connected: boolean;
  /** Why the call ended when it was not the SIP exchange that said so. */
  localReason: string | null;
  readonly quality: QualityTracker;
  poor: boolean;
  statsTimer: ReturnType<typeof setInterval> | null;
}

const STATS_INTERVAL_MS = 1_000;
/** While the browser says it is offline: look for the PBX this often anyway. */
const OFFLINE_RECHECK_MS = 30_000;

/**
 * The softphone: one SIP.js user agent over WebSocket, its registration, and at most one call at
 * a time (an SDR is on one call; a second caller hears busy). Failures never throw at the UI: they
 * show in the registration state or end the call with an outcome the call log keeps.
 */
export class SipPhone {
  private readonly ua: UserAgent;
  private readonly registerer: Registerer;
  private registration: Registration = { state: 'off' };
  private active: Active | null = null;
  private mediaError: unknown = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private online = true;
  private keys = 0;
  private readonly now: () => number;

  constructor(private readonly config: SipPhoneConfig) {
    this.now = config.now ?? Date.now;
    const { account } = config;
    const uri = UserAgent.makeURI(account.sipUri.trim());
    const user = parseSipUri(account.sipUri);
    if (!uri || !user) throw new Error('sip.uri.invalid');
    this.ua = new UserAgent({
      uri,
      displayName: account.displayName || undefined,
      authorizationUsername: account.authUser || user.user,
      authorizationPassword: config.password,
      transportOptions: { server: account.wsUrl.trim(), connectionTimeout: 5, keepAliveInterval: 25 },
      // Reconnection is ours: SIP.js's fixed delay would hammer a PBX that refuses us.
      reconnectionAttempts: 0,
      logBuiltinEnabled: false,
      logLevel: 'error',
      // getUserMedia through our hands: SIP.js ends the session on a refused microphone without
      // saying why, and the SDR must be told how to allow it.
      sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory((constraints) => this.microphone(constraints)),
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: account.iceServers.map((s) => ({ ...s })) },
        // Host candidates are there in milliseconds; a TURN server gets this long, not SIP.js's 5 s.
        iceGatheringTimeout: 1_000,
      },
      delegate: {
        onConnect: () => this.register(),
        onDisconnect: (error) => this.connectionLost(error),
        onInvite: (invitation) => this.incoming(invitation),
      },
    });
    this.registerer = new Registerer(this.ua, { expires: 300 });
    this.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) {
        this.attempt = 0;
        this.setRegistration({ state: 'registered' });
      } else if (state === RegistererState.Unregistered && this.registration.state === 'registered' && !this.stopped) {
        // The registration lapsed (a refresh was refused or timed out) while still connected.
        this.scheduleRetry('rejected', 'registration expired');
      }
    });
  }

  snapshot(): PhoneSnapshot {
    const a = this.active;
    return {
      registration: this.registration,
      mediaError: this.mediaError,
      call: a && {
        key: a.key,
        phase: a.phase,
        held: a.held,
        muted: a.muted,
        poorQuality: a.poor,
        localStream: this.sdh(a.session)?.localMediaStream ?? null,
      },
    };
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Unregisters and closes the connection; a call in progress is hung up first. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    if (this.active) await this.hangUp().catch(() => undefined);
    if (this.registerer.state === RegistererState.Registered) await this.registerer.unregister().catch(() => undefined);
    await this.ua.stop().catch(() => undefined);
    this.setRegistration({ state: 'off' });
  }

  /** "Try again" after a wrong password was fixed on the server, or at once after a backoff. */
  retryNow(): void {
    this.attempt = 0;
    this.clearRetry();
    if (this.online && !this.stopped) this.connect();
  }

  /**
   * The browser's 'online'/'offline' events. Going offline drops the registration and says so;
   * coming back retries at once. navigator.onLine alone is not trusted (it reads false on hosts
   * with only loopback or some VPNs while the PBX is reachable), so a slow recheck keeps trying.
   */
  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (this.stopped) return;
    if (online) return this.retryNow();
    // A live call keeps going as long as its connection does; losing it ends the call.
    if (this.active) return;
    this.scheduleRetry('offline', '');
    void this.ua.transport.disconnect().catch(() => undefined);
  }

  async call(target: string, hooks: CallHooks): Promise<void> {
    if (this.active) throw new Error('busy');
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error('sip.target.template');
    const inviter = new Inviter(this.ua, uri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: this.config.audioConstraints(), video: false } },
    });
    const active = this.track(inviter, 'ringing');
    active.hooks = hooks;
    try {
      await inviter.invite({
        requestDelegate: {
          onReject: (response) => this.rejected(active, response),
        },
      });
    } catch (error) {
      // The microphone was refused or the request could not be sent: the call ends before it began.
      this.endLocally(error instanceof Error ? error.message : String(error));
    }
  }

  /** Answers the ringing inbound call; `hooks` learn when it ends. */
  async answer(hooks: CallHooks): Promise<void> {
    const a = this.active;
    if (!a || !(a.session instanceof Invitation) || a.phase !== 'incoming') return;
    a.hooks = hooks;
    try {
      await a.session.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: this.config.audioConstraints(), video: false } } });
    } catch (error) {
      // Tell the caller we could not take it rather than leave them ringing.
      if (a.session.state === SessionState.Initial || a.session.state === SessionState.Establishing) await a.session.reject({ statusCode: 480 }).catch(() => undefined);
      this.endLocally(error instanceof Error ? error.message : String(error));
    }
  }

  async decline(): Promise<void> {
    const a = this.active;
    if (!a || !(a.session instanceof Invitation) || a.phase !== 'incoming') return;
    await a.session.reject({ statusCode: 603 });
  }

  /** Cancel while ringing, decline an incoming call, or hang up an established one. */
  async hangUp(): Promise<void> {
    const a = this.active;
    if (!a) return;
    const { session } = a;
    try {
      if (session.state === SessionState.Established) await session.bye();
      else if (session instanceof Inviter && (session.state === SessionState.Initial || session.state === SessionState.Establishing)) await session.cancel();
      else if (session instanceof Invitation && (session.state === SessionState.Initial || session.state === SessionState.Establishing)) await session.reject({ statusCode: 603 });
    } catch {
      // The request could not be sent (connection gone): end it here, the PBX times it out.
      this.endLocally('hung up without a connection');
    }
  }

  setMuted(muted: boolean): void {
    const a = this.active;
    if (!a || a.phase !== 'established') return;
    a.muted = muted;
    this.sdh(a.session)?.enableSenderTracks(!a.held && !a.muted);
    this.emit();
  }

  /** Hold by re-INVITE (sendonly SDP), so the PBX plays its music and the line stays billed as one call. */
  async setHeld(held: boolean): Promise<void> {
    const a = this.active;
    if (!a || a.phase !== 'established' || a.held === held) return;
    const { session } = a;
    const options: Web.SessionDescriptionHandlerOptions = { ...session.sessionDescriptionHandlerOptionsReInvite, hold: held };
    session.sessionDescriptionHandlerOptionsReInvite = options;
    await new Promise<void>((resolve, reject) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => {
              a.held = held;
              this.sdh(session)?.enableReceiverTracks(!held);
              this.sdh(session)?.enableSenderTracks(!held && !a.muted);
              this.emit();
              resolve();
            },
            onReject: (response) => reject(new Error(`hold refused: ${response.message.statusCode} ${response.message.reasonPhrase}`)),
          },
        })
        .catch((error: unknown) => reject(error instanceof RequestPendingError ? new Error('hold already in progress') : error));
    });
  }

  /** DTMF for IVRs: RTP telephone-events (RFC 4733) or SIP INFO, as the PBX wants. */
  async sendDtmf(tone: string, mode: DtmfMode = this.config.account.dtmf): Promise<void> {
    const a = this.active;
    if (!a || a.phase !== 'established' || !/^[0-9A-D#*]$/.test(tone)) return;
    if (mode === 'rtp') {
      if (!this.sdh(a.session)?.sendDtmf(tone, { duration: 160, interToneGap: 70 })) throw new Error('DTMF could not be sent');
      return;
    }
    await a.session.info({ requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160` } } });
  }

  /** Blind transfer (REFER): once the PBX accepts it, our leg ends and the call is logged as ours up to then. */
  async transfer(target: string): Promise<void> {
    const a = this.active;
    if (!a || a.phase !== 'established') throw new Error('no call to transfer');
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error('sip.target.template');
    await new Promise<void>((resolve, reject) => {
      a.session
        .refer(uri, {
          requestDelegate: {
            onAccept: () => {
              a.localReason = 'transferred';
              void a.session.bye().catch(() => this.endLocally('transferred'));
              resolve();
            },
            onReject: (response) => reject(new Error(`${response.message.statusCode} ${response.message.reasonPhrase}`)),
          },
        })
        .catch(reject);
    });
  }

  // ------------------------------------------------------------------------------------------
  // Registration

  private connect(): void {
    this.clearRetry();
    this.setRegistration({ state: 'connecting' });
    const start = this.ua.isConnected() ? Promise.resolve(this.register()) : this.ua.state === 'Started' ? this.ua.reconnect() : this.ua.start();
    start.catch((error: unknown) => this.scheduleRetry('unreachable', error instanceof Error ? error.message : String(error)));
  }

  private register(): void {
    if (this.stopped) return;
    this.setRegistration({ state: 'connecting' });
    this.registerer
      .register({
        requestDelegate: {
          // Not only the state change: after a reconnection the registerer may still think it is
          // registered, and then no change is announced.
          onAccept: () => {
            this.attempt = 0;
            this.setRegistration({ state: 'registered' });
          },
          onReject: (response) => {
            const { statusCode, reasonPhrase } = response.message;
            // SIP.js answers the first 401/407 challenge itself; one reaching us means the
            // credentials were refused. Retrying would only lock the account on many PBXs.
            if (statusCode === 401 || statusCode === 403 || statusCode === 407) this.fail('auth', `${statusCode} ${reasonPhrase}`);
            else this.scheduleRetry('rejected', `${statusCode} ${reasonPhrase}`);
          },
        },
      })
      .catch((error: unknown) => this.scheduleRetry('unreachable', error instanceof Error ? error.message : String(error)));
  }

  private connectionLost(error?: Error): void {
    if (this.stopped) return;
    // A call whose signalling path is gone cannot be held, transferred or hung up at the far
    // end any more: end it here so the SDR can wrap up, rather than keep a call they cannot control.
    if (this.active) this.endLocally('connection to the PBX lost');
    if (this.registration.state === 'failed' && (this.registration.reason === 'auth' || this.registration.reason === 'offline')) return;
    this.scheduleRetry('unreachable', error?.message ?? 'connection closed');
  }

  private fail(reason: RegistrationFailure, detail: string): void {
    this.clearRetry();
    this.setRegistration({ state: 'failed', reason, detail, retryAt: null });
  }

  private scheduleRetry(reason: RegistrationFailure, detail: string): void {
    if (this.stopped) return;
    this.clearRetry();
    const delay = this.online ? backoffDelay(this.attempt) : OFFLINE_RECHECK_MS;
    if (this.online) this.attempt += 1;
    this.setRegistration(this.online ? { state: 'failed', reason, detail, retryAt: this.now() + delay } : { state: 'failed', reason: 'offline', detail: '', retryAt: null });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setRegistration(next: Registration): void {
    this.registration = next;
    this.emit();
  }

  // ------------------------------------------------------------------------------------------
  // Calls

  private incoming(invitation: Invitation): void {
    if (this.active) {
      // One call at a time: the second caller hears busy (the PBX may forward to voicemail).
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      return;
    }
    const identity = invitation.remoteIdentity;
    const user = identity.uri.user ?? '';
    const name = identity.displayName ?? '';
    this.track(invitation, 'incoming');
    this.config.onIncoming({ user, name });
  }

  private track(session: Session, phase: CallPhase): Active {
    this.keys += 1;
    const active: Active = {
      key: `c${this.keys}`,
      session,
      phase,
      held: false,
      muted: false,
      hooks: null,
      finalStatus: null,
      finalReason: '',
      connected: false,
      localReason: null,
      quality: new QualityTracker(),
      poor: false,
      statsTimer: null,
    };
    this.active = active;
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.established(active);
      // SIP.js moves to Terminated before it hands the final response to the request delegate,
      // so the status that says why (486, 603, 404…) is only known a moment later.
      if (state === SessionState.Terminated) queueMicrotask(() => this.finish(active));
    });
    this.emit();
    return active;
  }

  private established(a: Active): void {
    if (this.active !== a) return;
    a.phase = 'established';
    a.connected = true;
    this.playRemote(a.session);
    a.hooks?.onConnected(this.now());
    a.statsTimer = setInterval(() => void this.sampleQuality(a), STATS_INTERVAL_MS);
    this.emit();
  }

  private async sampleQuality(a: Active): Promise<void> {
    const pc = this.sdh(a.session)?.peerConnection;
    if (!pc || a.held) return;
    const sample = sampleFromStats(await pc.getStats(), this.now());
    if (!sample) return;
    a.quality.add(sample);
    const poor = a.quality.poorNow();
    if (poor !== a.poor) {
      a.poor = poor;
      this.emit();
    }
  }

  private rejected(a: Active, response: Core.IncomingResponse): void {
    a.finalStatus = response.message.statusCode ?? null;
    a.finalReason = response.message.reasonPhrase ?? '';
  }

  /** Ends the call on this side only (no SIP exchange possible or needed). */
  private endLocally(reason: string): void {
    const a = this.active;
    if (!a) return;
    a.localReason = a.localReason ?? reason;
    const { session } = a;
    if (session.state !== SessionState.Terminated) session.dispose().catch(() => undefined);
    // dispose() moves the session to Terminated, which calls finish(); make sure either way.
    this.finish(a);
  }

  private finish(a: Active): void {
    if (this.active !== a) return;
    this.active = null;
    if (a.statsTimer !== null) clearInterval(a.statsTimer);
    this.config.remoteAudio.srcObject = null;
    const sip: CallSip = {
      // No final status and no local failure: canceled while ringing, so nobody answered.
      outcome: a.connected ? 'answered' : a.finalStatus !== null ? outcomeForStatus(a.finalStatus) : a.localReason === null ? 'noAnswer' : 'failed',
      status: a.connected ? 200 : a.finalStatus,
      reason: (a.localReason ?? a.finalReason).slice(0, 200),
      quality: a.quality.summary(),
    };
    a.hooks?.onEnded(this.now(), sip);
    this.emit();
  }

  private async microphone(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (typeof navigator === 'undefined' || navigator.mediaDevices === undefined) {
      const error = new DOMException('Media devices are available only on https or localhost', 'SecurityError');
      this.mediaFailure(error);
      throw error;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      if (this.mediaError !== null) {
        this.mediaError = null;
        this.emit();
      }
      return stream;
    } catch (error) {
      this.mediaFailure(error);
      throw error;
    }
  }

  /** The call that asked for the microphone ends as failed, and the reason stays shown. */
  private mediaFailure(error: unknown): void {
    this.mediaError = error;
    if (this.active && !this.active.connected) this.active.localReason = `microphone: ${error instanceof Error ? error.name : String(error)}`;
    this.emit();
  }

  private playRemote(session: Session): void {
    const stream = this.sdh(session)?.remoteMediaStream;
    if (!stream) return;
    const audio = this.config.remoteAudio;
    audio.autoplay = true;
    audio.srcObject = stream;
    audio.play().catch(() => undefined);
  }

  private sdh(session: Session): Web.SessionDescriptionHandler | null {
    const handler = session.sessionDescriptionHandler;
    return handler instanceof Web.SessionDescriptionHandler ? handler : null;
  }

  private emit(): void {
    this.config.onChange(this.snapshot());
  }
}

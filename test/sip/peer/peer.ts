/**
 * The far end of the softphone's calls: a bare SIP.js user agent in a Chromium page, bundled by
 * server.ts at test time and driven through `window.peer` (see api.ts).
 */
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, Web, type Session } from 'sip.js';
import type { PeerApi, PeerCallState, PeerEvent, PeerEventType, PeerIncoming, PeerRegisterOptions, PeerStats } from './api';

const AUDIO_ONLY = { constraints: { audio: true, video: false } };
const STATS_POLL_MS = 20;
const RECONNECT_DELAY_MS = 500;
const REGISTER_TIMEOUT_MS = 10_000;
const MAX_LOG_LINES = 2_000;

let events: PeerEvent[] = [];
let digits: string[] = [];
const logLines: string[] = [];
let waiters: Array<{ type: PeerEventType; since: number; resolve: (event: PeerEvent) => void }> = [];

let ua: UserAgent | null = null;
let registerer: Registerer | null = null;
let wantRegistered = false;
let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

let session: Session | null = null;
let callState: PeerCallState = 'idle';
let incoming: PeerIncoming | null = null;
let endCause = 'failed';
let lastStats: PeerStats = { packetsSent: 0, packetsReceived: 0, audioEnergy: 0 };
let heardAudio = false;
let pollTimer: ReturnType<typeof setInterval> | null = null;

function record(type: PeerEventType, extra: { cause?: string; status?: number; detail?: string } = {}): PeerEvent {
  const event: PeerEvent = { type, at: performance.now(), wall: Date.now(), ...extra };
  events.push(event);
  const [matched, pending] = partition(waiters, (w) => w.type === type && event.at >= w.since);
  waiters = pending;
  for (const waiter of matched) waiter.resolve(event);
  return event;
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

function log(line: string): void {
  logLines.push(`${new Date().toISOString()} ${line}`);
  if (logLines.length > MAX_LOG_LINES) logLines.splice(0, logLines.length - MAX_LOG_LINES);
}

function audioElement(): HTMLAudioElement {
  const existing = document.getElementById('remote');
  if (existing instanceof HTMLAudioElement) return existing;
  const audio = document.createElement('audio');
  audio.id = 'remote';
  audio.autoplay = true;
  document.body.append(audio);
  return audio;
}

function peerConnection(target: Session | null): RTCPeerConnection | undefined {
  const handler = target?.sessionDescriptionHandler;
  return handler instanceof Web.SessionDescriptionHandler ? handler.peerConnection : undefined;
}

interface RtpStats {
  type: string;
  kind?: string;
  packetsSent?: number;
  packetsReceived?: number;
  audioLevel?: number;
  totalAudioEnergy?: number;
}

async function readStats(target: Session | null): Promise<PeerStats> {
  const pc = peerConnection(target);
  if (!pc || pc.connectionState === 'closed') return lastStats;
  const report = await pc.getStats();
  let packetsSent = 0;
  let packetsReceived = 0;
  let audioLevel: number | undefined;
  let audioEnergy = 0;
  report.forEach((value: RtpStats) => {
    if (value.kind !== 'audio') return;
    if (value.type === 'outbound-rtp') packetsSent += value.packetsSent ?? 0;
    if (value.type === 'inbound-rtp') {
      packetsReceived += value.packetsReceived ?? 0;
      if (value.audioLevel !== undefined) audioLevel = value.audioLevel;
      audioEnergy += value.totalAudioEnergy ?? 0;
    }
  });
  lastStats = audioLevel === undefined ? { packetsSent, packetsReceived, audioEnergy } : { packetsSent, packetsReceived, audioLevel, audioEnergy };
  return lastStats;
}

// The bench wants "first audio" to the poll interval, so getStats runs on a timer for the whole call
// rather than only when asked.
function startPolling(target: Session): void {
  stopPolling();
  let busy = false;
  pollTimer = setInterval(() => {
    if (busy || session !== target) return;
    busy = true;
    readStats(target)
      .then((stats) => {
        if (!heardAudio && stats.packetsReceived > 0) {
          heardAudio = true;
          record('first-audio');
        }
      })
      .catch((error: unknown) => log(`getStats failed: ${String(error)}`))
      .finally(() => {
        busy = false;
      });
  }, STATS_POLL_MS);
}

function stopPolling(): void {
  if (pollTimer !== null) clearInterval(pollTimer);
  pollTimer = null;
}

function playRemoteAudio(target: Session): void {
  const handler = target.sessionDescriptionHandler;
  if (!(handler instanceof Web.SessionDescriptionHandler)) return;
  const audio = audioElement();
  audio.srcObject = handler.remoteMediaStream;
  audio.play().catch((error: unknown) => log(`audio.play failed: ${String(error)}`));
}

function adopt(target: Session): void {
  session = target;
  heardAudio = false;
  endCause = 'failed';
  lastStats = { packetsSent: 0, packetsReceived: 0, audioEnergy: 0 };
  target.delegate = {
    onBye: (bye) => {
      endCause = 'remote-hangup';
      record('bye-received');
      bye.accept().catch((error: unknown) => log(`BYE accept failed: ${String(error)}`));
    },
    onCancel: () => {
      endCause = 'cancelled';
      record('cancel-received');
    },
    onInfo: (info) => {
      const contentType = info.request.getHeader('content-type') ?? '';
      const signal = /^\s*Signal\s*=\s*(\S)/im.exec(info.request.body ?? '');
      if (/application\/dtmf-relay/i.test(contentType) && signal) {
        digits.push(signal[1]!);
        record('info-received', { detail: signal[1]! });
      }
      info.accept().catch((error: unknown) => log(`INFO accept failed: ${String(error)}`));
    },
  };
  target.stateChange.addListener((state) => {
    if (session !== target) return;
    if (state === SessionState.Established) {
      callState = 'established';
      record('established');
      playRemoteAudio(target);
    } else if (state === SessionState.Terminated) {
      callState = 'terminated';
      // One last read so stats() after the call still tells what flowed.
      readStats(target)
        .catch(() => lastStats)
        .finally(stopPolling);
      record('terminated', { cause: endCause });
    }
  });
  startPolling(target);
}

function inCall(): boolean {
  return callState === 'ringing' || callState === 'incoming' || callState === 'established';
}

function onInvite(invitation: Invitation): void {
  if (inCall()) {
    invitation.reject({ statusCode: 486 }).catch((error: unknown) => log(`486 failed: ${String(error)}`));
    return;
  }
  incoming = {
    from: invitation.remoteIdentity.uri.toString(),
    displayName: invitation.remoteIdentity.displayName ?? '',
  };
  callState = 'incoming';
  adopt(invitation);
  record('invite-received', { detail: incoming.from });
}

function sendRegister(): Promise<void> {
  const current = registerer;
  if (!current) return Promise.reject(new Error('not started'));
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to REGISTER within ${REGISTER_TIMEOUT_MS} ms`)), REGISTER_TIMEOUT_MS);
    current
      .register({
        requestDelegate: {
          onAccept: () => {
            clearTimeout(timer);
            resolve();
          },
          onReject: (response) => {
            clearTimeout(timer);
            const { statusCode, reasonPhrase } = response.message;
            record('register-failed', { status: statusCode, detail: reasonPhrase });
            reject(new Error(`REGISTER rejected: ${statusCode} ${reasonPhrase}`));
          },
        },
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
  });
}

// SIP.js 0.21 deprecated its own reconnection; the peer reconnects and re-registers like an app
// would after the PBX restarts, every half second until it works.
function scheduleReconnect(): void {
  if (reconnectTimer !== null || !wantRegistered) return;
  reconnectTimer = setTimeout(() => {
    reconnectTimer = null;
    const agent = ua;
    if (!agent || !wantRegistered) return;
    agent
      .reconnect()
      .then(() => sendRegister())
      .catch((error: unknown) => {
        log(`reconnect failed: ${String(error)}`);
        scheduleReconnect();
      });
  }, RECONNECT_DELAY_MS);
}

async function teardown(): Promise<void> {
  wantRegistered = false;
  if (reconnectTimer !== null) clearTimeout(reconnectTimer);
  reconnectTimer = null;
  const agent = ua;
  ua = null;
  registerer = null;
  if (agent) {
    await Promise.race([agent.stop(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
}

const api: PeerApi = {
  async register(options: PeerRegisterOptions) {
    await teardown();
    const uri = UserAgent.makeURI(`sip:${options.user}@${options.domain}`);
    if (!uri) throw new Error(`bad user/domain: ${options.user}@${options.domain}`);
    const agent = new UserAgent({
      uri,
      displayName: options.displayName ?? options.user,
      authorizationUsername: options.user,
      authorizationPassword: options.password,
      transportOptions: { server: options.wsUrl, traceSip: options.traceSip ?? false },
      logBuiltinEnabled: options.traceSip ?? false,
      logLevel: options.traceSip ? 'log' : 'warn',
      logConnector: (level, category, label, content) => log(`${level} ${category}${label ? ` ${label}` : ''}: ${content}`),
      userAgentString: 'SDR Desk test peer',
      // SIP.js would ask Google's STUN server; on loopback host candidates are all there is.
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 1_000 },
      delegate: {
        onInvite,
        onConnect: () => record('connected'),
        onDisconnect: (error) => {
          record('disconnected', error ? { detail: error.message } : {});
          if (error && ua === agent) scheduleReconnect();
        },
      },
    });
    const agentRegisterer = new Registerer(agent, { expires: options.expires ?? 600 });
    agentRegisterer.stateChange.addListener((state) => {
      if (registerer !== agentRegisterer) return;
      if (state === RegistererState.Registered) record('registered');
      if (state === RegistererState.Unregistered) record('unregistered');
    });
    ua = agent;
    registerer = agentRegisterer;
    wantRegistered = true;
    try {
      await agent.start();
      await sendRegister();
    } catch (error) {
      await teardown();
      throw error;
    }
  },

  async unregister() {
    await teardown();
  },

  registered() {
    return registerer?.state === RegistererState.Registered;
  },

  async call(targetUri: string) {
    if (!ua) throw new Error('register first');
    if (inCall()) throw new Error(`already in a call (${callState})`);
    const target = UserAgent.makeURI(targetUri);
    if (!target) throw new Error(`not a SIP URI: ${targetUri}`);
    const inviter = new Inviter(ua, target, { sessionDescriptionHandlerOptions: AUDIO_ONLY });
    incoming = null;
    callState = 'ringing';
    adopt(inviter);
    await inviter.invite({
      requestDelegate: {
        onProgress: (response) => {
          const { statusCode, reasonPhrase } = response.message;
          if ((statusCode ?? 0) > 100) record('progress', { status: statusCode, detail: reasonPhrase });
        },
        onReject: (response) => {
          const { statusCode, reasonPhrase } = response.message;
          endCause = 'rejected';
          record('rejected', { status: statusCode, detail: reasonPhrase });
        },
      },
    });
    record('invite-sent', { detail: targetUri });
  },

  async answer() {
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) throw new Error(`no call to answer (${callState})`);
    await session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
  },

  async decline(status = 603) {
    if (!(session instanceof Invitation) || session.state !== SessionState.Initial) throw new Error(`no call to decline (${callState})`);
    endCause = 'declined';
    await session.reject({ statusCode: status });
  },

  async hangUp() {
    const current = session;
    if (!current) return;
    if (current.state === SessionState.Established) {
      endCause = 'local-hangup';
      await current.bye();
    } else if (current instanceof Inviter && (current.state === SessionState.Initial || current.state === SessionState.Establishing)) {
      endCause = 'cancelled';
      await current.cancel();
    } else if (current instanceof Invitation && current.state === SessionState.Initial) {
      endCause = 'declined';
      await current.reject({ statusCode: 480 });
    }
  },

  state: () => callState,
  lastIncoming: () => incoming,
  stats: () => readStats(session),

  async sendDtmf(tones: string) {
    const current = session;
    if (!current || current.state !== SessionState.Established) throw new Error(`no established call (${callState})`);
    for (const tone of tones) {
      if (!/^[0-9A-D*#]$/i.test(tone)) throw new Error(`not a DTMF tone: ${tone}`);
      await current.info({
        requestOptions: {
          body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=100` },
        },
      });
    }
  },

  infoReceived: () => [...digits],
  events: () => [...events],

  waitForEvent(type: PeerEventType, timeoutMs = 10_000, since = 0) {
    const seen = events.find((e) => e.type === type && e.at >= since);
    if (seen) return Promise.resolve(seen);
    return new Promise<PeerEvent>((resolve, reject) => {
      const waiter = {
        type,
        since,
        resolve: (event: PeerEvent) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        reject(new Error(`no '${type}' event within ${timeoutMs} ms; events: ${events.map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  },

  reset() {
    events = [];
    digits = [];
    incoming = null;
    if (!inCall()) callState = 'idle';
  },

  logs: () => [...logLines],
};

window.peer = api;

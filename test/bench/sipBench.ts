/**
 * The softphone's call timings against a bare SIP.js page, both through the same Kamailio on
 * loopback, in one run (BENCHMARKS.md's peer). Must run inside test/sip/in-netns.sh, as run.ts
 * does: `bash test/sip/in-netns.sh npx tsx test/bench/sipBench.ts` (after npm run build:renderer).
 * Median over CALLS calls after one warm-up call each; prints figures, never fails on a timing.
 */
import type { Page } from 'playwright-core';
import { domain } from '../sip/kamailio';
import type { PeerHandle } from '../sip/peer/handle';
import { configureSoftphone } from '../e2e/softphone/configure';
import { SDR_USER, callBar, openCallableLead, openDesk, openPeerPhone, softphoneStatus, startRig, userFor, wrapUp } from '../e2e/softphone/desk';

const CALLS = Number(process.env['BENCH_SIP_CALLS'] ?? 10);

interface CallTimes {
  readonly established: number;
  readonly firstAudio: number;
  readonly hangUp: number;
}

// Keeps every RTCPeerConnection the app makes, so the bench can read the SDR's inbound audio.
const TRACK_PEER_CONNECTIONS = `(() => {
  const Original = window.RTCPeerConnection;
  const made = [];
  window.__peerConnections = made;
  window.RTCPeerConnection = class extends Original { constructor(...args) { super(...args); made.push(this); } };
})()`;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall-clock time at which the newest peer connection of the app received its first audio packet. */
function appFirstAudio(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __peerConnections: RTCPeerConnection[] };
        const known = w.__peerConnections.length;
        const started = Date.now();
        const poll = async () => {
          const pc = w.__peerConnections.length > known ? w.__peerConnections.at(-1) : undefined;
          if (pc) {
            let packets = 0;
            (await pc.getStats()).forEach((s: { type: string; kind?: string; packetsReceived?: number }) => {
              if (s.type === 'inbound-rtp' && s.kind === 'audio') packets += s.packetsReceived ?? 0;
            });
            if (packets > 0) return resolve(Date.now());
          }
          if (Date.now() - started > 20_000) return reject(new Error('no audio reached the app'));
          setTimeout(() => void poll(), 5);
        };
        void poll();
      }),
  );
}

async function answerWhenRung(peer: PeerHandle): Promise<void> {
  await peer.waitForEvent('invite-received', 15_000);
  await peer.answer();
}

async function appCall(page: Page, prospect: PeerHandle): Promise<CallTimes> {
  await prospect.reset();
  const audio = appFirstAudio(page);
  const answered = answerWhenRung(prospect);
  const button = await callBar(page).getByRole('button', { name: 'Call', exact: true }).elementHandle();
  const t0 = await page.evaluate((b) => {
    const t = Date.now();
    (b as HTMLButtonElement).click();
    return t;
  }, button);
  // What the SDR sees: the call panel says Connected.
  const connected = await page.waitForFunction(() => [...document.querySelectorAll('.call-state')].some((e) => e.textContent === 'Connected') && Date.now(), undefined, { polling: 'raf', timeout: 20_000 });
  const established = ((await connected.jsonValue()) as number) - t0;
  await answered;
  const theirs = (await prospect.waitForEvent('first-audio', 20_000)).wall;
  const firstAudio = Math.max(await audio, theirs) - t0;

  const hangUp = await callBar(page).getByRole('button', { name: 'Hang up' }).elementHandle();
  const t1 = await page.evaluate((b) => {
    const t = Date.now();
    (b as HTMLButtonElement).click();
    return t;
  }, hangUp);
  const seen = (await prospect.waitForEvent('terminated', 10_000)).wall - t1;
  await wrapUp(page).getByRole('radio', { name: 'Connected – conversation held' }).check();
  await wrapUp(page).getByRole('button', { name: 'Save call' }).click();
  await wrapUp(page).waitFor({ state: 'detached' });
  return { established, firstAudio, hangUp: seen };
}

async function bareCall(caller: PeerHandle, callee: PeerHandle, calleeUser: string): Promise<CallTimes> {
  await caller.reset();
  await callee.reset();
  const answered = answerWhenRung(callee);
  const t0 = Date.now();
  await caller.call(`sip:${calleeUser}@${domain}`);
  const established = (await caller.waitForEvent('established', 20_000)).wall - t0;
  await answered;
  const firstAudio = Math.max((await caller.waitForEvent('first-audio', 20_000)).wall, (await callee.waitForEvent('first-audio', 20_000)).wall) - t0;
  const t1 = Date.now();
  await caller.hangUp();
  const hangUp = (await callee.waitForEvent('terminated', 10_000)).wall - t1;
  return { established, firstAudio, hangUp };
}

export async function runSipBench(): Promise<void> {
  const rig = await startRig();
  try {
    const { page } = await openDesk(rig, 'en-US', { width: 1366, height: 768 }, TRACK_PEER_CONNECTIONS);
    await configureSoftphone(page, { wsUrl: rig.kamailio.wsUrl, sipUri: `sip:${SDR_USER}@${domain}`, template: `sip:{digits}@${domain}`, dtmf: 'rtp' });
    await softphoneStatus(page).getByText('Softphone ready').waitFor({ timeout: 15_000 });
    const lead = await openCallableLead(page);
    const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));
    const caller = await openPeerPhone(rig, 'bench-a');
    const callee = await openPeerPhone(rig, 'bench-b');

    const ours: CallTimes[] = [];
    const bare: CallTimes[] = [];
    await appCall(page, prospect);
    await bareCall(caller, callee, 'bench-b');
    // Interleaved, so a busy moment of the machine falls on both.
    for (let i = 0; i < CALLS; i++) {
      ours.push(await appCall(page, prospect));
      bare.push(await bareCall(caller, callee, 'bench-b'));
    }

    console.log(`\nSoftphone call timings · median of ${CALLS} calls after a warm-up · Kamailio on loopback`);
    console.log(`${'work'.padEnd(40)} ${'SDR Desk'.padStart(10)} ${'bare SIP.js'.padStart(12)} ${'ratio'.padStart(7)}  target`);
    const row = (work: string, key: keyof CallTimes, target: string) => {
      const a = median(ours.map((t) => t[key]));
      const b = median(bare.map((t) => t[key]));
      console.log(`${work.padEnd(40)} ${`${a} ms`.padStart(10)} ${`${b} ms`.padStart(12)} ${`${(a / Math.max(b, 1)).toFixed(2)}×`.padStart(7)}  ${target}`);
    };
    row('dial click → call established', 'established', '≤ 1 s and ≤ 2× bare');
    row('dial click → first audio both ways', 'firstAudio', '≤ 1.5 s and ≤ 2× bare');
    row('hang-up click → seen by the peer', 'hangUp', '≤ 500 ms');
  } finally {
    await rig.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSipBench();

/**
 * End-to-end check of the SIP harness itself: Kamailio + two SIP.js peer pages in Chromium.
 *
 *   bash test/sip/in-netns.sh npx tsx test/sip/smoke.ts
 *
 * Inside the namespace only loopback exists, so the media checks prove RTP flows over 127.0.0.1.
 * Prints one line per check with timings and exits non-zero on the first failure.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchSipChromium } from './chromium';
import { passwordFor, startKamailio, type Kamailio } from './kamailio';
import { openPeer, type PeerHandle } from './peer/handle';
import { servePeerPage } from './peer/server';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let checks = 0;
function ok(message: string): void {
  checks++;
  console.log(`ok ${checks} - ${message}`);
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`not ok - ${message}`);
}

async function until(what: string, test: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await test()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not ok - ${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

async function register(k: Kamailio, peer: PeerHandle, user: string): Promise<void> {
  await peer.register({ wsUrl: k.wsUrl, user, password: passwordFor(user), domain: k.domain });
}

/** alice calls bob, bob answers; returns timings seen from alice's side of the wall clock. */
async function connectCall(k: Kamailio, alice: PeerHandle, bob: PeerHandle): Promise<{ establishedMs: number; firstAudioMs: number }> {
  await alice.reset();
  await bob.reset();
  const started = Date.now();
  await alice.call(`sip:bob@${k.domain}`);
  await bob.waitForEvent('invite-received');
  await bob.answer();
  const established = await alice.waitForEvent('established');
  await bob.waitForEvent('established');
  const firstAudio = await Promise.all([alice.waitForEvent('first-audio'), bob.waitForEvent('first-audio')]);
  return { establishedMs: established.wall - started, firstAudioMs: Math.max(...firstAudio.map((e) => e.wall)) - started };
}

async function hangUp(from: PeerHandle, to: PeerHandle): Promise<number> {
  const started = Date.now();
  await from.hangUp();
  const bye = await to.waitForEvent('bye-received');
  const terminated = await to.waitForEvent('terminated');
  assert(terminated.cause === 'remote-hangup', `terminated cause is remote-hangup, got ${terminated.cause}`);
  await from.waitForEvent('terminated');
  return bye.wall - started;
}

async function main(): Promise<void> {
  const k = await startKamailio();
  ok(`kamailio ${k.pid} on ${k.wsUrl} and ${k.sipHostPort}`);
  const pages = await servePeerPage();
  let browser: Browser | null = null;
  try {
    browser = await launchSipChromium();
    // Separate contexts: two machines as far as the pages can tell.
    const contexts: BrowserContext[] = [];
    const open = async () => {
      const context = await browser!.newContext();
      await context.addInitScript('window.__name = (fn) => fn;');
      contexts.push(context);
      return openPeer(context, pages.url);
    };
    const alice = await open();
    const bob = await open();

    await register(k, alice, 'alice');
    await register(k, bob, 'bob');
    assert((await k.isRegistered('alice')) && (await k.isRegistered('bob')), 'kamailio lists alice and bob');
    ok('alice and bob registered with digest auth');

    const first = await connectCall(k, alice, bob);
    const incoming = await bob.lastIncoming();
    assert(incoming?.from === `sip:alice@${k.domain}`, `bob sees the call from alice, got ${JSON.stringify(incoming)}`);
    ok(`call established in ${first.establishedMs} ms, first audio both ways in ${first.firstAudioMs} ms`);

    await sleep(1_000);
    const [aliceStats, bobStats] = await Promise.all([alice.stats(), bob.stats()]);
    assert(aliceStats.packetsSent > 20 && aliceStats.packetsReceived > 20, `alice sends and receives RTP: ${JSON.stringify(aliceStats)}`);
    assert(bobStats.packetsSent > 20 && bobStats.packetsReceived > 20, `bob sends and receives RTP: ${JSON.stringify(bobStats)}`);
    ok(`RTP both ways: alice ${aliceStats.packetsSent}/${aliceStats.packetsReceived}, bob ${bobStats.packetsSent}/${bobStats.packetsReceived} sent/received`);

    await alice.sendDtmf('5#');
    await bob.sendDtmf('1');
    await until('bob gets 5 and #', async () => (await bob.infoReceived()).join('') === '5#', 5_000);
    await until('alice gets 1', async () => (await alice.infoReceived()).join('') === '1', 5_000);
    ok('DTMF over SIP INFO both ways');

    const byeMs = await hangUp(alice, bob);
    ok(`hang-up seen by bob ${byeMs} ms after alice hung up`);

    await alice.reset();
    await alice.call(`sip:nobody@${k.domain}`);
    const notFound = await alice.waitForEvent('rejected');
    assert(notFound.status === 404, `call to an unregistered user gets 404, got ${notFound.status}`);
    ok('call to an unknown user: 404');

    await alice.reset();
    await bob.reset();
    await alice.call(`sip:bob@${k.domain}`);
    await bob.waitForEvent('invite-received');
    await bob.decline(486);
    const busy = await alice.waitForEvent('rejected');
    assert(busy.status === 486, `declined call gets 486, got ${busy.status}`);
    ok('declined call: 486 Busy Here');

    await alice.reset();
    await bob.reset();
    await alice.call(`sip:bob@${k.domain}`);
    await bob.waitForEvent('invite-received');
    await alice.hangUp();
    await bob.waitForEvent('cancel-received');
    const [aliceEnd, bobEnd] = await Promise.all([alice.waitForEvent('terminated'), bob.waitForEvent('terminated')]);
    assert(aliceEnd.cause === 'cancelled' && bobEnd.cause === 'cancelled', `CANCEL ends both sides, got ${aliceEnd.cause}/${bobEnd.cause}`);
    ok('caller hung up while ringing: CANCEL reached the callee');

    const mallory = await open();
    let refused = '';
    try {
      await mallory.register({ wsUrl: k.wsUrl, user: 'mallory', password: 'not-the-password', domain: k.domain });
    } catch (error) {
      refused = error instanceof Error ? error.message : String(error);
    }
    assert(/403/.test(refused), `wrong password refused with 403, got "${refused}"`);
    assert(!(await k.isRegistered('mallory')), 'mallory is not registered');
    ok(`wrong password refused (${refused.replace(/^.*REGISTER/, 'REGISTER').split('\n')[0]})`);

    // A 5 s expiry refreshed by SIP.js at 99 %: the registration must never lapse in between.
    const watchUntil = Date.now() + 12_000;
    while (Date.now() < watchUntil) {
      assert(await k.isRegistered('bob'), 'bob stays registered across refreshes');
      await sleep(200);
    }
    ok('bob stayed registered for 12 s of 5 s refreshes');

    const restartStarted = Date.now();
    await k.restart();
    const restartMs = Date.now() - restartStarted;
    const reRegisterMs = await until('alice and bob re-register after the restart', async () => (await k.isRegistered('alice')) && (await k.isRegistered('bob')), 20_000);
    ok(`kamailio restarted in ${restartMs} ms (pid ${k.pid}); both peers re-registered ${reRegisterMs} ms later`);

    const again = await connectCall(k, alice, bob);
    const byeAgainMs = await hangUp(bob, alice);
    ok(`call after the restart: established in ${again.establishedMs} ms, hang-up seen in ${byeAgainMs} ms`);

    const closedAt = Date.now();
    await bob.page.close();
    const goneMs = await until('bob unregistered once his page closed', async () => !(await k.isRegistered('bob')), 10_000);
    await alice.reset();
    await alice.call(`sip:bob@${k.domain}`);
    const gone = await alice.waitForEvent('rejected');
    assert(gone.status === 404, `call to a closed page gets 404, got ${gone.status}`);
    ok(`bob's closed page left the registrar in ${goneMs} ms (${Date.now() - closedAt} ms incl. the 404 call)`);

    for (const context of contexts) await context.close();
    console.log(`${checks} passed, 0 failed`);
  } finally {
    await browser?.close();
    await pages.close();
    await k.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.log(`${checks} passed, 1 failed`);
  process.exitCode = 1;
});

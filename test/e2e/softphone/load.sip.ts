import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domain } from '../../sip/kamailio';
import { runSipLoad } from '../../sip/load';
import { configureSoftphone } from './configure';
import { SDR_USER, callBar, callState, openCallableLead, openDesk, openPeerPhone, softphoneStatus, startRig, userFor, visible, wrapUp, type SipRig } from './desk';

/**
 * Robustness: while sipp registers 2,000 users and places 1,000 calls through the same Kamailio,
 * the SDR's softphone stays registered and a call from a lead still connects with audio (its keypad
 * set to RTP events, checked where the tones are sent).
 */

let rig: SipRig;
let page: Page;

// Records the tones each peer connection's DTMF sender starts playing: RFC 4733 events cannot be
// seen by a browser at the far end, so this account's RTP keypad is checked where it is sent.
const RECORD_DTMF_TONES = `(() => {
  const Original = window.RTCPeerConnection;
  window.__dtmfTones = [];
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('signalingstatechange', () => {
        for (const sender of this.getSenders()) {
          if (sender.dtmf && !sender.dtmf.__recorded) {
            sender.dtmf.__recorded = true;
            sender.dtmf.addEventListener('tonechange', (e) => { if (e.tone) window.__dtmfTones.push(e.tone); });
          }
        }
      });
    }
  };
})()`;

beforeAll(async () => {
  rig = await startRig();
  page = (await openDesk(rig, 'en-US', { width: 1366, height: 768 }, RECORD_DTMF_TONES)).page;
  await configureSoftphone(page, { wsUrl: rig.kamailio.wsUrl, sipUri: `sip:${SDR_USER}@${domain}`, template: `sip:{digits}@${domain}`, dtmf: 'rtp' });
  await visible(softphoneStatus(page).getByText('Softphone ready'));
});
afterAll(async () => {
  await rig?.close();
});

describe('the softphone under a loaded PBX', () => {
  it('stays registered and connects a call (keypad tones as RTP events) while 2,000 users register and 1,000 calls go through', async () => {
    const lead = await openCallableLead(page);
    const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));

    // Every status the desk showed during the load, read twice a second.
    const seen = new Set<string>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        seen.add((await softphoneStatus(page).textContent()) ?? '');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();

    const load = runSipLoad(rig.kamailio, { registrations: 2_000, calls: 1_000 });
    // Mid-load: sipp's registrations are done and its calls are running.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    await callBar(page).getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(() => prospect.state(), { timeout: 15_000 }).toBe('incoming');
    await prospect.answer();
    await visible(callState(page).filter({ hasText: /^Connected$/ }));
    await expect.poll(async () => (await prospect.stats()).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(20);
    // The keypad in RTP mode: the tones go out as telephone-events on the call's audio sender.
    await callBar(page).getByRole('button', { name: 'Keypad' }).click();
    const keypad = callBar(page).getByRole('group', { name: 'Send tones' });
    for (const key of ['9', '#']) await keypad.getByRole('button', { name: key, exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __dtmfTones: string[] }).__dtmfTones)).toEqual(['9', '#']);
    expect(await prospect.infoReceived()).toEqual([]);
    await callBar(page).getByRole('button', { name: 'Hang up' }).click();
    await visible(wrapUp(page));
    await wrapUp(page).getByRole('button', { name: 'Save call' }).click();

    const result = await load;
    watching = false;
    await watch;
    expect(result.registered).toBe(2_000);
    expect(result.callsOk).toBe(1_000);
    expect(result.callsFailed).toBe(0);
    expect([...seen]).toEqual(['Softphone ready']);
    expect(await rig.kamailio.isRegistered(SDR_USER)).toBe(true);
    await prospect.page.context().close();
  });
});

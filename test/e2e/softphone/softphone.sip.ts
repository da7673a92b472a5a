import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { domain } from '../../sip/kamailio';
import type { PeerHandle } from '../../sip/peer/handle';
import { configureSoftphone } from './configure';
import { SDR_USER, callBar, callState, callsOf, leadHeading, openCallableLead, openDesk, openPeerPhone, softphoneStatus, startRig, userFor, visible, wrapUp, type Desk, type SipRig, type StoredLead } from './desk';

/**
 * The built-in softphone against a real Kamailio: an SDR's desk in one browser context, the
 * prospect (and a colleague) as bare SIP.js phones in others, audio on loopback.
 */

let rig: SipRig;
let desk: Desk;
let page: Page;
const called = new Set<string>();

beforeAll(async () => {
  rig = await startRig();
  desk = await openDesk(rig);
  page = desk.page;
  await configureSoftphone(page, { wsUrl: rig.kamailio.wsUrl, sipUri: `sip:${SDR_USER}@${domain}`, template: `sip:{digits}@${domain}`, dtmf: 'info' });
  await visible(softphoneStatus(page).getByText('Softphone ready'));
});
afterAll(async () => {
  await rig?.close();
});
// What the desk showed when a test failed, for whoever reads the CI log next.
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const file = `${process.env['SIP_E2E_SHOTS'] ?? '/tmp'}/softphone-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
    await page.screenshot({ path: file }).catch(() => undefined);
    console.error(`screenshot: ${file}`);
  });
});

/** A lead nobody called yet, opened, with the prospect's phone registered under its number. */
async function leadWithProspect(): Promise<{ lead: StoredLead; prospect: PeerHandle }> {
  const lead = await openCallableLead(page, called);
  called.add(lead.id);
  const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));
  return { lead, prospect };
}

const dial = () => callBar(page).getByRole('button', { name: 'Call', exact: true }).click();
const button = (name: string | RegExp) => callBar(page).getByRole('button', { name, exact: typeof name === 'string' });

/** Packets a page's peer connection sent/received over `ms`. */
async function flow(peer: PeerHandle, ms = 1_200): Promise<{ sent: number; received: number }> {
  const before = await peer.stats();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await peer.stats();
  return { sent: after.packetsSent - before.packetsSent, received: after.packetsReceived - before.packetsReceived };
}

async function lastCall(lead: StoredLead) {
  const calls = await callsOf(page, lead.id);
  return calls.at(-1)!;
}

async function saveWrapUp(): Promise<void> {
  await wrapUp(page).getByRole('button', { name: 'Save call' }).click();
  await wrapUp(page).waitFor({ state: 'detached' });
}

describe('the built-in softphone', () => {
  it('calls a lead: established, audio both ways, hold, mute, DTMF, hang-up by the SDR; logged with its quality', async () => {
    const { lead, prospect } = await leadWithProspect();
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await visible(callState(page).filter({ hasText: 'Dialing…' }));
    // Nobody marks a softphone call connected: the button is not there.
    expect(await button('Connected').count()).toBe(0);
    await prospect.answer();
    await visible(callState(page).filter({ hasText: /^Connected$/ }));

    // Audio both ways, seen by the prospect's getStats.
    await expect.poll(async () => (await flow(prospect, 600)).received, { timeout: 10_000 }).toBeGreaterThan(10);
    expect((await flow(prospect)).sent).toBeGreaterThan(10);

    // The microphone level moves with the (fake) microphone's tone.
    const meter = callBar(page).getByRole('meter', { name: 'Microphone level' });
    await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);

    // Hold: the prospect stops sending to us (their side goes recvonly), resume brings it back.
    await button('Hold').click();
    await visible(callBar(page).getByText('On hold'));
    await expect.poll(async () => (await flow(prospect, 800)).sent, { timeout: 10_000 }).toBeLessThan(3);
    await button('Resume').click();
    await expect.poll(async () => (await flow(prospect, 800)).sent, { timeout: 10_000 }).toBeGreaterThan(10);

    // Mute: the prospect hears silence (no audio energy arrives), and hears us again after unmute.
    const heard = async (ms = 1_500) => {
      const before = (await prospect.stats()).audioEnergy;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return (await prospect.stats()).audioEnergy - before;
    };
    expect(await heard()).toBeGreaterThan(0);
    await button('Mute').click();
    await visible(button('Unmute'));
    await expect.poll(() => heard(1_000), { timeout: 10_000 }).toBe(0);
    await button('Unmute').click();
    await expect.poll(() => heard(1_000), { timeout: 10_000 }).toBeGreaterThan(0);

    // DTMF for an IVR: the keypad's keys arrive at the far end (SIP INFO in this account).
    await button('Keypad').click();
    const keypad = callBar(page).getByRole('group', { name: 'Send tones' });
    for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: key, exact: true }).click();
    await expect.poll(() => prospect.infoReceived()).toEqual(['1', '2', '#']);

    // The SDR hangs up: the prospect hears it, the wrap-up starts on "Connected – conversation held".
    await button('Hang up').click();
    await expect.poll(() => prospect.state()).toBe('terminated');
    await visible(wrapUp(page));
    await expect.poll(() => wrapUp(page).getByRole('radio', { name: 'Connected – conversation held' }).isChecked()).toBe(true);
    await visible(wrapUp(page).getByText(/Softphone: answered \(200\)/));
    await saveWrapUp();

    const call = await lastCall(lead);
    expect(call).toMatchObject({ via: 'sip', direction: 'outbound', number: lead.phones[0], disposition: 'connected-conversation' });
    expect(call.connectedAt).not.toBeNull();
    expect(call.sip?.outcome).toBe('answered');
    expect(call.sip?.quality?.packetsReceived).toBeGreaterThan(50);
    await prospect.page.context().close();
  });

  it('hang-up by the prospect ends the call in the app', async () => {
    const { lead, prospect } = await leadWithProspect();
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await prospect.answer();
    await visible(callState(page).filter({ hasText: /^Connected$/ }));
    await prospect.hangUp();
    await visible(wrapUp(page));
    await saveWrapUp();
    expect((await lastCall(lead)).sip?.outcome).toBe('answered');
    await prospect.page.context().close();
  });

  it('cancel while ringing, a declined call, a busy line and an unknown number each end with their default disposition', async () => {
    // Cancel while it rings: nobody answered.
    let { lead, prospect } = await leadWithProspect();
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await button('Cancel call').click();
    await expect.poll(() => prospect.state()).toBe('terminated');
    await visible(wrapUp(page));
    await expect.poll(() => wrapUp(page).getByRole('radio', { name: 'No answer' }).isChecked()).toBe(true);
    await saveWrapUp();
    expect((await lastCall(lead)).sip?.outcome).toBe('noAnswer');
    expect((await lastCall(lead)).disposition).toBe('no-answer');
    await prospect.page.context().close();

    // Declined (603).
    ({ lead, prospect } = await leadWithProspect());
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await prospect.decline(603);
    await visible(wrapUp(page));
    await visible(wrapUp(page).getByText(/Softphone: declined \(603\)/));
    await expect.poll(() => wrapUp(page).getByRole('radio', { name: 'No answer' }).isChecked()).toBe(true);
    await saveWrapUp();
    await prospect.page.context().close();

    // Busy (486).
    ({ lead, prospect } = await leadWithProspect());
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await prospect.decline(486);
    await visible(wrapUp(page));
    await expect.poll(() => wrapUp(page).getByRole('radio', { name: 'Busy' }).isChecked()).toBe(true);
    await saveWrapUp();
    expect((await lastCall(lead)).sip).toMatchObject({ outcome: 'busy', status: 486 });
    await prospect.page.context().close();

    // Nobody registered under this number: 404, "Wrong number".
    const unknown = await openCallableLead(page, called);
    called.add(unknown.id);
    await dial();
    await visible(wrapUp(page));
    await visible(wrapUp(page).getByText(/Softphone: number not found \(404\)/));
    await expect.poll(() => wrapUp(page).getByRole('radio', { name: 'Wrong number' }).isChecked()).toBe(true);
    await saveWrapUp();
  });

  it('an inbound call pops the caller’s lead, is answered from the pop-up and logged on that lead', async () => {
    const lead = await openCallableLead(page, called);
    called.add(lead.id);
    // The SDR is looking at another lead when the call comes in.
    await openCallableLead(page, called);
    const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));
    await prospect.call(`sip:${SDR_USER}@${domain}`);
    const popup = page.getByRole('alertdialog', { name: 'Incoming call' });
    await visible(popup);
    await visible(popup.getByText(`Lead: ${lead.company}`));
    await visible(leadHeading(page, lead.company));
    await popup.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => prospect.state()).toBe('established');
    await visible(callState(page).filter({ hasText: /^Connected$/ }));
    await popup.waitFor({ state: 'detached' });
    await expect.poll(async () => (await flow(prospect, 600)).received, { timeout: 10_000 }).toBeGreaterThan(10);
    await page.keyboard.press('Control+Shift+H');
    await visible(wrapUp(page));
    await saveWrapUp();
    const call = await lastCall(lead);
    expect(call).toMatchObject({ direction: 'inbound', via: 'sip', number: lead.phones[0] });
    expect(call.sip?.outcome).toBe('answered');
    await prospect.page.context().close();
  });

  it('declines an inbound call with Ctrl+Shift+H: the caller hears 603', async () => {
    const lead = await openCallableLead(page, called);
    called.add(lead.id);
    const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));
    await prospect.call(`sip:${SDR_USER}@${domain}`);
    await visible(page.getByRole('alertdialog', { name: 'Incoming call' }));
    await page.keyboard.press('Control+Shift+H');
    const rejected = await prospect.waitForEvent('rejected');
    expect(rejected.status).toBe(603);
    await page.getByRole('alertdialog', { name: 'Incoming call' }).waitFor({ state: 'detached' });
    await prospect.page.context().close();
  });

  it('a call that stops ringing before it is answered is reported as missed', async () => {
    const lead = await openCallableLead(page, called);
    called.add(lead.id);
    const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));
    await prospect.call(`sip:${SDR_USER}@${domain}`);
    const popup = page.getByRole('alertdialog', { name: 'Incoming call' });
    await visible(popup.getByText(`Lead: ${lead.company}`));
    await prospect.hangUp();
    await popup.waitFor({ state: 'detached' });
    await visible(page.getByRole('status').filter({ hasText: `Missed call from ${lead.company}` }));
    await prospect.page.context().close();
  });

  it('transfers an established call to a colleague (blind REFER)', async () => {
    const { prospect } = await leadWithProspect();
    const colleague = await openPeerPhone(rig, '8002');
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await prospect.answer();
    await visible(callState(page).filter({ hasText: /^Connected$/ }));
    await button('Transfer').click();
    await callBar(page).getByRole('textbox', { name: 'Transfer to' }).fill('8002');
    await button('Transfer now').click();
    // The prospect's phone follows the REFER and rings the colleague; our leg ends.
    await expect.poll(() => colleague.state(), { timeout: 15_000 }).toBe('incoming');
    await visible(wrapUp(page));
    await colleague.answer();
    await expect.poll(() => colleague.state()).toBe('established');
    await saveWrapUp();
    await prospect.page.context().close();
    await colleague.page.context().close();
  });

  it('registers again after Kamailio restarts, and a call then connects', async () => {
    await rig.kamailio.restart();
    await visible(softphoneStatus(page).getByText('Softphone ready'), 30_000);
    const { prospect } = await leadWithProspect();
    await dial();
    await expect.poll(() => prospect.state(), { timeout: 15_000 }).toBe('incoming');
    await prospect.answer();
    await visible(callState(page).filter({ hasText: /^Connected$/ }));
    await button('Hang up').click();
    await visible(wrapUp(page));
    await saveWrapUp();
    await prospect.page.context().close();
  });

  it('the WebSocket dropped mid-call ends the call with a wrap-up, and nothing is stuck', async () => {
    const { lead, prospect } = await leadWithProspect();
    await dial();
    await expect.poll(() => prospect.state()).toBe('incoming');
    await prospect.answer();
    await visible(callState(page).filter({ hasText: /^Connected$/ }));
    await rig.kamailio.stop();
    await visible(wrapUp(page));
    await visible(wrapUp(page).getByText(/connection to the PBX lost/));
    await visible(softphoneStatus(page).getByText(/server unreachable/));
    await saveWrapUp();
    expect((await lastCall(lead)).endedAt).not.toBeNull();
    await rig.kamailio.restart();
    await visible(softphoneStatus(page).getByText('Softphone ready'), 30_000);
    await prospect.page.context().close();
  });

  it('offline: the softphone says so and the SDR logs the call only', async () => {
    const lead = await openCallableLead(page, called);
    called.add(lead.id);
    await desk.context.setOffline(true);
    // Inside the test's network namespace Chromium already reads "offline" (no network card), so
    // the emulation changes nothing it would announce; a real machine fires this event itself.
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await visible(softphoneStatus(page).getByText('Softphone offline — calls are log only'));
    await visible(callBar(page).getByText(/No network: the softphone cannot call/));
    await button('Log call only').click();
    await visible(callState(page).filter({ hasText: 'Dialing…' }));
    // A log-only call is marked connected by the SDR, as with a desk phone.
    await button('Connected').click();
    await button('Hang up').click();
    await visible(wrapUp(page));
    await wrapUp(page).getByRole('radio', { name: 'Connected – conversation held' }).check();
    await saveWrapUp();
    expect((await lastCall(lead)).via).toBe('logOnly');
    await desk.context.setOffline(false);
    // The same: a real machine fires 'online' when the network is back.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await visible(softphoneStatus(page).getByText('Softphone ready'), 30_000);
  });

  it('a blocked microphone: the call ends as failed and the SDR is told how to allow it', async () => {
    const lead = await openCallableLead(page, called);
    called.add(lead.id);
    // Chromium's answer for a blocked microphone, given by the page itself: with
    // --use-fake-ui-for-media-stream (which these calls need) the browser grants every request,
    // and its permission override does not apply on top of that flag.
    await page.evaluate(() => {
      const devices = navigator.mediaDevices as MediaDevices & { realGetUserMedia?: MediaDevices['getUserMedia'] };
      devices.realGetUserMedia = devices.getUserMedia.bind(devices);
      devices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    try {
      await dial();
      await visible(wrapUp(page));
      await visible(callBar(page).getByRole('alert').filter({ hasText: 'The microphone is blocked.' }));
      await visible(wrapUp(page).getByText(/Softphone: call failed \(—\) · microphone: NotAllowedError/));
      // A failed call has no default: the SDR says what happened.
      expect(await wrapUp(page).getByRole('radio', { checked: true }).count()).toBe(0);
      await wrapUp(page).getByRole('radio', { name: 'No answer' }).check();
      await saveWrapUp();
      expect((await lastCall(lead)).sip?.outcome).toBe('failed');
      // The notice stays under the dial box until a call gets the microphone again.
      await visible(callBar(page).getByRole('alert').filter({ hasText: 'The microphone is blocked.' }));
    } finally {
      await page.evaluate(() => {
        const devices = navigator.mediaDevices as MediaDevices & { realGetUserMedia?: MediaDevices['getUserMedia'] };
        if (devices.realGetUserMedia) devices.getUserMedia = devices.realGetUserMedia;
      });
    }
  });

  it('a wrong password fails with the reason and is not retried', async () => {
    const other = await openDesk(rig);
    await configureSoftphone(other.page, { wsUrl: rig.kamailio.wsUrl, sipUri: `sip:wang.fang@${domain}`, template: `sip:{digits}@${domain}`, dtmf: 'rtp', password: 'not-the-password' });
    const status = softphoneStatus(other.page);
    await visible(status.getByText(/wrong user name or password \(40[13]/));
    // No backoff countdown: a refused password is not tried again on its own.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await status.textContent()).not.toMatch(/retry in/);
    expect(await rig.kamailio.isRegistered('wang.fang')).toBe(false);
    await other.context.close();
  });

  it('unregisters when the SDR switches to another dialer', async () => {
    expect(await rig.kamailio.isRegistered(SDR_USER)).toBe(true);
    await page.getByRole('button', { name: /Settings/ }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('radio', { name: 'Log only: I dial on my own phone' }).check();
    await expect.poll(() => rig.kamailio.isRegistered(SDR_USER), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => softphoneStatus(page).count()).toBe(0);
    await settings.getByRole('button', { name: 'Close' }).click();
  });
});

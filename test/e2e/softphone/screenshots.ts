/**
 * Screenshots of the softphone for people to look at: the account settings, the registration in
 * the top bar, a live call with the keypad, the incoming-call pop-up, the wrap-up after a busy line
 * and the offline notice, in en and zh-CN at 1366×768 and 1920×1080. Run inside the namespace:
 * `bash test/sip/in-netns.sh npx tsx test/e2e/softphone/screenshots.ts` (after build:renderer).
 */
import { mkdirSync } from 'node:fs';
import { domain } from '../../sip/kamailio';
import { configureSoftphone } from './configure';
import { SDR_USER, callBar, callState, openCallableLead, openDesk, openPeerPhone, softphoneStatus, startRig, userFor, wrapUp } from './desk';

const OUT = process.env['SHOTS'] ?? '/tmp/softphone-shots';
mkdirSync(OUT, { recursive: true });
const rig = await startRig();
try {
  for (const lang of ['en', 'zh'] as const) {
    for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      const name = (what: string) => `${OUT}/${lang}-${viewport.width}-${what}.png`;
      const { context, page } = await openDesk(rig, 'en-US', viewport);
      await configureSoftphone(page, { wsUrl: rig.kamailio.wsUrl, sipUri: `sip:${SDR_USER}@${domain}`, template: `sip:{digits}@${domain}`, dtmf: 'info' });
      await softphoneStatus(page).getByText('Softphone ready').waitFor();
      if (lang === 'zh') {
        await page.getByRole('button', { name: /Settings/ }).click();
        await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
        await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
      }
      const settingsName = lang === 'zh' ? '设置' : 'Settings';
      await page.getByRole('button', { name: new RegExp(settingsName) }).click();
      await page.getByRole('dialog').getByRole('radio', { checked: true }).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: name('settings') });
      await page.getByRole('dialog').getByRole('button', { name: lang === 'zh' ? '关闭' : 'Close' }).click();

      const lead = await openCallableLead(page);
      const prospect = await openPeerPhone(rig, userFor(lead.phones[0]!));
      await callBar(page).getByRole('button', { name: lang === 'zh' ? '拨打' : 'Call', exact: true }).click();
      await prospect.waitForEvent('invite-received');
      await prospect.answer();
      await callState(page).filter({ hasText: lang === 'zh' ? '通话中' : /^Connected$/ }).waitFor();
      await callBar(page).getByRole('button', { name: lang === 'zh' ? '拨号盘' : 'Keypad' }).click();
      await page.keyboard.press('1');
      await page.waitForTimeout(1500);
      await page.screenshot({ path: name('call') });
      await prospect.hangUp();
      await wrapUp(page).waitFor();
      await wrapUp(page).getByRole('radio').first().check();
      await wrapUp(page).getByRole('button').last().click();

      // Busy: the wrap-up starts on "Busy" and says why.
      const busyLead = await openCallableLead(page, new Set([lead.id]));
      const busy = await openPeerPhone(rig, userFor(busyLead.phones[0]!));
      await callBar(page).getByRole('button', { name: lang === 'zh' ? '拨打' : 'Call', exact: true }).click();
      await busy.waitForEvent('invite-received');
      await busy.decline(486);
      await wrapUp(page).waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: name('wrapup-busy') });
      await wrapUp(page).getByRole('button').last().click();

      // An inbound call from the first lead pops it.
      await prospect.call(`sip:${SDR_USER}@${domain}`);
      await page.getByRole('alertdialog').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: name('incoming') });
      await prospect.hangUp();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });

      await context.setOffline(true);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      await page.waitForTimeout(500);
      await page.screenshot({ path: name('offline') });
      await context.close();
      await prospect.page.context().close();
      await busy.page.context().close();
    }
  }
} finally {
  await rig.close();
}

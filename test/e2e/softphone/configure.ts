import type { Page } from 'playwright-core';
import { passwordFor } from '../../sip/kamailio';

export interface SoftphoneSetup {
  readonly wsUrl: string;
  readonly sipUri: string;
  readonly template: string;
  readonly dtmf: 'rtp' | 'info';
  /** Defaults to the Kamailio rule for the SIP address's user. */
  readonly password?: string;
}

/** Sets up the built-in softphone the way an SDR does: Settings › Built-in softphone › account. */
export async function configureSoftphone(page: Page, setup: SoftphoneSetup): Promise<void> {
  const user = /^sip:([^@]+)@/.exec(setup.sipUri)?.[1] ?? '';
  await page.getByRole('button', { name: /Settings/ }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Built-in softphone (SIP)' }).check();
  await settings.getByRole('textbox', { name: 'WebSocket server' }).fill(setup.wsUrl);
  await settings.getByRole('textbox', { name: 'SIP address' }).fill(setup.sipUri);
  await settings.getByLabel('Password', { exact: true }).fill(setup.password ?? passwordFor(user));
  await settings.getByRole('textbox', { name: 'Number rule' }).fill(setup.template);
  await settings.getByRole('radio', { name: setup.dtmf === 'info' ? 'SIP INFO' : 'RTP events (RFC 4733, recommended)' }).check();
  await settings.getByRole('button', { name: 'Save softphone account' }).click();
  await page.getByText('Softphone account saved').first().waitFor();
  await settings.getByRole('button', { name: 'Close' }).click();
}

import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import { openOffline } from './offline';

const GBK_FIXTURE = fileURLToPath(new URL('../fixtures/import/leads-gbk.csv', import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const queueCount = (page: Page) => page.getByRole('status').filter({ hasText: /leads?$/ }).first();

describe('the offline workstation in browser mode', () => {
  it('loads demo data, finds, creates and imports leads, and keeps everything across a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
    const page = await openOffline(context);

    // A fresh profile offers the demo data.
    const offer = page.getByRole('dialog', { name: 'Welcome to SDR Desk' });
    await offer.getByRole('button', { name: 'Load demo data' }).click();
    await expect.poll(() => queueCount(page).textContent()).toMatch(/^\d+ leads$/);
    const queue = page.getByRole('listbox', { name: 'Leads, in calling order' });
    await expect.poll(() => queue.getByRole('option').count()).toBeGreaterThan(5);
    // The list is virtualised: a window's worth of rows in the page, not the whole view.
    const inView = Number((await queueCount(page).textContent())!.replace(/\D/g, ''));
    expect(inView).toBeGreaterThan(100);
    expect(await queue.getByRole('option').count()).toBeLessThan(30);

    // The keyboard drives the queue: / searches, j/k and arrows move, Enter opens the lead.
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search leads');
    await page.keyboard.press('ArrowDown');
    const selected = () => queue.getByRole('option', { selected: true }).getAttribute('id');
    const first = await selected();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const second = await selected();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe(first);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-heading');

    // Pick a demo lead and find it again by its mobile number typed in another format.
    const picked = queue.getByRole('option').nth(3);
    await picked.click();
    const pickedText = (await picked.textContent())!;
    const heading = page.getByRole('article').getByRole('heading', { level: 2 });
    const callButton = page.getByRole('button', { name: /^Call / }).first();
    // The lead panel follows the click (one render for heading and call bar): wait for it.
    await expect.poll(async () => pickedText.startsWith((await heading.textContent()) ?? '\u0000')).toBe(true);
    const company = (await heading.textContent())!;
    const shown = (await callButton.getAttribute('aria-label'))!.replace(/^Call /, '');
    const digits = shown.replace(/\D/g, '');
    // A national (Chinese) number is shown without '+': retype it with the country code and dashes.
    const retyped = shown.startsWith('+') ? `+${digits}` : `+86-${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    const search = page.getByRole('searchbox', { name: 'Search leads' });
    await search.fill(retyped);
    await expect.poll(() => queue.getAttribute('data-results-for')).toBe(retyped);
    await visible(queue.getByRole('option', { name: new RegExp(escape(company)) }).first());
    await search.fill('');

    // Create a lead with an invalid phone: the error names the field; fix it and save.
    await page.getByRole('button', { name: '+ New lead' }).click();
    const form = page.getByRole('form', { name: 'New lead' });
    await form.getByLabel('Company *').fill('离线测试科技有限公司');
    await form.getByLabel('Contact name').fill('赵磊');
    await form.getByLabel('Phone 1').fill('12345');
    await form.getByRole('button', { name: 'Save lead' }).click();
    await visible(form.getByText('Not a valid phone number'));
    expect(await form.getByLabel('Phone 1').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Phone 1').fill('139 8765 4321');
    await form.getByLabel('Phone 1').press('Control+Enter');
    await visible(page.getByRole('heading', { name: '离线测试科技有限公司' }));

    // Import a GBK CSV written by Chinese Excel, with one bad row.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import leads' });
    await dialog.getByLabel('Choose a CSV file').setInputFiles(GBK_FIXTURE);
    await visible(dialog.getByText(/GBK/));
    await dialog.getByRole('button', { name: /^Import \d+ leads?$/ }).click();
    await visible(dialog.getByText('New leads: 5'));
    const report = dialog.getByRole('table', { name: 'Rows not imported' });
    await expect.poll(() => report.getByRole('row').count()).toBe(2); // header + the bad row
    await visible(report.getByRole('cell', { name: 'Not a valid phone number' }));
    await dialog.getByRole('button', { name: 'Done' }).click();
    const before = await queueCount(page).textContent();

    // Reload with no network: the app comes back from the offline cache with all the data.
    await page.reload();
    await expect.poll(() => queueCount(page).textContent()).toBe(before);
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('离线测试');
    await visible(queue.getByRole('option', { name: /离线测试科技有限公司/ }));
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('科技');
    await expect.poll(() => queue.getByRole('option').count()).toBeGreaterThan(1);
    await context.close();
  });

  it('speaks Chinese on a Chinese system and remembers a switch to English', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } });
    const page = await openOffline(context);
    await page.getByRole('dialog', { name: '欢迎使用 SDR Desk' }).getByRole('button', { name: '从空白开始' }).click();
    await visible(page.getByRole('tab', { name: /呼入线索/ }));
    await page.getByRole('button', { name: /设置/ }).click();
    await page.getByLabel('语言').selectOption('en');
    await visible(page.getByRole('dialog', { name: 'Settings' }));
    await page.reload();
    await visible(page.getByRole('tab', { name: /Inbound/ }));
    await context.close();
  });
});

/** Waits for a locator the way a user waits for something to appear. */
async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/sync/hlc';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createApp } from '../../server/app';
import { bootstrapAdmin } from '../../server/auth/bootstrapAdmin';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import type { Database } from '../../server/db/schema';
import { launchChromium } from '../helpers/chromium';
import { makeLead } from '../helpers/leadFactory';

/**
 * A team lead's day against the real team server, in Chromium: an SDR makes a discovery call;
 * the lead finds it in the review workspace, scores it and comments; the SDR's app shows the
 * feedback, unread, after the next sync. The lead changes a question of the inbound script and
 * publishes; the SDR's next call asks the new question while the earlier call keeps the old one.
 */

const PASSWORD = 'a long enough password';
let browser: Browser;
let app: FastifyInstance;
let db: Kysely<Database>;
let base: string;
const first = { company: '苏州云帆营销科技有限公司', contactName: '陈静' };
const second = { company: '宁波海岸数据有限公司', contactName: '刘洋' };
const OLD_QUESTION = 'Which of these is closest';
const NEW_QUESTION = 'Which part of marketing do you want to fix first?';

async function api(path: string, body: unknown, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  db = openDatabase({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'sdr-e2e-')), 'sdr-desk.sqlite') });
  await migrateToLatest(db);
  await bootstrapAdmin(db, 'admin@example.com', 'correct horse battery', Date.now());
  app = await createApp({ webRoot: fileURLToPath(new URL('../../dist/renderer', import.meta.url)), db, crmIntervalMs: 0, loginAttemptsPerMinute: 100 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = async (email: string) => (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })).json()) as { token: string };
  const admin = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'correct horse battery' }) })).json()) as { token: string };
  const team = await api('/api/admin/teams', { name: '华东一组' }, admin.token);
  for (const [email, name, role] of [
    ['li@example.com', '李雷', 'sdr'],
    ['lead@example.com', 'Wang Lead', 'lead'],
  ] as const) {
    await api('/api/admin/users', { email, name, role, teamId: team['id'], password: PASSWORD }, admin.token);
  }
  // Two fresh inbound leads of 李雷's, from this morning's webinar.
  const li = await login('li@example.com');
  const now = Date.now();
  const clientId = uuidv7();
  const leads = [first, second].map((l, i) => makeLead({ ...l, phones: [`+861380013800${i}`], sourceChannel: 'webinar', campaign: '秋季峰会', createdAt: now - 3_600_000, updatedAt: now - 3_600_000 }));
  await api(
    '/api/sync/push',
    { clientId, protocolVersion: PROTOCOL_VERSION, mutations: leads.map((lead, i) => ({ seq: i + 1, id: uuidv7(), name: 'lead.create', args: { lead }, hlc: encodeHlc({ wallMs: now, counter: i, clientId }), createdAt: now })) },
    li.token,
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.destroy();
});

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  await context.addInitScript('window.__name = (fn) => fn');
  // Browser mode dials through a tel: link: record it instead of handing it to the system.
  await context.addInitScript(() => {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.protocol !== 'tel:') click.call(this);
    };
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('dialog', { name: 'Welcome to SDR Desk' }).getByRole('button', { name: 'Sign in to my team' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to your team server' });
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await synced(page);
  return { context, page };
}

const syncStatus = (page: Page): Locator => page.getByRole('button', { name: /^Sync status:/ });
const synced = (page: Page) => expect.poll(() => syncStatus(page).getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/Synced/);
const queue = (page: Page) => page.getByRole('listbox', { name: 'Leads, in calling order' });
const callBar = (page: Page) => page.getByRole('region', { name: 'Call', exact: true });
const script = (page: Page) => page.getByRole('region', { name: 'Discovery script' });
const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 });

async function syncNow(page: Page): Promise<void> {
  await syncStatus(page).click();
  const panel = page.getByRole('dialog', { name: 'Sync and account' });
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await panel.getByRole('button', { name: 'Close' }).click();
  await synced(page);
}

/** Calls the lead, answers the script's first question, writes a note and wraps up. */
async function discoveryCall(page: Page, company: string, question: string, note: string): Promise<void> {
  await queue(page).getByRole('option', { name: new RegExp(company) }).click();
  await visible(page.getByRole('heading', { name: company }));
  await page.keyboard.press('Control+d');
  await visible(callBar(page).getByRole('status').filter({ hasText: 'Dialing…' }));
  await page.keyboard.press('Control+Shift+A');
  await visible(callBar(page).getByRole('status').filter({ hasText: /^Connected$/ }));
  await script(page).getByRole('group', { name: question }).getByRole('radio', { name: 'Lead management and scoring' }).check();
  const noteBox = page.getByRole('form', { name: 'New note' }).getByRole('textbox', { name: 'Note' });
  await noteBox.fill(note);
  await noteBox.press('Control+Enter');
  await expect.poll(() => noteBox.inputValue()).toBe('');
  await page.keyboard.press('Control+Shift+H');
  const wrapUp = page.getByRole('form', { name: 'Call wrap-up' });
  await visible(wrapUp);
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await wrapUp.waitFor({ state: 'detached' });
}

describe('a team lead reviews calls and publishes the playbook', () => {
  let sdr: { context: BrowserContext; page: Page };
  let lead: { context: BrowserContext; page: Page };

  it('reviews and scores a call; the SDR sees the feedback, unread, after the next sync', async () => {
    sdr = await signedIn('li@example.com');
    await discoveryCall(sdr.page, first.company, OLD_QUESTION, '他们用 Excel 管线索，想在 Q3 之前上评分');
    await syncNow(sdr.page);
    // Nothing to read yet.
    expect(await sdr.page.getByRole('button', { name: 'Feedback', exact: true }).count()).toBe(1);

    lead = await signedIn('lead@example.com');
    await lead.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Review' }).click();
    const calls = lead.page.getByRole('listbox', { name: 'Calls in the period, newest first' });
    // Server-side search finds the call by a word of its note, in Chinese.
    await lead.page.getByRole('searchbox', { name: 'Search answers and notes' }).or(lead.page.getByRole('textbox', { name: 'Search answers and notes' })).fill('评分');
    await visible(calls.getByRole('option', { name: new RegExp(first.company) }));
    await calls.getByRole('option', { name: new RegExp(first.company) }).click();
    // What the SDR saw and wrote: the question with its answer, the note.
    const call = lead.page.getByRole('article').filter({ has: lead.page.getByRole('heading', { name: new RegExp(first.company) }) });
    await visible(call.getByText('Lead management and scoring'));
    await visible(call.getByText(/Which of these is closest/));
    await visible(call.getByText('他们用 Excel 管线索，想在 Q3 之前上评分'));

    await lead.page.getByRole('radiogroup', { name: 'Discovery depth' }).getByRole('radio', { name: '4' }).check();
    await lead.page.getByRole('radiogroup', { name: 'Next step agreed' }).getByRole('radio', { name: '2' }).check();
    await lead.page.getByRole('textbox', { name: 'Comment for the SDR' }).fill('Good open questions. Agree a dated next step before hanging up.');
    await lead.page.getByRole('button', { name: 'Save review' }).click();
    await visible(lead.page.getByText('Review saved. The SDR sees it after the next sync.'));
    await syncNow(lead.page);

    await syncNow(sdr.page);
    const feedback = sdr.page.getByRole('button', { name: 'Feedback, 1 unread' });
    await visible(feedback);
    await feedback.click();
    const panel = sdr.page.getByRole('dialog', { name: 'Feedback on your calls' });
    const entry = panel.getByRole('button', { name: new RegExp(`New.*${first.company}.*Wang Lead.*Average 3\\.0`) });
    await visible(entry);
    // Opening it shows the scores and the comment, and marks it read.
    await entry.click();
    await visible(panel.getByText('Good open questions. Agree a dated next step before hanging up.'));
    await expect.poll(() => panel.getByText('New', { exact: true }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Close' }).first().click();
    await visible(sdr.page.getByRole('button', { name: 'Feedback', exact: true }));
  });

  it('publishes a changed question; the SDR’s next call asks it, the earlier call keeps the old one', async () => {
    await lead.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Playbook' }).click();
    await lead.page.getByRole('navigation', { name: 'Team scripts' }).getByRole('button', { name: /Inbound discovery/ }).click();
    await lead.page.getByRole('button', { name: new RegExp(OLD_QUESTION) }).click();
    const prompt = lead.page.getByRole('textbox', { name: 'Question (what the SDR asks)' });
    await prompt.fill(NEW_QUESTION);
    const publish = lead.page.getByRole('region', { name: 'Publish' });
    await publish.getByRole('textbox', { name: 'What changed' }).fill('Shorter opening question');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await visible(lead.page.getByText('Published version 1. Every SDR gets it on their next sync.'));
    // The version list names it, with the note, and the script's version went up.
    await lead.page.getByRole('tab', { name: 'Versions' }).click();
    await visible(lead.page.getByText('Shorter opening question'));

    await syncNow(sdr.page);
    await discoveryCall(sdr.page, second.company, NEW_QUESTION, 'Second call on the new script');
    const timeline = sdr.page.getByRole('region', { name: 'Timeline' });
    const newCall = timeline.getByRole('listitem').filter({ hasText: 'Inbound discovery v2' });
    await visible(newCall);
    await newCall.getByText(/answers · Inbound discovery v2/).click();
    await visible(newCall.getByText(NEW_QUESTION));

    // The first call still shows the question as it was asked.
    await queue(sdr.page).getByRole('option', { name: new RegExp(first.company) }).click();
    await visible(sdr.page.getByRole('heading', { name: first.company }));
    const oldCall = timeline.getByRole('listitem').filter({ hasText: 'Inbound discovery v1' });
    await visible(oldCall);
    await oldCall.getByText(/answers · Inbound discovery v1/).click();
    await visible(oldCall.getByText(new RegExp(OLD_QUESTION)));
    expect(await oldCall.getByText(NEW_QUESTION).count()).toBe(0);
  });
});

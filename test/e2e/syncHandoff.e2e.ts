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
 * The hand-off loop across browsers against the real team server: an SDR hands a lead off while
 * offline, goes online; a second SDR's hand-off of the same lead is refused with who and when;
 * a sales rep in another browser returns it with a reason; the SDR sees the reason on the lead.
 */

const PASSWORD = 'a long enough password';
let browser: Browser;
let app: FastifyInstance;
let db: Kysely<Database>;
let base: string;
const company = '杭州青禾数字营销有限公司';

async function api(path: string, body: unknown, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  db = openDatabase({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'sdr-e2e-')), 'sdr-desk.sqlite') });
  await migrateToLatest(db);
  await bootstrapAdmin(db, 'admin@example.com', 'correct horse battery', Date.now());
  app = await createApp({ webRoot: fileURLToPath(new URL('../../dist/renderer', import.meta.url)), db, crmIntervalMs: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = async (email: string, password: string) => (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).json()) as { token: string };
  const admin = await login('admin@example.com', 'correct horse battery');
  const team = await api('/api/admin/teams', { name: '华东一组' }, admin.token);
  for (const [email, name, role] of [
    ['li@example.com', '李雷', 'sdr'],
    ['han@example.com', '韩梅梅', 'sdr'],
    ['sam@example.com', 'Sam Sales', 'sales'],
    ['lead@example.com', 'Team Lead', 'lead'],
  ] as const) {
    await api('/api/admin/users', { email, name, role, teamId: team['id'], password: PASSWORD }, admin.token);
  }
  // The team lead puts a lead in the team's pool, where both SDRs see it.
  const teamLead = await login('lead@example.com', PASSWORD);
  const now = Date.now();
  const lead = makeLead({ company, contactName: '周婷', status: 'working', createdAt: now, updatedAt: now });
  const clientId = uuidv7();
  await api('/api/sync/push', { clientId, protocolVersion: PROTOCOL_VERSION, mutations: [{ seq: 1, id: uuidv7(), name: 'lead.create', args: { lead }, hlc: encodeHlc({ wallMs: now, counter: 0, clientId }), createdAt: now }] }, teamLead.token);
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
  const page = await context.newPage();
  await page.goto(base);
  // A fresh profile is welcomed with the choice of demo data, a CSV or the team's server.
  await page.getByRole('dialog', { name: 'Welcome to SDR Desk' }).getByRole('button', { name: 'Sign in to my team' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to your team server' });
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => syncStatus(page).getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/Synced/);
  return { context, page };
}

const syncStatus = (page: Page): Locator => page.getByRole('button', { name: /^Sync status:/ });
const queue = (page: Page) => page.getByRole('listbox', { name: 'Leads, in calling order' });

async function handOffAnyway(page: Page, reason: string): Promise<void> {
  await queue(page).getByRole('option', { name: new RegExp(company) }).click();
  const form = page.getByRole('form', { name: 'Hand off to sales' });
  await form.getByRole('textbox', { name: 'Why hand off with criteria missing?' }).fill(reason);
  await form.getByRole('button', { name: 'Hand off anyway' }).click();
  await page.getByRole('status', { name: 'Hand-off status' }).getByText('Waiting to sync').waitFor();
}

describe('the hand-off loop between SDRs and sales, through the team server', () => {
  it('hands off offline, refuses the second SDR, returns with a reason the SDR sees', async () => {
    const li = await signedIn('li@example.com');
    const han = await signedIn('han@example.com');
    await queue(li.page).getByRole('option', { name: new RegExp(company) }).waitFor();
    await queue(han.page).getByRole('option', { name: new RegExp(company) }).waitFor();

    // Both SDRs are on the road: each hands the same pool lead off without a network.
    await li.context.setOffline(true);
    await han.context.setOffline(true);
    await handOffAnyway(li.page, '客户今天就要报价');
    await handOffAnyway(han.page, '展会上聊得很好');
    await expect.poll(() => syncStatus(li.page).getAttribute('aria-label')).toMatch(/1 waiting/);

    // 李雷 gets a network first: the hand-off reaches sales.
    await li.context.setOffline(false);
    await li.page.getByRole('status', { name: 'Hand-off status' }).getByText('Delivered').waitFor({ timeout: 20_000 });

    // 韩梅梅's goes second and is refused, naming who handed it off and when.
    await han.context.setOffline(false);
    await expect.poll(() => syncStatus(han.page).getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/Needs attention \(1\)/);
    await syncStatus(han.page).click();
    const refused = han.page.getByRole('dialog', { name: 'Sync and account' }).getByRole('listitem');
    await expect.poll(() => refused.textContent()).toMatch(/李雷 already handed this lead off at \d{4}-/);

    // Sam, in sales, returns it with a reason from a browser.
    const sam = await signedIn('sam@example.com');
    const inbox = sam.page.getByRole('main');
    await inbox.getByText(company).first().click();
    await sam.page.getByRole('button', { name: 'Return to SDR…' }).click();
    const dialog = sam.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('预算还没批，下季度再联系');
    await dialog.getByRole('button', { name: /^Return/ }).click();
    // The answer leaves Sam's browser on its own, shortly after it is saved.
    await expect.poll(async () => (await db.selectFrom('sync_entities').select('data').where('kind', '=', 'handoff').execute()).some((r) => r.data.includes('预算还没批')), { timeout: 20_000 }).toBe(true);

    // 李雷 syncs and sees why, on the lead and in the queue.
    await syncStatus(li.page).click();
    await li.page.getByRole('dialog', { name: 'Sync and account' }).getByRole('button', { name: /Sync now/ }).click();
    await li.page.keyboard.press('Escape');
    const returned = li.page.getByRole('alert', { name: 'Returned by sales' });
    await returned.waitFor({ timeout: 20_000 });
    expect(await returned.textContent()).toContain('预算还没批，下季度再联系');
    expect(await returned.textContent()).toContain('Sam Sales');
    expect(await queue(li.page).getByRole('option', { name: new RegExp(company) }).textContent()).toContain('Returned by sales: 预算还没批');
    for (const c of [li, han, sam]) await c.context.close();
  });
});

/**
 * Looks at the team screens: sign-in, sync status, needs attention, the sales inbox, a returned
 * lead and the admin screen, at 1366×768 and 1920×1080 in English and Chinese, against a real
 * server with a seeded team. Not a test; run with
 * `npm run build:renderer && npx tsx test/e2e/teamScreenshots.ts [outDir]`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { encodeHlc } from '../../shared/sync/hlc';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createApp } from '../../server/app';
import { bootstrapAdmin } from '../../server/auth/bootstrapAdmin';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import { launchChromium } from '../helpers/chromium';
import { makeCall, makeHandoff, makeNote, makeStatusEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';

const outDir = process.argv[2] ?? '.tmp/screenshots/team';
mkdirSync(outDir, { recursive: true });
const PASSWORD = 'a long enough password';
const db = openDatabase({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'sdr-shots-')), 'sdr-desk.sqlite') });
await migrateToLatest(db);
await bootstrapAdmin(db, 'admin@example.com', PASSWORD, Date.now());
const app = await createApp({ webRoot: fileURLToPath(new URL('../../dist/renderer', import.meta.url)), db, crmIntervalMs: 0, loginAttemptsPerMinute: 100 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const login = async (email: string) => ((await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })).json()) as { token: string }).token;
const post = async (path: string, body: unknown, token: string) => (await (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })).json()) as Record<string, string>;
const admin = await login('admin@example.com');
const team = await post('/api/admin/teams', { name: '华东一组' }, admin);
await post('/api/admin/teams', { name: 'Enterprise West' }, admin);
for (const [email, name, role] of [
  ['li@example.com', '李雷', 'sdr'],
  ['han@example.com', '韩梅梅', 'sdr'],
  ['sam@example.com', 'Sam Sales', 'sales'],
  ['lead@example.com', '王经理', 'lead'],
] as const) {
  await post('/api/admin/users', { email, name, role, teamId: team['id'], password: PASSWORD }, admin);
}

// 李雷 works three leads and hands two off; Sam returns one of them.
const sdrToken = await login('li@example.com');
const clientId = uuidv7();
let seq = 0;
const push = async (token: string, client: string, name: string, args: unknown) => {
  const now = Date.now();
  await post('/api/sync/push', { clientId: client, protocolVersion: PROTOCOL_VERSION, mutations: [{ seq: ++seq, id: uuidv7(), name, args, hlc: encodeHlc({ wallMs: now, counter: seq, clientId: client }), createdAt: now }] }, token);
};
const created = Date.now() - 2 * 86_400_000;
const leads = [
  makeLead({ company: '杭州青禾数字营销有限公司', contactName: '周婷', title: '市场总监', status: 'working', createdAt: created, updatedAt: created }),
  makeLead({ company: 'Brightline Energy Inc.', contactName: 'Noah Chen', title: 'Marketing Operations Lead', email: 'noah@brightline.example', phones: ['+14155550123'], status: 'working', createdAt: created, updatedAt: created }),
  makeLead({ company: '深圳凯德智能制造有限公司', contactName: '陈艳', title: '数字营销负责人', status: 'working', createdAt: created, updatedAt: created }),
];
for (const lead of leads) {
  await push(sdrToken, clientId, 'lead.create', { lead });
  const call = makeCall(lead, { startedAt: Date.now() - 3_600_000, connectedAt: Date.now() - 3_590_000, endedAt: Date.now() - 3_000_000, answers: { 'why-now': '新财年要上营销自动化', budget: '30-50万' } });
  await push(sdrToken, clientId, 'call.start', { call });
  await push(sdrToken, clientId, 'call.wrapUp', { id: call.id, wrappedUpAt: Date.now() - 2_950_000, disposition: 'connected-conversation', doNotCall: false, callbackAt: null, leadFields: {} });
  await push(sdrToken, clientId, 'note.add', { note: makeNote(lead, { text: '预算已批，Q3 上线；决策人是CMO，下周二可约演示。', createdAt: Date.now() - 2_900_000 }) });
}
const handoffs = leads.slice(0, 2).map((lead) => makeHandoff(lead, { owner: { id: 'sam@example.com', name: 'Sam Sales' }, summary: `${lead.company} — 需求：营销自动化替换旧系统\n决策人：CMO，已参与\n时间：3 个月内\n预算：30–50 万` }));
for (const [i, handoff] of handoffs.entries()) await push(sdrToken, clientId, 'handoff.create', { handoff, event: makeStatusEvent(leads[i]!, 'mql', { at: Date.now() }) });
const salesToken = await login('sam@example.com');
const salesClient = uuidv7();
seq = 0;
await push(salesToken, salesClient, 'handoff.return', { id: handoffs[1]!.id, eventId: uuidv7(), at: Date.now(), reason: 'Budget not confirmed yet — the CFO still has to sign off. 预算未最终确认。' });

async function signIn(page: Page, email: string) {
  await page.goto(base);
  await page.getByRole('dialog').getByRole('button', { name: /Sign in to my team|登录我的团队/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/E-mail|邮箱/).fill(email);
  await dialog.getByLabel(/Password|密码/).fill(PASSWORD);
  await dialog.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForTimeout(1500);
}

async function shots(browser: Browser, locale: string, width: number, height: number) {
  const tag = `${locale}-${width}`;
  const context = await browser.newContext({ locale, viewport: { width, height } });
  await context.addInitScript('window.__name = (fn) => fn');
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: `${outDir}/${tag}-0-welcome.png` });
  await signIn(page, 'li@example.com');
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${outDir}/${tag}-1-sdr-returned.png` });
  await page.getByRole('button', { name: /^(Sync status|同步状态)/ }).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${outDir}/${tag}-2-sync-panel.png` });
  await context.close();

  const sales = await browser.newContext({ locale, viewport: { width, height } });
  await sales.addInitScript('window.__name = (fn) => fn');
  const salesPage = await sales.newPage();
  await signIn(salesPage, 'sam@example.com');
  await salesPage.waitForTimeout(500);
  await salesPage.screenshot({ path: `${outDir}/${tag}-3-sales-inbox.png` });
  await sales.close();

  const adminContext = await browser.newContext({ locale, viewport: { width, height } });
  await adminContext.addInitScript('window.__name = (fn) => fn');
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, 'admin@example.com');
  await adminPage.waitForTimeout(500);
  await adminPage.screenshot({ path: `${outDir}/${tag}-4-admin.png` });
  await adminContext.close();
}

const browser = await launchChromium();
try {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await shots(browser, locale, width, height);
    }
  }
} finally {
  await browser.close();
  await app.close();
  await db.destroy();
}
console.log(`screenshots in ${outDir}`);

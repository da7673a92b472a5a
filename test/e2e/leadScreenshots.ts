/**
 * Looks at a team lead's screens (review, reports, playbook) and the SDR's feedback, at 1366×768
 * and 1920×1080 in English and Chinese, against a real server seeded with a month of a 5-SDR team.
 * Not a test; run with `npm run build:renderer && npx tsx test/e2e/leadScreenshots.ts [outDir]`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import type { Call } from '../../shared/model/call';
import { SOURCE_CHANNELS } from '../../shared/model/lead';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';
import { DEFAULT_SCRIPTS } from '../../shared/playbook/scripts';
import { encodeHlc } from '../../shared/sync/hlc';
import { MAX_PUSH_BATCH, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createApp } from '../../server/app';
import { bootstrapAdmin } from '../../server/auth/bootstrapAdmin';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import { launchChromium } from '../helpers/chromium';
import { makeCall, makeHandoff, makeNote, makeStatusEvent } from '../helpers/discoveryFactory';
import { makeLead } from '../helpers/leadFactory';

const outDir = process.argv[2] ?? '.tmp/screenshots/lead';
mkdirSync(outDir, { recursive: true });
const PASSWORD = 'a long enough password';
const db = openDatabase({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'sdr-shots-')), 'sdr-desk.sqlite') });
await migrateToLatest(db);
await bootstrapAdmin(db, 'admin@example.com', PASSWORD, Date.now());
const app = await createApp({ webRoot: fileURLToPath(new URL('../../dist/renderer', import.meta.url)), db, crmIntervalMs: 0, loginAttemptsPerMinute: 1000, syncRequestsPerMinute: 100_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const login = async (email: string) => ((await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })).json()) as { token: string }).token;
const post = async (path: string, body: unknown, token: string) => (await (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })).json()) as Record<string, string>;
const admin = await login('admin@example.com');
const team = await post('/api/admin/teams', { name: '华东一组' }, admin);
const SDRS = [
  ['li@example.com', '李雷'],
  ['han@example.com', '韩梅梅'],
  ['zhou@example.com', '周杰'],
  ['amy@example.com', 'Amy Wu'],
  ['chen@example.com', '陈晨'],
] as const;
for (const [email, name] of SDRS) await post('/api/admin/users', { email, name, role: 'sdr', teamId: team['id'], password: PASSWORD }, admin);
await post('/api/admin/users', { email: 'sam@example.com', name: 'Sam Sales', role: 'sales', teamId: team['id'], password: PASSWORD }, admin);
await post('/api/admin/users', { email: 'lead@example.com', name: '王经理', role: 'lead', teamId: team['id'], password: PASSWORD }, admin);

class Client {
  readonly id = uuidv7();
  private seq = 0;
  private queue: unknown[] = [];
  constructor(readonly token: string) {}
  add(name: string, args: unknown) {
    const now = Date.now();
    this.queue.push({ seq: ++this.seq, id: uuidv7(), name, args, hlc: encodeHlc({ wallMs: now, counter: this.seq, clientId: this.id }), createdAt: now });
  }
  async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_PUSH_BATCH);
      const answer = (await post('/api/sync/push', { clientId: this.id, protocolVersion: PROTOCOL_VERSION, mutations: batch }, this.token)) as unknown as { results?: { status: string; message?: string }[] };
      const refused = (answer.results ?? []).filter((r) => r.status !== 'applied');
      if (!answer.results || refused.length > 0) console.warn('push:', JSON.stringify(answer).slice(0, 300), refused.slice(0, 3));
    }
  }
}

let state = 42;
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const DAY = 86_400_000;
const today = new Date();
today.setHours(0, 0, 0, 0);
const script = DEFAULT_SCRIPTS.find((s) => s.kind === 'inbound' && s.locale === 'zh-CN')!;
const questions = script.sections.flatMap((s) => s.questions);
const NOTES = ['客户目前用 Excel 管线索，市场部 6 人', '预算已批，Q3 上线；决策人是 CMO', 'Wants lead scoring before the trade show', '对价格敏感，需要先看案例', '下周二约了演示，CMO 会参加', 'Using HubSpot free, outgrowing it'];
const COMPANIES = ['杭州青禾数字', '苏州云帆营销', '宁波海岸数据', 'Brightline Energy', '深圳凯德智能', '成都蓝鲸教育', 'Northwind Foods', '上海星图医疗', '南京博远软件', '广州时代传媒'];
const REASONS = ['预算未确认', 'Not the decision maker', '时间线超过 6 个月', '已有供应商', 'Duplicate of an open opportunity'];
const salesToken = await login('sam@example.com');
const sales = new Client(salesToken);
const sam = (await (await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${salesToken}` } })).json()) as { id: string };
const liCalls: Call[] = [];
for (const [email] of SDRS) {
  const client = new Client(await login(email));
  for (let i = 0; i < 60; i++) {
    const created = Math.round(today.getTime() - Math.floor(random() * 28) * DAY + (9 + random() * 9) * 3_600_000);
    const lead = makeLead({
      company: `${pick(COMPANIES)}${i}`,
      contactName: pick(['周婷', '陈静', 'Noah Chen', '刘洋', '王芳']),
      kind: random() < 0.7 ? 'inbound' : 'outbound',
      sourceChannel: pick(SOURCE_CHANNELS),
      campaign: pick(['秋季峰会', '白皮书下载', '', 'Q4 webinar', '']),
      tags: random() < 0.4 ? [pick(DEFAULT_PLAYBOOK.taxonomy.flatMap((g) => g.tags.map((t) => t.id)))] : [],
      status: 'working',
      createdAt: created,
      updatedAt: created,
    });
    client.add('lead.create', { lead });
    let handed = false;
    for (let c = 0; c < 1 + Math.floor(random() * 4); c++) {
      const start = Math.round(created + (c === 0 ? random() * 3_600_000 : c * DAY));
      if (start > Date.now()) break;
      const connected = random() < 0.4;
      const answers = connected ? Object.fromEntries(questions.slice(0, 2 + Math.floor(random() * 5)).filter((q) => q.type === 'text').map((q) => [q.id, pick(NOTES)])) : {};
      const call = makeCall(lead, {
        startedAt: start,
        connectedAt: connected ? start + 15_000 : null,
        endedAt: Math.round(start + (connected ? 60_000 + random() * 900_000 : 25_000)),
        wrappedUpAt: start + 1_000_000,
        disposition: connected ? 'connected-conversation' : pick(['no-answer', 'busy', 'voicemail']),
        scriptId: connected ? script.id : null,
        scriptVersion: connected ? script.version : null,
        answers,
      });
      client.add('call.start', { call });
      if (email === 'li@example.com' && connected) liCalls.push(call);
      if (connected) client.add('note.add', { note: makeNote(lead, { callId: call.id, text: pick(NOTES), createdAt: start + 900_000 }) });
      if (connected && !handed && random() < 0.35) {
        handed = true;
        const handoff = makeHandoff(lead, { owner: { id: sam.id, name: 'Sam Sales' }, createdAt: start + 1_100_000, updatedAt: start + 1_100_000 });
        client.add('handoff.create', { handoff, event: makeStatusEvent(lead, 'mql', { at: start + 1_100_000 }) });
        const r = random();
        if (r < 0.55) sales.add('handoff.accept', { id: handoff.id, eventId: uuidv7(), at: start + 2 * DAY });
        else if (r < 0.85) sales.add('handoff.return', { id: handoff.id, eventId: uuidv7(), at: start + 2 * DAY, reason: pick(REASONS) });
      } else if (!connected && c === 2 && random() < 0.3) {
        client.add('lead.transition', { event: makeStatusEvent(lead, 'nurturing', { at: start + 1_050_000, reason: '明年再联系', nextTouchAt: start + 90 * DAY }) });
        break;
      }
    }
  }
  await client.flush();
}
await sales.flush();
const boss = new Client(await login('lead@example.com'));
for (const call of liCalls.slice(-3)) {
  boss.add('review.add', { review: { id: uuidv7(), callId: call.id, leadId: call.leadId, comment: '探询问题问得好；结束前要约定有日期的下一步。Good discovery — close with a dated next step.', scores: { 'discovery-depth': 4, 'pain-confirmed': 4, 'next-step': 2 }, criteria: DEFAULT_PLAYBOOK.scorecard, at: Date.now() - 600_000 } });
}
await boss.flush();
console.log('seeded');

async function signIn(page: Page, email: string) {
  await page.goto(base);
  await page.getByRole('dialog').getByRole('button', { name: /Sign in to my team|登录我的团队/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/E-mail|邮箱/).fill(email);
  await dialog.getByLabel(/Password|密码/).fill(PASSWORD);
  await dialog.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForTimeout(2500);
}

async function shots(browser: Browser, locale: string, width: number, height: number) {
  const tag = `${locale}-${width}`;
  const context = await browser.newContext({ locale, viewport: { width, height } });
  await context.addInitScript('window.__name = (fn) => fn');
  const page = await context.newPage();
  await signIn(page, 'lead@example.com');
  const screens = page.getByRole('navigation', { name: /Screens|功能页/ });
  await screens.getByRole('button').nth(1).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${outDir}/${tag}-1-review-list.png` });
  await page.getByRole('listbox').first().getByRole('option').first().click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${outDir}/${tag}-2-review-call.png` });
  await screens.getByRole('button').nth(3).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${outDir}/${tag}-3-reports.png` });
  await page.screenshot({ path: `${outDir}/${tag}-3b-reports-full.png`, fullPage: true });
  await screens.getByRole('button').nth(2).click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${outDir}/${tag}-4-playbook.png` });
  await context.close();

  const sdr = await browser.newContext({ locale, viewport: { width, height } });
  await sdr.addInitScript('window.__name = (fn) => fn');
  const sdrPage = await sdr.newPage();
  await signIn(sdrPage, 'li@example.com');
  await sdrPage.getByRole('button', { name: /Feedback|教练反馈/ }).click();
  await sdrPage.waitForTimeout(500);
  await sdrPage.getByRole('dialog').getByRole('listitem').first().getByRole('button').first().click();
  await sdrPage.waitForTimeout(400);
  await sdrPage.screenshot({ path: `${outDir}/${tag}-5-sdr-feedback.png` });
  await sdr.close();
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

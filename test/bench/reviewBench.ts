/**
 * Review and reports benchmark, issue 5's target (part of `npm run bench`; alone:
 * `npx tsx test/bench/reviewBench.ts`). A generated year of one 50-SDR team (~1,000,000 calls,
 * ~200,000 leads, ~15,000 hand-offs) and of a small second team goes straight into the review
 * projections (rv_*) of a fresh, migrated database, on SQLite and on PostgreSQL; the call rollups
 * are rebuilt from them (rebuildCallRollups, as after an upgrade), then ANALYZE.
 * The team server runs in its own process (syncServer.ts) and a signed-in team lead asks it over
 * real HTTP (fetch, one request at a time) for:
 * - the team dashboard (GET /api/reports/team), the last 30 days and the whole year;
 * - the filtered call list (GET /api/review/calls: the first page of 50 with its total) for a mix
 *   of filter sets, each over the last 30 days and the whole year, and a later page by cursor.
 * Floor: `select count(*) from rv_calls where team_id = ?` over the same rows (the year's, or the
 * last 30 days' with the period in the where), sent from this process straight to the database.
 * Every kind is timed in the same rounds, interleaved: 2 warm-up rounds, then BENCH_REVIEW_RUNS
 * (20). Prints figures; never fails on a timing. Target: p95 ≤ 500 ms on both databases.
 *
 * Knobs: BENCH_REVIEW_SCALE (0.05 shrinks calls, leads and hand-offs), BENCH_REVIEW_DIALECTS
 * (sqlite,postgresql), BENCH_REVIEW_RUNS, BENCH_REVIEW_KEEP=1 (keep the databases, print where).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Insertable, type Kysely } from 'kysely';
import { TeamReportSchema } from '../../shared/api/reports';
import { ReviewCallListSchema, ReviewCallQuerySchema } from '../../shared/api/review';
import type { CallChannel } from '../../shared/model/call';
import type { LeadKind, SourceChannel } from '../../shared/model/lead';
import { DEFAULT_PLAYBOOK } from '../../shared/playbook/defaults';
import { DEFAULT_SCRIPTS } from '../../shared/playbook/scripts';
import { periodBounds, type Period } from '../../shared/rules/period';
import { hashPassword } from '../../server/auth/passwords';
import { migrateToLatest, openDatabase, type DatabaseTarget } from '../../server/db/database';
import type { Database, RvAnswersTable, RvCallsTable, RvHandoffsTable, RvLeadsTable, RvStatusTable, RvTextsTable } from '../../server/db/schema';
import { rebuildCallRollups } from '../../server/review/rollups';
import { searchable } from '../../server/review/search';
import { mulberry32 } from '../../renderer/features/demo/demoLeads';
import { DIALECTS, type TestDatabase } from '../helpers/serverDb';
import { startServer, type ServerProcess } from './syncBench';

const env = process.env;
const SCALE = Number(env['BENCH_REVIEW_SCALE'] ?? 1);
const RUNS = Number(env['BENCH_REVIEW_RUNS'] ?? 20);
const WARMUPS = 2;
const DIALECT_NAMES = (env['BENCH_REVIEW_DIALECTS'] ?? 'sqlite,postgresql').toLowerCase().split(',');
const KEEP = env['BENCH_REVIEW_KEEP'] === '1';
const TARGET_MS = 500;
/** The team server as the sync bench runs it: same configuration as server/main.ts, its own process. */

const END_DATE = '2026-11-29';
const TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const dayBefore = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
const PERIODS = {
  month: { from: dayBefore(END_DATE, 29), to: END_DATE, tz: TIME_ZONE },
  year: { from: dayBefore(END_DATE, 364), to: END_DATE, tz: TIME_ZONE },
} as const satisfies Record<string, Period>;
type PeriodName = keyof typeof PERIODS;
const PERIOD_LABEL: Record<PeriodName, string> = { month: 'last 30 days', year: 'year' };

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);
const count = (n: number) => n.toLocaleString('en');
/** Nearest-rank percentile of unsorted samples. */
const pct = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const serverTiming = (header: string | null) => Number(/dur=([\d.]+)/.exec(header ?? '')?.[1] ?? NaN);

// ——— the generated year ———

interface TeamSpec {
  readonly name: string;
  /** Unique per team: the accounts' e-mail addresses carry it. */
  readonly slug: string;
  readonly sdrNames: readonly string[];
  readonly salesNames: readonly string[];
  readonly calls: number;
  readonly leads: number;
  readonly handoffs: number;
  readonly seed: number;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '杰', '婷', '强', '军'];
const TEAMS: readonly TeamSpec[] = [
  {
    name: '华东销售发展',
    slug: 'east',
    sdrNames: Array.from({ length: 50 }, (_, i) => `${SURNAMES[i % 10]!}${GIVEN[Math.floor(i / 10)]!}${GIVEN[(i * 7) % 12]!}`),
    salesNames: ['孙立', 'Sam Sales', '郑洁'],
    calls: Math.round(1_000_000 * SCALE),
    leads: Math.round(200_000 * SCALE),
    handoffs: Math.round(15_000 * SCALE),
    seed: 5,
  },
  // A small second team in the same tables: every query has to keep to its own team.
  { name: 'Enterprise West', slug: 'west', sdrNames: ['Alice Wong', 'Ben Carter', 'Chloe Lim', 'David Ng', 'Emma Brown'], salesNames: ['Frank Li'], calls: Math.round(50_000 * SCALE), leads: Math.round(8_000 * SCALE), handoffs: Math.round(600 * SCALE), seed: 6 },
];

/** Shanghai has kept UTC+8 all year since 1991: generated times use the offset directly. */
const OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const localDayStart = (t: number) => Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
const P_PHONE = 0.88;
const P_WECHAT = 0.08;
const P_CONNECT = 0.3;
const P_NOTE = 0.35;
const P_REVIEWED = 0.03;
/** Each SDR keeps calling back the leads they called most recently. */
const FOLLOW_UP_POOL = 400;
const DISPOSITION_WEIGHTS: Readonly<Record<string, number>> = { 'connected-conversation': 60, 'connected-not-now': 22, 'callback-requested': 15, 'do-not-call': 3, 'no-answer': 55, busy: 20, voicemail: 23, 'wrong-number': 2 };
const dispositions = (connected: boolean) => DEFAULT_PLAYBOOK.dispositions.filter((d) => d.connected === connected).map((d) => [d.id, DISPOSITION_WEIGHTS[d.id] ?? 1] as const);
const CONNECTED = dispositions(true);
const NOT_CONNECTED = dispositions(false);
const CONVERSATION_SHARE = (DISPOSITION_WEIGHTS['connected-conversation'] ?? 0) / CONNECTED.reduce((a, [, w]) => a + w, 0);
const TAG_IDS = DEFAULT_PLAYBOOK.taxonomy.flatMap((group) => group.tags.map((tag) => tag.id));
const SOURCES: Record<LeadKind, readonly (readonly [SourceChannel, number])[]> = {
  inbound: [['website_form', 30], ['content_download', 20], ['webinar', 15], ['event', 10], ['referral', 8], ['paid_ads', 10], ['social', 5], ['partner', 2]],
  outbound: [['cold_list', 70], ['event', 10], ['partner', 8], ['referral', 5], ['other', 7]],
};
/** With the quarter they ran in: ~30 campaigns over the year, and leads with none. */
const CAMPAIGN_THEMES = ['线上研讨会', '行业白皮书', '百度搜索推广', '微信公众号', 'LinkedIn ABM', '上海展会', '老客户推荐'];
const CITIES = ['杭州', '深圳', '上海', '北京', '苏州', '成都', '广州', '南京', '武汉', '西安'];
const BRANDS = ['青禾', '凯德', '星河', '云帆', '博远', '华信', '启明', '润泽', '新锐', '恒通', '安泰', '中科'];
const TRADES = ['数字营销有限公司', '智能制造有限公司', '教育科技有限公司', '医疗器械有限公司', '软件有限公司', '零售连锁有限公司', '金融信息服务有限公司'];
const EN_COMPANIES = ['Brightline', 'Northwind', 'Bluepeak', 'Globex', 'Initech', 'Vertex', 'Lumen', 'Harbor'];
const EN_TRADES = [' Energy Inc.', ' Software Ltd.', ' Health Co.', ' Retail Group', ' Logistics'];
const EN_PEOPLE = ['Noah Chen', 'Olivia Tan', 'Liam Ho', 'Mia Lee', 'Lucas Goh', 'Ava Lim'];
const RETURN_REASONS = ['预算未确认', 'Budget not confirmed yet', '决策人未参与', 'No decision maker on the call', '上线时间超过6个月', 'Timeline beyond 6 months', '已有供应商，合同未到期', 'Not a fit: company too small'];
const ZH_PHRASES = [
  '目前用Excel管理线索，经常漏跟进', '预算在审批中，预计下个月批下来', '今年的营销预算比去年多了三成', '预算有限，先从线索管理做起', '下周二约了产品演示',
  '决策人是市场副总裁，这次也在线上', '决策人还没参与，需要再约', '正在评估两家供应商，我们是其中之一', '希望三个月内上线', '对营销自动化很感兴趣',
  '销售抱怨线索质量差，跟进也慢', '渠道效果无法归因，老板一直在问ROI', '数据分散在企业微信、CRM和表格里', '需要和IT部门确认系统对接方案', '现有系统的合同年底到期',
  '对价格比较敏感，要先看报价', '要求先发几个同行业案例', '展会线索很多但转化率低', '市场团队二十人左右，还在扩招', '希望能和SAP打通',
  '客户下周出差，约了月底回电', '之前用过别家产品，体验不好', '关注数据安全，要求私有化部署', '上个季度换了新的市场总监', '约了demo，需要准备制造业案例',
  '对方想先做小范围试点', '公众号和视频号是主要获客渠道', '内容下载量大，但后续没有培育',
];
const EN_PHRASES = [
  'They track leads in spreadsheets and lose follow-ups', 'Budget is approved for Q3', 'Budget still waits for the CFO', 'Demo booked for next Tuesday with the marketing team',
  'Wants a demo for the CMO before the board meeting', 'Decision maker is the VP of Marketing', 'Evaluating HubSpot and one local vendor', 'Wants to go live within three months',
  'Send two case studies from manufacturing first', 'Sales complain about lead quality', 'Attribution across channels is a mess', 'Needs an integration with Salesforce',
  'Current contract ends in December', 'Price sensitive, asked for a quote', 'Team of about 20 marketers, still hiring', 'Trade show leads convert poorly',
  'Data lives in WeCom groups and the CRM', 'Asked to call back after the holiday',
];
/** The rare word: about one text in 5,000 (~70 calls a year, a handful a month). */
const RARE_PHRASE = '他们在做区块链溯源项目';
const SCRIPT_BY_ID = new Map(DEFAULT_SCRIPTS.map((script) => [script.id, { script, questions: script.sections.flatMap((section) => section.questions) }]));

interface GenLead {
  readonly row: Insertable<RvLeadsTable>;
  readonly kind: LeadKind;
  readonly owner: number | null;
  readonly neverCall: boolean;
  firstCallAt: number | null;
  firstCallSdr: string | null;
  readonly handoffs: { readonly createdAt: number; readonly status: string; readonly decidedAt: number | null }[];
  /** Handed off (accepted or waiting) or disqualified: nobody calls it any more. */
  closed: boolean;
}

/** One SDR's desk: their leads by creation, the ones not called yet, the ones they call back. */
interface Desk {
  readonly sdrId: string;
  readonly leads: GenLead[];
  next: number;
  readonly fresh: GenLead[];
  freshHead: number;
  readonly pool: GenLead[];
  poolNext: number;
}

/** Rows for one projection table, written in multi-row inserts under the bound-parameter limit. */
class TableBuffer<R extends object> {
  private rows: R[] = [];
  written = 0;

  constructor(
    private readonly paramBudget: number,
    private readonly write: (rows: R[]) => Promise<unknown>,
  ) {}

  push(row: R): void {
    this.rows.push(row);
  }

  /** Writes every full chunk; with `all`, the rest too. */
  async flush(all: boolean): Promise<void> {
    if (this.rows.length === 0) return;
    const size = Math.max(1, Math.floor(this.paramBudget / Object.keys(this.rows[0]!).length));
    let i = 0;
    for (; i + size <= this.rows.length || (all && i < this.rows.length); i += size) {
      const chunk = this.rows.slice(i, i + size);
      await this.write(chunk);
      this.written += chunk.length;
    }
    this.rows = this.rows.slice(Math.min(i, this.rows.length));
  }
}

function tableBuffers(db: Kysely<Database>, paramBudget: number) {
  return {
    calls: new TableBuffer<Insertable<RvCallsTable>>(paramBudget, (rows) => db.insertInto('rv_calls').values(rows).execute()),
    leads: new TableBuffer<Insertable<RvLeadsTable>>(paramBudget, (rows) => db.insertInto('rv_leads').values(rows).execute()),
    handoffs: new TableBuffer<Insertable<RvHandoffsTable>>(paramBudget, (rows) => db.insertInto('rv_handoffs').values(rows).execute()),
    statuses: new TableBuffer<Insertable<RvStatusTable>>(paramBudget, (rows) => db.insertInto('rv_status').values(rows).execute()),
    answers: new TableBuffer<Insertable<RvAnswersTable>>(paramBudget, (rows) => db.insertInto('rv_answers').values(rows).execute()),
    texts: new TableBuffer<Insertable<RvTextsTable>>(paramBudget, (rows) => db.insertInto('rv_texts').values(rows).execute()),
  };
}
type Buffers = ReturnType<typeof tableBuffers>;

function weighted<T>(random: () => number, entries: readonly (readonly [T, number])[]): T {
  let x = random() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** `k` distinct items of `xs` in random order (a partial Fisher–Yates shuffle). */
function sample<T>(random: () => number, xs: readonly T[], k: number): T[] {
  const copy = [...xs];
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** A UUIDv7 as the app makes them (time first), from the seeded random. */
function uuid7(at: number, random: () => number): string {
  const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0');
  const t = hex(at, 12);
  const r = (digits: number) => hex(random() * 16 ** digits, digits);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${r(3)}-${hex(8 + random() * 4, 1)}${r(3)}-${r(6)}${r(6)}`;
}

/** Free text as SDRs write it: 50–300 characters of phrases, Chinese (with the odd English term) or English. */
function freeText(random: () => number, zh: boolean, min: number, max: number): string {
  const bank = zh ? ZH_PHRASES : EN_PHRASES;
  const target = min + Math.floor(random() * (max - min));
  const parts: string[] = [];
  for (let length = 0; length < target; ) {
    const phrase = bank[Math.floor(random() * bank.length)]!;
    parts.push(phrase);
    length += phrase.length + 1;
  }
  if (random() < 0.0002) parts.splice(Math.floor(random() * parts.length), 0, RARE_PHRASE);
  return (zh ? `${parts.join('，')}。` : `${parts.join('. ')}.`).slice(0, max);
}

/** ~5 answers of a script's questions, by their types; the projection's text is their values, one a line. */
function answersOf(random: () => number, scriptId: string, at: number): { questionIds: string[]; text: string } {
  const { script, questions } = SCRIPT_BY_ID.get(scriptId)!;
  const zh = script.locale === 'zh-CN';
  const chosen = sample(random, questions, 3 + Math.floor(random() * 5));
  const values = chosen.map((q): string => {
    const options = q.options ?? [];
    switch (q.type) {
      case 'single':
        return options[Math.floor(random() * options.length)]?.id ?? '';
      case 'multi':
        return sample(random, options, 1 + Math.floor(random() * 3)).map((o) => o.id).join(' ');
      case 'number':
        return String(5 + Math.floor(random() * 500));
      case 'scale':
        return String((q.scale?.min ?? 1) + Math.floor(random() * ((q.scale?.max ?? 5) - (q.scale?.min ?? 1) + 1)));
      case 'date':
        return new Date(at + Math.floor(random() * 180) * DAY_MS).toISOString().slice(0, 10);
      case 'text':
        return freeText(random, zh, 10, 80);
    }
  });
  let text = values.join('\n');
  if (text.length < 50) text += `\n${freeText(random, zh, 50, 120)}`;
  return { questionIds: chosen.map((q) => q.id), text: text.slice(0, 300) };
}

interface LoadedTeam {
  readonly teamId: string;
  readonly sdrIds: readonly string[];
  readonly leadEmail: string;
  readonly calls: number;
  readonly handoffs: number;
}

/** Accounts of one team, straight into the database (one password hash for all). */
async function addAccounts(db: Kysely<Database>, spec: TeamSpec, passwordHash: string, random: () => number) {
  const now = Date.parse(`${END_DATE}T00:00:00Z`);
  const teamId = uuid7(now - 400 * DAY_MS, random);
  await db.insertInto('teams').values({ id: teamId, name: spec.name, created_at: now - 400 * DAY_MS }).execute();
  const account = (role: 'sdr' | 'lead' | 'sales', name: string, i: number) => ({ id: uuid7(now - 399 * DAY_MS + i, random), team_id: teamId, email: `${role}${i}.${spec.slug}@bench.example.com`, name, role, password_hash: passwordHash, created_at: now - 399 * DAY_MS, disabled_at: null });
  const sdrs = spec.sdrNames.map((name, i) => account('sdr', name, i));
  const sales = spec.salesNames.map((name, i) => account('sales', name, i));
  await db.insertInto('users').values([...sdrs, ...sales, account('lead', `${spec.name} 组长`, 0)]).execute();
  return { teamId, sdrIds: sdrs.map((u) => u.id), salesIds: sales.map((u) => u.id), leadEmail: `lead0.${spec.slug}@bench.example.com` };
}

function makeLeads(spec: TeamSpec, teamId: string, random: () => number, from: number, to: number): GenLead[] {
  const leads: GenLead[] = [];
  for (let i = 0; i < spec.leads; i++) {
    const kind: LeadKind = random() < 0.45 ? 'inbound' : 'outbound';
    // Forms arrive at any hour; outbound lists are imported in the morning.
    const any = from + Math.floor(random() * (to - from));
    const createdAt = kind === 'inbound' ? any : Math.min(to - 1, localDayStart(any) + 9.5 * HOUR_MS + Math.floor(random() * 1_800_000));
    const owner = random() < 0.02 ? null : Math.floor(random() * spec.sdrNames.length);
    const local = new Date(createdAt + OFFSET_MS);
    const zh = random() < 0.85;
    const tags = sample(random, TAG_IDS, Math.floor(random() * 5));
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    leads.push({
      row: {
        id: uuid7(createdAt, random),
        team_id: teamId,
        kind,
        owner_id: null,
        source: weighted(random, SOURCES[kind]),
        campaign: random() < 0.35 ? null : `${pick(CAMPAIGN_THEMES)} ${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`,
        company: zh ? `${pick(CITIES)}${pick(BRANDS)}${pick(TRADES)}` : `${pick(EN_COMPANIES)}${pick(EN_TRADES)}`,
        contact_name: zh ? `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}` : pick(EN_PEOPLE),
        tags: `,${tags.join(',')},`,
        created_at: createdAt,
        first_call_at: null,
        first_call_sdr: null,
        outcome: null,
        mql_at: null,
        sql_at: null,
      },
      kind,
      owner,
      neverCall: owner === null || random() < 0.04,
      firstCallAt: null,
      firstCallSdr: null,
      handoffs: [],
      closed: false,
    });
  }
  return leads.sort((a, b) => a.row.created_at - b.row.created_at);
}

/** One team's year: its leads, then every SDR's working days call by call, hand-offs and status moves as they happen. */
async function generateTeam(out: Buffers, spec: TeamSpec, passwordHash: string, db: Kysely<Database>): Promise<LoadedTeam> {
  const random = mulberry32(spec.seed);
  const accounts = await addAccounts(db, spec, passwordHash, random);
  const { teamId, sdrIds, salesIds } = accounts;
  const year = periodBounds(PERIODS.year);
  const days = Array.from({ length: 365 }, (_, i) => dayBefore(END_DATE, 364 - i)).filter((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
  const perSdrDay = spec.calls / (spec.sdrNames.length * days.length);
  const pHandoff = (spec.handoffs / (spec.calls * P_PHONE * P_CONNECT * CONVERSATION_SHARE)) * 1.15;
  // Leads from a month before the year: the first days have a backlog, not an empty desk.
  const leads = makeLeads(spec, teamId, random, year.startMs - 30 * DAY_MS, year.endMs);
  const desks: Desk[] = sdrIds.map((sdrId) => ({ sdrId, leads: [], next: 0, fresh: [], freshHead: 0, pool: [], poolNext: 0 }));
  for (const lead of leads) {
    if (lead.owner !== null) desks[lead.owner]!.leads.push(lead);
  }
  const status = (lead: GenLead, by: string, to: string, at: number) => {
    if (at < year.endMs) out.statuses.push({ id: uuid7(at, random), team_id: teamId, lead_id: lead.row.id, sdr_id: by, to_status: to, at });
  };

  let handoffs = 0;
  const handOff = (lead: GenLead, sdrId: string, createdAt: number) => {
    handoffs++;
    const r = random();
    let state = r < 0.6 ? 'accepted' : r < 0.9 ? 'returned' : r < 0.95 ? 'recalled' : 'pending';
    let decidedAt: number | null = state === 'accepted' || state === 'returned' ? createdAt + Math.floor((0.5 + random() * 4.5) * DAY_MS) : null;
    if (decidedAt !== null && decidedAt >= year.endMs) [state, decidedAt] = ['pending', null];
    const salesId = salesIds[Math.floor(random() * salesIds.length)]!;
    out.handoffs.push({ id: uuid7(createdAt, random), team_id: teamId, lead_id: lead.row.id, sdr_id: sdrId, created_at: createdAt, status: state, decided_at: decidedAt, reason: state === 'returned' ? RETURN_REASONS[Math.floor(random() * RETURN_REASONS.length)]! : '' });
    lead.handoffs.push({ createdAt, status: state, decidedAt });
    status(lead, sdrId, 'mql', createdAt);
    if (state === 'accepted') status(lead, salesId, 'sql', decidedAt!);
    if (state === 'recalled') status(lead, sdrId, 'working', createdAt + HOUR_MS);
    if (state === 'returned') {
      status(lead, salesId, 'returned', decidedAt!);
      if (random() < 0.4) status(lead, sdrId, 'nurturing', decidedAt! + DAY_MS);
    }
    lead.closed = state === 'accepted' || state === 'pending';
  };

  const call = (lead: GenLead, desk: Desk, at: number) => {
    const id = uuid7(at, random);
    const r = random();
    const channel: CallChannel = r < P_PHONE ? 'phone' : r < P_PHONE + P_WECHAT ? 'wechat' : 'email';
    const phone = channel === 'phone';
    const connected = phone && random() < P_CONNECT;
    const disposition = phone ? weighted(random, connected ? CONNECTED : NOT_CONNECTED) : null;
    const zhScript = random() < 0.85;
    const scriptId = phone ? `${lead.kind}-default${zhScript ? '-zh' : ''}` : null;
    const talkMs = !connected ? 0 : disposition === 'connected-not-now' ? 30_000 + Math.floor(random() * 60_000) : Math.floor(30_000 * Math.exp(random() * Math.log(40)));
    const reviewed = connected && random() < P_REVIEWED;
    out.calls.push({ id, team_id: teamId, lead_id: lead.row.id, sdr_id: desk.sdrId, channel, started_at: at, connected: connected ? 1 : 0, talk_ms: talkMs, disposition, script_id: scriptId, script_version: scriptId === null ? null : 1, reviews: reviewed ? 1 + Math.floor(random() * 2) : 0, last_score: reviewed ? Math.round(10 + random() * 40) / 10 : null });
    if (lead.firstCallAt === null) {
      lead.firstCallAt = at;
      lead.firstCallSdr = desk.sdrId;
      status(lead, desk.sdrId, 'working', at);
      if (desk.pool.length < FOLLOW_UP_POOL) desk.pool.push(lead);
      else desk.pool[desk.poolNext] = lead;
      desk.poolNext = (desk.poolNext + 1) % FOLLOW_UP_POOL;
    }
    if (connected && scriptId !== null) {
      const answers = answersOf(random, scriptId, at);
      for (const questionId of answers.questionIds) out.answers.push({ call_id: id, question_id: questionId, team_id: teamId, lead_id: lead.row.id, script_id: scriptId });
      out.texts.push({ id, team_id: teamId, call_id: id, started_at: at, text: searchable(answers.text) });
      if (random() < P_NOTE) out.texts.push({ id: uuid7(at + talkMs, random), team_id: teamId, call_id: id, started_at: at, text: searchable(freeText(random, zhScript ? random() < 0.9 : random() < 0.2, 50, 300)) });
    }
    const ended = at + talkMs;
    if (disposition === 'do-not-call' || disposition === 'wrong-number') {
      status(lead, desk.sdrId, 'disqualified', ended);
      lead.closed = true;
    } else if (disposition === 'connected-not-now' && random() < 0.2) {
      status(lead, desk.sdrId, 'nurturing', ended);
    } else if (disposition === 'connected-conversation' && !lead.closed && random() < pHandoff) {
      handOff(lead, desk.sdrId, ended + 300_000);
    }
  };

  /** A lead not called yet (most of the time, when one is waiting), else one called before. */
  const nextLead = (desk: Desk): GenLead | null => {
    const hasFresh = desk.freshHead < desk.fresh.length;
    if (hasFresh && random() < 0.9) return desk.fresh[desk.freshHead++]!;
    for (let attempt = 0; attempt < 3 && desk.pool.length > 0; attempt++) {
      const lead = desk.pool[Math.floor(random() * desk.pool.length)]!;
      if (!lead.closed) return lead;
    }
    return hasFresh ? desk.fresh[desk.freshHead++]! : null;
  };

  let calls = 0;
  for (const date of days) {
    const dayStart = Date.parse(`${date}T00:00:00Z`) - OFFSET_MS;
    for (const desk of desks) {
      const n = Math.floor(perSdrDay * (0.75 + 0.5 * random()) + random());
      const times = Array.from({ length: n }, () => dayStart + 9 * HOUR_MS + Math.floor(random() * 9 * HOUR_MS)).sort((a, b) => a - b);
      for (const at of times) {
        while (desk.next < desk.leads.length && desk.leads[desk.next]!.row.created_at <= at) {
          const lead = desk.leads[desk.next++]!;
          if (!lead.neverCall) desk.fresh.push(lead);
        }
        const lead = nextLead(desk);
        if (!lead) continue;
        call(lead, desk, at);
        calls++;
      }
    }
    for (const buffer of Object.values(out)) await buffer.flush(false);
  }

  for (const lead of leads) {
    const live = lead.handoffs.filter((h) => h.status !== 'recalled');
    const newest = live.reduce<(typeof live)[number] | null>((a, h) => (a === null || h.createdAt > a.createdAt ? h : a), null);
    const accepted = live.filter((h) => h.status === 'accepted' && h.decidedAt !== null).map((h) => h.decidedAt!);
    out.leads.push({
      ...lead.row,
      owner_id: lead.owner === null ? null : sdrIds[lead.owner]!,
      first_call_at: lead.firstCallAt,
      first_call_sdr: lead.firstCallSdr,
      outcome: newest === null ? null : newest.status === 'accepted' ? 'accepted' : newest.status === 'returned' ? 'returned' : 'pending',
      mql_at: live.length === 0 ? null : Math.min(...live.map((h) => h.createdAt)),
      sql_at: accepted.length === 0 ? null : Math.min(...accepted),
    });
  }
  for (const buffer of Object.values(out)) await buffer.flush(true);
  return { teamId, sdrIds, leadEmail: accounts.leadEmail, calls, handoffs };
}

interface ReviewWorld {
  readonly mainTeamId: string;
  readonly sdrIds: readonly string[];
  readonly leadEmail: string;
  /** Rebuilding the call rollups from rv_calls after the load (part of the load time). */
  readonly rollupsMs: number;
  readonly counts: Readonly<Record<'calls' | 'leads' | 'handoffs' | 'statuses' | 'answers' | 'texts' | 'mainCalls' | 'mainHandoffs', number>>;
}

/** Both teams' year, in one transaction, in chunks under each database's bound-parameter limit. */
async function generateReviewData(db: Kysely<Database>, kind: DatabaseTarget['kind'], passwordHash: string): Promise<ReviewWorld> {
  // SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
  const paramBudget = kind === 'sqlite' ? 32_000 : 65_000;
  // A larger page cache for this connection while it loads (the server's own connection keeps the default).
  if (kind === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
  let rollupsMs = 0;
  const result = await db.transaction().execute(async (trx) => {
    const out = tableBuffers(trx, paramBudget);
    const teams: LoadedTeam[] = [];
    for (const spec of TEAMS) teams.push(await generateTeam(out, spec, passwordHash, trx));
    // The rollups the projection keeps beside rv_calls, rebuilt the way a bulk load or an upgrade does.
    const rollupsStarted = performance.now();
    for (const team of teams) await rebuildCallRollups(trx, team.teamId);
    rollupsMs = performance.now() - rollupsStarted;
    return { teams, written: Object.fromEntries(Object.entries(out).map(([table, buffer]) => [table, buffer.written])) };
  });
  if (kind === 'sqlite') await sql`pragma cache_size = -2000`.execute(db);
  const main = result.teams[0]!;
  const written = (table: string) => result.written[table] ?? 0;
  return {
    mainTeamId: main.teamId,
    sdrIds: main.sdrIds,
    leadEmail: main.leadEmail,
    rollupsMs,
    counts: { calls: written('calls'), leads: written('leads'), handoffs: written('handoffs'), statuses: written('statuses'), answers: written('answers'), texts: written('texts'), mainCalls: main.calls, mainHandoffs: main.handoffs },
  };
}

// ——— the server process and the team lead's requests ———

interface Timed {
  readonly ms: number;
  /** What the server said it spent (its Server-Timing header); NaN for the floor. */
  readonly serverMs: number;
  readonly body: unknown;
}

async function getJson(baseUrl: string, token: string, path: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return { ms: elapsed, serverMs: serverTiming(res.headers.get('server-timing')), body: JSON.parse(text) as unknown };
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, session: 'token' }) });
  if (res.status !== 200) throw new Error(`sign-in: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

// ——— what is timed ———

type Group = 'floor' | 'dashboard' | 'list';

interface Job {
  readonly key: string;
  readonly group: Group;
  readonly period: PeriodName;
  readonly label: string;
  run(): Promise<Timed>;
  /** What the answer says, checked once (totals, sums against the floor's count). */
  describe(body: unknown): string;
}

/** The call list's filter sets: what a team lead looks for, from nothing to words in the notes. */
function listFilters(sdr: string): readonly { readonly kind: string; readonly params: Readonly<Record<string, string>> }[] {
  return [
    { kind: 'no filter', params: {} },
    { kind: 'one SDR', params: { sdr } },
    { kind: 'disposition', params: { disposition: 'connected-conversation' } },
    { kind: 'channel wechat', params: { channel: 'wechat' } },
    { kind: 'tag', params: { tag: 'pain.attribution' } },
    { kind: 'outcome accepted', params: { outcome: 'accepted' } },
    { kind: 'not reviewed', params: { reviewed: 'no' } },
    { kind: 'search, common Chinese word', params: { q: '预算' } },
    { kind: 'search, rare Chinese word', params: { q: '区块链' } },
    { kind: 'search, no match', params: { q: '火星殖民' } },
    { kind: 'search, English word', params: { q: 'Demo' } },
    { kind: 'search, two words', params: { q: '决策人 demo' } },
    { kind: 'SDR + search', params: { sdr, q: '预算' } },
  ];
}

function listPath(period: PeriodName, params: Readonly<Record<string, string>>): string {
  const query = { ...PERIODS[period], ...params };
  // The same parsing the route does: a filter the server would refuse is a bench bug.
  ReviewCallQuerySchema.parse(query);
  return `/api/review/calls?${new URLSearchParams(query).toString()}`;
}

async function laterPageCursor(baseUrl: string, token: string, period: PeriodName, pages: number): Promise<string> {
  let cursor: string | null = null;
  for (let i = 1; i < pages; i++) {
    const { body } = await getJson(baseUrl, token, listPath(period, cursor === null ? {} : { cursor }));
    cursor = ReviewCallListSchema.parse(body).nextCursor;
    if (cursor === null) throw new Error(`the ${period}'s list has fewer than ${pages} pages`);
  }
  return cursor!;
}

function jobs(db: Kysely<Database>, baseUrl: string, token: string, world: ReviewWorld, cursors: Record<PeriodName, string>): Job[] {
  const out: Job[] = [];
  const teamId = world.mainTeamId;
  // The floor runs first in each round: the dashboard's dials and touches must add up to its count.
  const floorCounts: Partial<Record<PeriodName, number>> = {};
  for (const period of ['month', 'year'] as const) {
    const { startMs, endMs } = periodBounds(PERIODS[period]);
    out.push({
      key: `floor ${period}`,
      group: 'floor',
      period,
      label: `floor: count(*) of the team's calls, ${PERIOD_LABEL[period]}`,
      async run() {
        const started = performance.now();
        const row =
          period === 'year'
            ? await sql<{ n: unknown }>`select count(*) as n from rv_calls where team_id = ${teamId}`.execute(db)
            : await sql<{ n: unknown }>`select count(*) as n from rv_calls where team_id = ${teamId} and started_at >= ${startMs} and started_at < ${endMs}`.execute(db);
        return { ms: performance.now() - started, serverMs: NaN, body: Number(row.rows[0]?.n) };
      },
      describe(body) {
        floorCounts[period] = Number(body);
        return `${count(Number(body))} calls`;
      },
    });
    out.push({
      key: `dashboard ${period}`,
      group: 'dashboard',
      period,
      label: `team dashboard, ${PERIOD_LABEL[period]}`,
      run: () => getJson(baseUrl, token, `/api/reports/team?${new URLSearchParams(PERIODS[period]).toString()}`),
      describe(body) {
        const report = TeamReportSchema.parse(body);
        const t = report.team;
        const wrong = t.dials + t.touches === floorCounts[period] ? '' : ` · WRONG: the floor counted ${count(floorCounts[period] ?? NaN)} calls`;
        return `${count(t.dials)} dials + ${count(t.touches)} touches, ${count(t.mqls)} MQLs, ${report.sdrs.length} SDR rows, ${report.daily.length} days, ${report.campaigns.length} funnel rows, ${report.scriptInsight.length} insight rows${wrong}`;
      },
    });
    const filters = [...listFilters(world.sdrIds[7]!).map((f) => ({ ...f, path: listPath(period, f.params) })), { kind: 'page 5 by cursor', params: {}, path: listPath(period, { cursor: cursors[period] }) }];
    for (const f of filters) {
      out.push({
        key: `list ${f.kind} ${period}`,
        group: 'list',
        period,
        label: `call list: ${f.kind}, ${PERIOD_LABEL[period]}`,
        run: () => getJson(baseUrl, token, f.path),
        describe(body) {
          const list = ReviewCallListSchema.parse(body);
          return `${list.calls.length} rows of ${count(list.total)}`;
        },
      });
    }
  }
  return out;
}

interface Samples {
  readonly ms: number[];
  readonly serverMs: number[];
  said: string;
}

/** Every job once per round, in the same order: the first warm-up round also checks the answers. */
async function timeRounds(all: readonly Job[]): Promise<Map<string, Samples>> {
  const samples = new Map(all.map((job) => [job.key, { ms: [] as number[], serverMs: [] as number[], said: '' }]));
  for (let round = 0; round < WARMUPS + RUNS; round++) {
    for (const job of all) {
      const timed = await job.run();
      const s = samples.get(job.key)!;
      if (round === 0) s.said = job.describe(timed.body);
      if (round >= WARMUPS) {
        s.ms.push(timed.ms);
        s.serverMs.push(timed.serverMs);
      }
    }
  }
  return samples;
}

// ——— one database ———

interface Figure {
  readonly p50: number;
  readonly p95: number;
  readonly floorP95: number;
}

interface DialectResult {
  readonly dialect: string;
  readonly figures: Map<string, Figure>;
}

async function databaseSize(db: Kysely<Database>, target: DatabaseTarget): Promise<number> {
  if (target.kind === 'sqlite') return [target.file, `${target.file}-wal`].reduce((a, f) => a + (existsSync(f) ? statSync(f).size : 0), 0);
  return Number((await sql<{ n: unknown }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]?.n);
}

async function postgresSettings(db: Kysely<Database>): Promise<string> {
  const rows = await sql<{ name: string; value: string }>`
    select name, current_setting(name) as value from pg_settings where name in ('shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost') order by name`.execute(db);
  const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]?.v ?? '?';
  return `PostgreSQL ${version}: ${rows.rows.map((r) => `${r.name}=${r.value}`).join(' ')}`;
}

async function benchDialect(dialect: string, make: () => Promise<TestDatabase>): Promise<DialectResult> {
  const test = await make();
  const db = openDatabase(test.target);
  let server: ServerProcess | null = null;
  try {
    await migrateToLatest(db);
    const password = 'a long enough bench password';
    const started = performance.now();
    const world = await generateReviewData(db, test.target.kind, await hashPassword(password));
    const loadedMs = performance.now() - started;
    // What autovacuum (PostgreSQL, insert-driven since 13) and `PRAGMA optimize` (SQLite) would have done by now.
    const analyzeStarted = performance.now();
    if (test.target.kind === 'postgres') await sql`vacuum analyze`.execute(db);
    else {
      await sql`analyze`.execute(db);
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
    }
    const analyzeMs = performance.now() - analyzeStarted;
    const c = world.counts;
    console.log(
      `\n${dialect}: generated and loaded in ${ms(loadedMs)} (${count(c.calls)} calls, ${count(c.leads)} leads, ${count(c.handoffs)} hand-offs, ${count(c.statuses)} status moves, ` +
        `${count(c.answers)} answers, ${count(c.texts)} texts; the 50-SDR team: ${count(c.mainCalls)} calls, ${count(c.mainHandoffs)} hand-offs; rollups rebuilt in ${ms(world.rollupsMs)}) · ${test.target.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${ms(analyzeMs)} · ` +
        `database ${(Number(await databaseSize(db, test.target)) / 2 ** 20).toFixed(0)} MiB`,
    );
    if (test.target.kind === 'postgres') console.log(`  ${await postgresSettings(db)}`);

    server = await startServer(test.target);
    const token = await signIn(server.baseUrl, world.leadEmail, password);
    const cursors = { month: await laterPageCursor(server.baseUrl, token, 'month', 5), year: await laterPageCursor(server.baseUrl, token, 'year', 5) };
    const all = jobs(db, server.baseUrl, token, world, cursors);
    const samples = await timeRounds(all);

    const figures = new Map<string, Figure>();
    const floorOf = (period: PeriodName) => samples.get(`floor ${period}`)!.ms;
    for (const job of all) {
      const s = samples.get(job.key)!;
      figures.set(job.key, { p50: pct(s.ms, 50), p95: pct(s.ms, 95), floorP95: pct(floorOf(job.period), 95) });
      const server95 = job.group === 'floor' ? '' : ` · server p95 ${ms(pct(s.serverMs, 95))}`;
      console.log(`  ${job.label.padEnd(52)} p50 ${ms(pct(s.ms, 50)).padStart(9)} · p95 ${ms(pct(s.ms, 95)).padStart(9)}${server95} · ${s.said}`);
    }
    for (const period of ['month', 'year'] as const) {
      const mix = all.filter((job) => job.group === 'list' && job.period === period).flatMap((job) => samples.get(job.key)!.ms);
      figures.set(`list mix ${period}`, { p50: pct(mix, 50), p95: pct(mix, 95), floorP95: pct(floorOf(period), 95) });
    }
    return { dialect, figures };
  } finally {
    await server?.stop();
    await db.destroy();
    if (KEEP) console.log(`  kept the database: ${test.target.kind === 'sqlite' ? test.target.file : test.target.url}`);
    else {
      await test.drop();
      if (test.target.kind === 'sqlite') rmSync(dirname(test.target.file), { recursive: true, force: true });
    }
  }
}

// ——— the table ———

function rowsOf(results: readonly DialectResult[], keys: readonly (readonly [string, string])[]): string[][] {
  return keys.map(([key, label]) => {
    const cells: string[] = [label];
    const verdicts: string[] = [];
    for (const name of ['SQLite', 'PostgreSQL']) {
      const f = results.find((r) => r.dialect === name)?.figures.get(key);
      if (!f) {
        cells.push('', '');
        continue;
      }
      cells.push(`${ms(f.p50)} / ${ms(f.p95)}`, `${ms(f.floorP95)} (${(f.p95 / f.floorP95).toFixed(1)}×)`);
      verdicts.push(`${f.p95 <= TARGET_MS ? '✔' : '✘'} ${name}`);
    }
    cells.push(`p95 ≤ ${TARGET_MS} ms: ${verdicts.join(', ')}`);
    return cells;
  });
}

function printTable(rows: readonly string[][]): void {
  const widths = [50, 22, 20, 22, 20];
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : i < widths.length ? cell.padStart(widths[i]!) : `  ${cell}`)).join(' ');
  console.log(`\n${line(['work (p50 / p95, HTTP round-trip)', 'SQLite', 'floor p95 (ratio)', 'PostgreSQL', 'floor p95 (ratio)', 'target'])}`);
  for (const row of rows) console.log(line(row));
}

/** Runs the bench on each chosen database; returns the printed table's rows (work, SQLite, floor, PostgreSQL, floor, target). */
export async function runReviewBench(): Promise<string[][]> {
  console.log(
    `\nReview and reports · one team of 50 SDRs, a year to ${END_DATE} (${TIME_ZONE}), ~${count(Math.round(1_000_000 * SCALE))} calls · team server in its own process on 127.0.0.1, HTTP · ` +
      `${RUNS} runs after ${WARMUPS} warm-ups, kinds interleaved · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  const results: DialectResult[] = [];
  for (const [dialect, make] of DIALECTS) {
    if (DIALECT_NAMES.includes(dialect.toLowerCase())) results.push(await benchDialect(dialect, make));
  }
  const kinds = [...listFilters('').map((f) => f.kind), 'page 5 by cursor'];
  const keys: [string, string][] = [
    ['dashboard month', 'team dashboard, last 30 days'],
    ['dashboard year', 'team dashboard, year'],
    ['list mix month', `call list, mix of ${kinds.length} (last 30 days)`],
    ['list mix year', `call list, mix of ${kinds.length} (year)`],
    ...kinds.flatMap((kind): [string, string][] => [
      [`list ${kind} month`, `  ${kind} (30 d)`],
      [`list ${kind} year`, `  ${kind} (year)`],
    ]),
  ];
  const rows = rowsOf(results, keys);
  printTable(rows);
  console.log('  floor: `select count(*) from rv_calls where team_id = ?` (30 d rows: with the period) from this process straight to the database; ratio = p95 / floor p95');
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runReviewBench();
}

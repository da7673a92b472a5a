import { v7 as uuidv7 } from 'uuid';
import type { Lead, LeadKind, LeadStatus, SourceChannel, Temperature } from '../../../shared/model/lead';
import { normalizePhone } from '../../../shared/model/phone';

/**
 * A believable B2B marketing-technology pipeline: Chinese and English companies across
 * industries, sources, temperatures and statuses. Deterministic for a given seed so that tests
 * and benchmarks see the same data.
 */

const CN_CITIES = ['上海', '北京', '深圳', '杭州', '广州', '成都', '苏州', '南京', '武汉', '西安', '厦门', '天津'];
const CN_STEMS = ['星河', '云帆', '远景', '华章', '启明', '蓝海', '锐思', '拓维', '恒信', '智源', '青禾', '万象', '鼎盛', '卓越', '汇通', '睿达', '嘉禾', '博纳', '凯德', '聚能'];
const CN_TRADES: [string, string][] = [
  ['科技', 'SaaS 软件'], ['信息技术', 'IT 服务'], ['医疗器械', '医疗健康'], ['教育科技', '教育'], ['新能源', '制造业'],
  ['电子商务', '零售电商'], ['物流', '物流供应链'], ['金融服务', '金融'], ['智能制造', '制造业'], ['文化传媒', '传媒'],
];
const CN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const CN_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '婷', '晓东', '思远'];
const CN_TITLES = ['市场总监', '市场经理', '品牌经理', '数字营销负责人', '增长负责人', 'CMO', '销售运营经理', '内容营销主管', '市场部 VP', '电商运营总监'];

const EN_STEMS = ['Northwind', 'Bluepeak', 'Brightline', 'Crestview', 'Lumen', 'Harbor', 'Quantix', 'Evergreen', 'Atlas', 'Silverleaf', 'Redwood', 'Vantage', 'Helio', 'Summit', 'Clearwater'];
const EN_TRADES: [string, string][] = [
  ['Software', 'SaaS'], ['Analytics', 'SaaS'], ['Health', 'Healthcare'], ['Logistics', 'Logistics'], ['Learning', 'Education'],
  ['Robotics', 'Manufacturing'], ['Retail Group', 'Retail'], ['Capital', 'Financial services'], ['Energy', 'Energy'], ['Media', 'Media'],
];
const EN_SUFFIX = ['Ltd', 'Inc.', 'Pte. Ltd.', 'GmbH', 'Co.'];
const EN_FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Sophia', 'James', 'Mia', 'Lucas', 'Grace', 'Daniel', 'Chloe', 'Ethan', 'Hannah', 'Ryan'];
const EN_LAST = ['Smith', 'Chen', 'Patel', 'Müller', 'Tan', 'Johnson', 'Lee', 'Garcia', 'Wong', 'Brown', 'Schmidt', 'Lim', 'Taylor'];
const EN_TITLES = ['Head of Marketing', 'Marketing Director', 'VP Marketing', 'Demand Generation Manager', 'Marketing Operations Lead', 'CMO', 'Growth Lead', 'Digital Marketing Manager'];
const EN_PLACES: { region: string; timeZone: string; dial: (r: () => number) => string }[] = [
  { region: 'Singapore', timeZone: 'Asia/Singapore', dial: (r) => `+65 ${8 + Math.floor(r() * 2)}${digits(r, 7)}` },
  { region: 'Hong Kong', timeZone: 'Asia/Hong_Kong', dial: (r) => `+852 ${5 + Math.floor(r() * 4)}${digits(r, 7)}` },
  { region: 'London', timeZone: 'Europe/London', dial: (r) => `+44 7${['4', '5', '7', '8', '9'][Math.floor(r() * 5)]}${digits(r, 8)}` },
  { region: 'San Francisco', timeZone: 'America/Los_Angeles', dial: (r) => `+1 415 ${200 + Math.floor(r() * 700)} ${digits(r, 4)}` },
  { region: 'Berlin', timeZone: 'Europe/Berlin', dial: (r) => `+49 15${Math.floor(r() * 10)}${digits(r, 8)}` },
];

const INBOUND_SOURCES: SourceChannel[] = ['website_form', 'website_form', 'content_download', 'webinar', 'event', 'paid_ads', 'referral', 'social'];
const OUTBOUND_SOURCES: SourceChannel[] = ['cold_list', 'cold_list', 'partner', 'event', 'other'];
const CAMPAIGNS = ['2026 营销自动化白皮书', 'Q4 Webinar: Lead Scoring', 'SaaS 增长大会 2026', 'Spring Trial Offer', '私域运营指南下载', 'ABM Playbook', ''];
const TEMPS: Temperature[] = ['hot', 'warm', 'warm', 'cold', 'cold'];
const STATUSES: LeadStatus[] = ['new', 'new', 'new', 'working', 'working', 'nurturing', 'nurturing', 'returned', 'mql', 'disqualified'];
const OWNERS = ['王芳', '李明', 'Emma Smith', ''];
const TAGS = ['预算已确认', '竞品在用', '需要演示', 'decision-maker', 'multi-site', '私域', 'ABM'];

export interface DemoOptions {
  readonly count: number;
  readonly seed: number;
  readonly now: number;
  /** Benchmarks need unique contact details at 100,000 leads; the demo set looks nicer random. */
  readonly uniqueContacts?: boolean;
}

export function generateDemoLeads({ count, seed, now, uniqueContacts = false }: DemoOptions): Lead[] {
  const r = mulberry32(seed);
  const leads: Lead[] = [];
  for (let i = 0; i < count; i++) {
    const chinese = r() < 0.7;
    const kind: LeadKind = r() < 0.55 ? 'inbound' : 'outbound';
    const status = pick(r, STATUSES);
    // Fresh inbound leads arrived minutes to hours ago; the rest over the last two months.
    const createdAt = now - Math.floor(r() * (status === 'new' ? 0.6 : 60) * 86_400_000) - Math.floor(r() * 3_600_000);
    const contacted = status !== 'new';
    const base = chinese ? chineseContact(r, i, uniqueContacts) : englishContact(r, i, uniqueContacts);
    const callback = contacted && r() < 0.15 ? now + Math.floor((r() - 0.3) * 3 * 86_400_000) : null;
    leads.push({
      id: uuidv7(),
      kind,
      ...base,
      sourceChannel: pick(r, kind === 'inbound' ? INBOUND_SOURCES : OUTBOUND_SOURCES),
      campaign: kind === 'inbound' ? pick(r, CAMPAIGNS) : '',
      temperature: pick(r, TEMPS),
      status,
      owner: pick(r, OWNERS),
      priority: pick(r, [1, 2, 2, 2, 3] as const),
      customFields: r() < 0.3 ? { [chinese ? '员工规模' : 'Employees']: pick(r, ['50-200', '200-500', '500-2000', '2000+']) } : {},
      tags: r() < 0.4 ? [pick(r, TAGS)] : [],
      createdAt,
      updatedAt: createdAt,
      firstContactedAt: contacted ? createdAt + 3_600_000 : null,
      lastContactedAt: contacted ? Math.min(now, createdAt + Math.floor(r() * 20) * 86_400_000) : null,
      nextCallbackAt: status === 'mql' || status === 'disqualified' ? null : callback,
      doNotCall: false,
      importBatchId: null,
    });
  }
  return leads;
}

type Contact = Pick<Lead, 'company' | 'contactName' | 'title' | 'phones' | 'wechatId' | 'email' | 'industry' | 'region' | 'timeZone'>;

function chineseContact(r: () => number, i: number, unique: boolean): Contact {
  const city = pick(r, CN_CITIES);
  const [trade, industry] = pick(r, CN_TRADES);
  const stem = pick(r, CN_STEMS);
  const name = pick(r, CN_SURNAMES) + pick(r, CN_GIVEN);
  const mobile = unique ? `+86 13${String(i).padStart(9, '0')}` : validPhone(r, () => `+86 1${pick(r, ['38', '39', '58', '86', '77', '36'])}${digits(r, 8)}`);
  const areaCode = city === '北京' ? '10' : city === '上海' ? '21' : '755';
  const landline = r() < 0.25 ? [validPhone(r, () => `+86 ${areaCode} ${6 + Math.floor(r() * 3)}${digits(r, 7)}`)] : [];
  const pinyinish = `${stem.length}${Math.floor(r() * 900 + 100)}`;
  return {
    company: `${city}${stem}${trade}有限公司`,
    contactName: name,
    title: pick(r, CN_TITLES),
    phones: [normalizeSpacing(mobile), ...landline.map(normalizeSpacing)],
    wechatId: r() < 0.6 ? `wx_${unique ? i : pinyinish}${Math.floor(r() * 100)}` : '',
    email: r() < 0.7 ? `marketing${unique ? i : Math.floor(r() * 1000)}@${['xinghe', 'yunfan', 'qiming', 'lanhai', 'zhiyuan'][Math.floor(r() * 5)]}-tech.cn` : '',
    industry,
    region: city,
    timeZone: 'Asia/Shanghai',
  };
}

function englishContact(r: () => number, i: number, unique: boolean): Contact {
  const place = pick(r, EN_PLACES);
  const [trade, industry] = pick(r, EN_TRADES);
  const stem = pick(r, EN_STEMS);
  const first = pick(r, EN_FIRST);
  const last = pick(r, EN_LAST);
  const domain = `${stem.toLowerCase()}${trade.split(' ')[0]!.toLowerCase()}.com`;
  return {
    company: `${stem} ${trade} ${pick(r, EN_SUFFIX)}`,
    contactName: `${first} ${last}`,
    title: pick(r, EN_TITLES),
    phones: [unique ? normalizeSpacing(`+65 9${String(i).padStart(7, '0')}`) : validPhone(r, place.dial)],
    wechatId: '',
    email: unique ? `${first.toLowerCase()}.${i}@${domain}` : `${first.toLowerCase()}.${last.toLowerCase().replace('ü', 'ue')}@${domain}`,
    industry,
    region: unique ? 'Singapore' : place.region,
    timeZone: unique ? 'Asia/Singapore' : place.timeZone,
  };
}

/**
 * Demo numbers are written readably above; stored numbers are E.164. A random number in a real
 * numbering plan is sometimes unallocated, so an invalid one is drawn again.
 */
function normalizeSpacing(phone: string): string {
  return phone.replace(/\s+/g, '');
}

function validPhone(r: () => number, draw: (r: () => number) => string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = normalizePhone(draw(r), 'CN');
    if (parsed.ok) return parsed.e164;
  }
  throw new Error('No valid demo number drawn');
}

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

/** A small seeded generator: the same seed gives the same demo data (and benchmark behaviour). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

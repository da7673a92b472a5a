import type { Criterion, Disposition, Playbook, Routing, SalesOwner, TagDef, TagGroup } from '../model/playbook';
import type { ScorecardCriterion } from '../model/review';

/**
 * The playbook a new team starts with, written the way an SDR team lead would set up a B2B
 * marketing-software desk in China. A team's own playbook file replaces it section by section.
 */

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const DISPOSITIONS: Disposition[] = [
  { id: 'connected-conversation', label: label('Connected – conversation held', '已接通 – 有效沟通'), connected: true, effect: 'none' },
  { id: 'connected-not-now', label: label('Connected – not a good time', '已接通 – 暂不方便'), connected: true, effect: 'none' },
  { id: 'no-answer', label: label('No answer', '无人接听'), connected: false, effect: 'none' },
  { id: 'busy', label: label('Busy', '占线'), connected: false, effect: 'none' },
  { id: 'voicemail', label: label('Left a voicemail', '已留言'), connected: false, effect: 'none' },
  { id: 'wrong-number', label: label('Wrong number', '号码错误'), connected: false, effect: 'wrongNumber' },
  { id: 'do-not-call', label: label('Do not call again', '勿再致电'), connected: true, effect: 'doNotCall' },
  { id: 'callback-requested', label: label('Callback requested', '约定回电'), connected: true, effect: 'callback' },
];

const tags = (group: string, entries: readonly (readonly [string, string, string])[]): TagDef[] =>
  entries.map(([id, en, zh]) => ({ id: `${group}.${id}`, label: label(en, zh) }));

const TAXONOMY: TagGroup[] = [
  {
    id: 'need',
    label: label('Need stage', '需求阶段'),
    tags: tags('need', [
      ['aware', 'Aware of the problem', '意识到问题'],
      ['exploring', 'Exploring options', '了解方案中'],
      ['evaluating', 'Evaluating vendors', '评估供应商'],
      ['ready', 'Ready to buy', '准备采购'],
    ]),
  },
  {
    id: 'pain',
    label: label('Pain point', '痛点'),
    tags: tags('pain', [
      ['lead-quality', 'Poor lead quality', '线索质量差'],
      ['slow-follow-up', 'Slow lead follow-up', '线索跟进慢'],
      ['attribution', 'Cannot attribute revenue to channels', '渠道效果无法归因'],
      ['manual-work', 'Too much manual work', '手工操作多'],
      ['data-silos', 'Data scattered across tools', '数据分散不互通'],
      ['low-conversion', 'Low conversion from lead to deal', '线索转化率低'],
      ['content-reach', 'Content does not reach buyers', '内容触达不到客户'],
    ]),
  },
  {
    id: 'product',
    label: label('Product interest', '产品意向'),
    tags: tags('product', [
      ['automation', 'Marketing automation', '营销自动化'],
      ['leadmgmt', 'Lead management', '线索管理'],
      ['analytics', 'Marketing analytics', '营销数据分析'],
    ]),
  },
  {
    id: 'industry',
    label: label('Industry', '行业'),
    tags: tags('industry', [
      ['saas', 'SaaS / software', 'SaaS / 软件'],
      ['manufacturing', 'Manufacturing', '制造业'],
      ['education', 'Education', '教育'],
      ['healthcare', 'Healthcare', '医疗健康'],
      ['finance', 'Financial services', '金融服务'],
      ['retail', 'Retail & consumer goods', '零售消费'],
      ['professional-services', 'Professional services', '专业服务'],
    ]),
  },
  {
    id: 'size',
    label: label('Company size', '公司规模'),
    tags: tags('size', [
      ['small', 'Under 100 employees', '100 人以下'],
      ['mid', '100–999 employees', '100–999 人'],
      ['large', '1,000+ employees', '1000 人以上'],
    ]),
  },
];

const CRITERIA: Criterion[] = [
  { id: 'need-confirmed', label: label('Need confirmed', '需求已确认'), test: { kind: 'fact', fact: 'need', op: 'equals', value: 'confirmed' } },
  { id: 'decision-maker-known', label: label('Decision maker known', '已知决策人'), test: { kind: 'fact', fact: 'decisionMaker', op: 'present' } },
  {
    id: 'timeline-6-months',
    label: label('Wants a solution within 6 months', '6 个月内有上线计划'),
    test: { kind: 'fact', fact: 'timelineMonths', op: 'lte', value: 6 },
  },
  { id: 'deal-size-known', label: label('Budget or deal size given', '已了解预算/项目规模'), test: { kind: 'fact', fact: 'dealSize', op: 'present' } },
  { id: 'product-interest-known', label: label('Product interest known', '已明确产品意向'), test: { kind: 'fact', fact: 'productLine', op: 'present' } },
  { id: 'required-answered', label: label('Required questions answered', '必答问题已回答'), test: { kind: 'requiredAnswered' } },
];

const ENTERPRISE_TEAM: SalesOwner = { id: 'sales-enterprise', name: 'Enterprise team' };

/** Deals this large go to the enterprise team whatever the product line. */
export const ENTERPRISE_DEAL_SIZE = 500_000;

const ROUTING: Routing = {
  productLines: [
    { id: 'automation', label: label('Marketing automation', '营销自动化') },
    { id: 'leadmgmt', label: label('Lead management', '线索管理') },
    { id: 'analytics', label: label('Marketing analytics', '营销数据分析') },
  ],
  // First match wins: the enterprise rule comes first so a large deal never lands with a
  // product specialist, however the SDR filled in the product line.
  rules: [
    { id: 'enterprise', productLines: [], minDealSize: ENTERPRISE_DEAL_SIZE, maxDealSize: null, regions: [], owner: ENTERPRISE_TEAM },
    {
      id: 'international',
      productLines: [],
      minDealSize: null,
      maxDealSize: null,
      regions: ['Hong Kong', '香港', 'Macau', '澳门', 'Taiwan', '台湾', 'Singapore', '新加坡', 'Overseas', '海外'],
      owner: { id: 'sales-international', name: 'International team' },
    },
    { id: 'automation', productLines: ['automation'], minDealSize: null, maxDealSize: null, regions: [], owner: { id: 'wang-fang', name: 'Wang Fang' } },
    { id: 'leadmgmt', productLines: ['leadmgmt'], minDealSize: null, maxDealSize: null, regions: [], owner: { id: 'li-wei', name: 'Li Wei' } },
    { id: 'analytics', productLines: ['analytics'], minDealSize: null, maxDealSize: null, regions: [], owner: { id: 'chen-jing', name: 'Chen Jing' } },
  ],
  fallback: { id: 'sales-desk', name: 'Sales desk' },
};

/** What a team lead scores on a discovery call, unless the team defines its own. */
const SCORECARD: ScorecardCriterion[] = [
  { id: 'discovery-depth', label: label('Discovery depth', '探询深度'), hint: label('Asked open questions and followed up on the answers', '提出开放式问题并追问') },
  { id: 'pain-confirmed', label: label('Pain confirmed', '痛点确认'), hint: label('The prospect said what is in the way, in their words', '客户用自己的话说出了障碍') },
  { id: 'next-step', label: label('Next step agreed', '约定下一步'), hint: label('A dated next step the prospect agreed to', '客户同意了有日期的下一步') },
  { id: 'disposition-correct', label: label('Correct disposition', '通话结果正确'), hint: label('Disposition, tags and notes match what was said', '结果、标签和笔记与通话内容一致') },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Frozen: callers that adapt it copy it first, so one test or window cannot change another's. */
export const DEFAULT_PLAYBOOK: Playbook = deepFreeze({
  dispositions: DISPOSITIONS,
  taxonomy: TAXONOMY,
  criteria: CRITERIA,
  routing: ROUTING,
  scorecard: SCORECARD,
});

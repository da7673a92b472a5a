import type { ScriptQuestion, ScriptSection } from '../../model/script';

/**
 * Questions and sections that inbound and outbound discovery (zh-CN) share: once past the
 * opening the two calls qualify the same things, so a wording fix belongs in both. Where the
 * framing differs (after a cold opener a question needs a lead-in), the function takes only
 * that. Ids stay the same in both scripts: facts, branches and saved answers key on them.
 */

export function teamSizeQuestion({ text }: { readonly text: string }): ScriptQuestion {
  return {
    id: 'team-size',
    text,
    intent: '判断客户规模，也了解具体执行的是谁。',
    type: 'number',
    fills: 'teamSize',
  };
}

export const CURRENT_TOOLS: ScriptQuestion = {
  id: 'current-tools',
  text: '现在做活动、管线索，主要用哪些工具？',
  intent: '了解现有系统：哪些可能被替换，哪些需要对接。对方提到的都勾上。',
  type: 'multi',
  options: [
    { id: 'crm', label: 'CRM 系统' },
    { id: 'email-tool', label: '邮件营销工具' },
    { id: 'automation-platform', label: '营销自动化平台' },
    { id: 'spreadsheets', label: 'Excel／在线表格' },
    { id: 'wechat', label: '微信／企业微信' },
    { id: 'nothing-formal', label: '还没有专门的工具' },
  ],
  fills: 'currentTools',
};

export const SPREADSHEET_FOLLOW_UP: ScriptQuestion = {
  id: 'spreadsheet-followup',
  text: '用表格管理的话，哪些线索跟进过、什么时候跟的，一般怎么记录？',
  intent: '手工记录最容易漏线索。留意有没有线索丢失、重复跟进的情况。',
  type: 'text',
  showIf: { op: 'includes', question: 'current-tools', value: 'spreadsheets' },
};

export const LEAD_FLOW: ScriptQuestion = {
  id: 'lead-flow',
  text: '一条新线索进来以后，一般是怎么流转到销售手里的？',
  intent: '摸清交接流程。这里的延迟、靠人判断、“看情况”，往往就是真正的痛点。',
  type: 'text',
};

export function goalsQuestion({ text }: { readonly text: string }): ScriptQuestion {
  return {
    id: 'goals',
    text,
    intent: '用对方自己的话了解优先级，后面的讨论都往这上面靠。',
    type: 'multi',
    options: [
      { id: 'more-leads', label: '线索数量' },
      { id: 'lead-quality', label: '线索质量（销售认可度）' },
      { id: 'pipeline', label: '带来的商机和业绩' },
      { id: 'efficiency', label: '人效，同样的人做更多事' },
      { id: 'prove-roi', label: '证明市场投入的回报' },
    ],
    fills: 'goals',
  };
}

export function painPointsQuestion({ text }: { readonly text: string }): ScriptQuestion {
  return {
    id: 'pain-points',
    text,
    intent: '先让对方自己说，再逐条确认。符合的都勾上。',
    type: 'multi',
    options: [
      { id: 'lead-quality', label: '线索质量不高，销售不认' },
      { id: 'slow-follow-up', label: '新线索跟进不及时' },
      { id: 'manual-work', label: '手工操作太多' },
      { id: 'no-attribution', label: '看不清哪些活动带来了业绩' },
      { id: 'data-silos', label: '数据分散在各个系统里' },
      { id: 'no-nurturing', label: '暂时不成熟的线索没人培育' },
    ],
    fills: 'painPoints',
  };
}

/** They branch on pain-points and on each other, so they travel together, right after it. */
export const LEAD_QUALITY_FOLLOW_UPS: readonly ScriptQuestion[] = [
  {
    id: 'lead-quality-judgement',
    text: '现在销售是怎么判断一条线索好不好的？有统一的标准吗？',
    intent: '看市场和销售之间有没有共同的合格线索标准。完全没有，正是做线索评分的机会。',
    type: 'text',
    showIf: { op: 'includes', question: 'pain-points', value: 'lead-quality' },
  },
  {
    id: 'lead-quality-score',
    text: '如果打个分，1 到 5 分，销售对市场给的线索大概有多满意？',
    intent: '留一个可以前后对比的分数。1～2 分说明交接环节基本是断的。',
    type: 'scale',
    scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '非常满意' },
    showIf: { op: 'includes', question: 'pain-points', value: 'lead-quality' },
  },
  {
    id: 'low-quality-impact',
    text: '销售不认的那些线索，后来一般怎么处理？还有人打吗？',
    intent: '浪费的线索就是浪费的预算。能估个数最好。',
    type: 'text',
    showIf: { op: 'lte', question: 'lead-quality-score', value: 2 },
  },
];

export const PAIN_COST: ScriptQuestion = {
  id: 'pain-cost',
  text: '这些问题对业务影响有多大？比如丢单、耗人力，或者和销售之间的配合？',
  intent: '能说出代价的痛点，才推得动项目。',
  type: 'text',
};

export const NEED: ScriptQuestion = {
  id: 'need',
  text: '听您这么说，这件事是已经准备着手解决，还是先了解看看？',
  intent: '如实判断需求阶段。“先了解看看”也完全正常，不要硬推。',
  type: 'single',
  options: [
    { id: 'confirmed', label: '已经在推进／准备解决' },
    { id: 'exploring', label: '先了解看看' },
    { id: 'none', label: '目前没有这方面需求' },
  ],
  fills: 'need',
  required: true,
};

export const DECISION_SECTION: ScriptSection = {
  id: 'decision',
  title: '决策流程',
  questions: [
    {
      id: 'contact-role',
      text: '像这类工具的选型，您这边主要负责哪一块？',
      intent: '弄清对方是拍板的人，还是推荐、调研的人。',
      type: 'single',
      options: [
        { id: 'decides', label: '我来拍板' },
        { id: 'recommends', label: '我来推荐，上级审批' },
        { id: 'researching', label: '我先帮团队了解情况' },
      ],
    },
    {
      id: 'decision-maker',
      text: '这类采购，最后一般是哪位来拍板？',
      intent: '记下姓名，至少记下职位。对方不是决策人很正常，知道是谁就行。',
      type: 'text',
      fills: 'decisionMaker',
      required: true,
    },
    {
      id: 'other-stakeholders',
      text: '除了您之外，还有哪些同事会参与？他们各自最看重什么？',
      intent: '销售、IT、财务？每个角色都有自己同意或反对的理由。',
      type: 'text',
      showIf: { op: 'in', question: 'contact-role', values: ['recommends', 'researching'] },
    },
    {
      id: 'involve-stakeholders',
      text: '下次沟通的时候，方便请他们一起参加吗？',
      intent: '决策人在场，能少走一轮。',
      type: 'single',
      options: [
        { id: 'next-call', label: '可以，下次一起' },
        { id: 'brief-first', label: '我先内部同步一下' },
        { id: 'not-yet', label: '现阶段先不用' },
      ],
      showIf: { op: 'answered', question: 'other-stakeholders' },
    },
    {
      id: 'decision-process',
      text: '贵司采购这类软件，一般要走哪些流程？比如试用、比价、走审批？',
      intent: '试用、比选、采购、法务……每一步都要预留时间。',
      type: 'text',
      fills: 'decisionProcess',
    },
  ],
};

/** `intent` checks the timing against what the call started from, which differs by direction. */
export function timelineSection({ intent }: { readonly intent: string }): ScriptSection {
  return {
    id: 'timeline',
    title: '时间安排',
    questions: [
      {
        id: 'timeline',
        text: '您希望大概什么时候能用起来？',
        intent,
        type: 'single',
        options: [
          { id: 'within-1m', label: '1 个月内', value: 1 },
          { id: '1-3m', label: '1～3 个月', value: 3 },
          { id: '3-6m', label: '3～6 个月', value: 6 },
          { id: '6-12m', label: '半年到一年', value: 12 },
          { id: 'no-plan', label: '暂无计划', value: 99 },
        ],
        fills: 'timelineMonths',
        required: true,
      },
      {
        id: 'timeline-driver',
        text: '这个时间点是有什么具体安排吗？比如新财年、新品发布？',
        intent: '有具体事件（发布会、新财年、合同续约）撑着，时间才靠谱。',
        type: 'text',
        showIf: { op: 'in', question: 'timeline', values: ['within-1m', '1-3m', '3-6m'] },
      },
      {
        id: 'contract-end',
        text: '现在用的营销自动化平台，合同什么时候到期？',
        intent: '续约日期往往才是真正的截止时间。',
        type: 'date',
        showIf: { op: 'includes', question: 'current-tools', value: 'automation-platform' },
      },
    ],
  };
}

export const BUDGET_SECTION: ScriptSection = {
  id: 'budget',
  title: '预算',
  questions: [
    {
      id: 'budget-status',
      text: '这块今年有预算安排吗？',
      intent: '没有预算不等于没戏，说明需要帮对方准备立项的理由。',
      type: 'single',
      options: [
        { id: 'approved', label: '预算已批' },
        { id: 'planned', label: '有计划，还没批' },
        { id: 'none', label: '还没有预算' },
        { id: 'unknown', label: '不太清楚' },
      ],
      fills: 'budgetRange',
    },
    {
      id: 'deal-size',
      text: '像这样的投入，您预估每年大概在什么范围？',
      intent: '给个区间就够。对方不便说时，按团队规模估一个并备注。',
      type: 'single',
      options: [
        { id: 'lt-50k', label: '每年 5 万以下', value: 30000 },
        { id: '50k-200k', label: '每年 5～20 万', value: 120000 },
        { id: '200k-1m', label: '每年 20～100 万', value: 500000 },
        { id: 'gt-1m', label: '每年 100 万以上', value: 1500000 },
      ],
      fills: 'dealSize',
      required: true,
    },
  ],
};

/** `followUps` come after booking the next step: only inbound offers to send material. */
export function nextSection({ followUps = [] }: { readonly followUps?: readonly ScriptQuestion[] } = {}): ScriptSection {
  return {
    id: 'next',
    title: '下一步',
    questions: [
      {
        id: 'next-step',
        text: '您看接下来怎么安排比较合适？',
        intent: '挂电话前，约定一个具体的下一步。',
        type: 'single',
        options: [
          { id: 'demo', label: '安排顾问做产品演示' },
          { id: 'sales-call', label: '和销售同事深入聊一次' },
          { id: 'send-info', label: '先发些资料看看' },
          { id: 'call-later', label: '过段时间再联系' },
          { id: 'no-follow-up', label: '暂不跟进' },
        ],
        fills: 'nextStep',
      },
      {
        id: 'next-step-date',
        text: '您看哪天方便？',
        intent: '趁还在通话就把时间定下来，具体日期比“下周吧”靠谱。',
        type: 'date',
        showIf: { op: 'in', question: 'next-step', values: ['demo', 'sales-call', 'call-later'] },
      },
      ...followUps,
    ],
  };
}

import type { Script } from '../../model/script';
import {
  BUDGET_SECTION,
  CURRENT_TOOLS,
  DECISION_SECTION,
  LEAD_FLOW,
  LEAD_QUALITY_FOLLOW_UPS,
  NEED,
  PAIN_COST,
  SPREADSHEET_FOLLOW_UP,
  goalsQuestion,
  nextSection,
  painPointsQuestion,
  teamSizeQuestion,
  timelineSection,
} from './sections.zh-CN';

/**
 * 外呼探询话术（中文）。对方没有预约这通电话：先征得同意，用一句和对方相关的话说明来意，
 * 然后多问少讲，不推销。方括号内由 SDR 补充。题目和选项 id 与英文版一致。
 */
export const OUTBOUND_SCRIPT_ZH: Script = {
  id: 'outbound-default-zh',
  version: 1,
  name: '外呼探询',
  locale: 'zh-CN',
  kind: 'outbound',
  industry: '',
  sections: [
    {
      id: 'opener',
      title: '开场',
      questions: [
        {
          id: 'permission',
          text: '[称呼]您好，我是[自己的名字]。冒昧给您打电话，能占用您半分钟说下来意吗？您听完觉得没必要，我们随时打住。',
          intent: '先征得同意，而且是真心的。对方说“现在不方便”，就约回电时间，别硬讲。',
          type: 'single',
          options: [
            { id: 'go-ahead', label: '可以，您说' },
            { id: 'not-now', label: '现在不方便，改天再打' },
            { id: 'no', label: '不感兴趣' },
          ],
        },
        {
          id: 'callback-day',
          text: '好的，不打扰您。您看哪天方便，我再给您打个简短的电话？',
          intent: '约到具体日期，挂电话前就把回电提醒设好。',
          type: 'date',
          showIf: { op: 'equals', question: 'permission', value: 'not-now' },
        },
        {
          id: 'relevance-hook',
          text: '我们最近和不少[同行业的] B2B 企业市场团队交流，常听到的情况是：线索不少，但销售觉得值得跟的没几条。不知道您这边有没有类似的情况？',
          intent: '一句话说清为什么找他，结合对方的行业或岗位。说完就停，听对方讲。',
          type: 'single',
          options: [
            { id: 'familiar', label: '有，挺像的' },
            { id: 'partly', label: '有一点' },
            { id: 'not-really', label: '不太一样' },
          ],
        },
        {
          id: 'current-priority',
          text: '明白。那您团队这个季度主要在忙哪些事？',
          intent: '开场没说中不等于没机会，对方真正的重点可能正好相关。',
          type: 'text',
          showIf: { op: 'equals', question: 'relevance-hook', value: 'not-really' },
        },
      ],
    },
    {
      id: 'current',
      title: '现状',
      questions: [
        teamSizeQuestion({ text: '我先了解下您这边的情况：市场团队现在大概有多少人？' }),
        CURRENT_TOOLS,
        SPREADSHEET_FOLLOW_UP,
        LEAD_FLOW,
      ],
    },
    {
      id: 'goals',
      title: '目标',
      questions: [goalsQuestion({ text: '今年公司主要用哪些指标来考核您的团队？' })],
    },
    {
      id: 'challenges',
      title: '挑战',
      questions: [
        painPointsQuestion({ text: '要做到这些，现在觉得最费劲的是哪块？' }),
        ...LEAD_QUALITY_FOLLOW_UPS,
        PAIN_COST,
        {
          id: 'product-fit',
          text: '如果先解决其中一个问题，您会先从哪块入手？',
          intent: '决定交给哪位顾问跟进：对方想先解决什么，就从什么聊起。',
          type: 'single',
          options: [
            { id: 'automation', label: '营销活动和线索培育自动化' },
            { id: 'leadmgmt', label: '线索筛选、评分，及时交给销售' },
            { id: 'analytics', label: '看清哪些活动真正带来业绩' },
          ],
          fills: 'productLine',
          required: true,
        },
        NEED,
      ],
    },
    DECISION_SECTION,
    timelineSection({ intent: '按对方的节奏，不是我们的。只说“明年再看”又说不出原因的，先培育，别急着移交。' }),
    BUDGET_SECTION,
    nextSection(),
  ],
};

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
 * 呼入线索探询话术（中文）。客户主动留资，从对方关心的事情聊起，多问少讲，不推销。
 * 方括号内由 SDR 根据线索信息补充。题目和选项 id 与英文版一致。
 */
export const INBOUND_SCRIPT_ZH: Script = {
  id: 'inbound-default-zh',
  version: 1,
  name: '呼入线索探询',
  locale: 'zh-CN',
  kind: 'inbound',
  industry: '',
  sections: [
    {
      id: 'reason',
      title: '了解来意',
      questions: [
        {
          id: 'trigger',
          text: '看到您前几天[下载了我们的资料／留言咨询了……]，方便说说是什么契机开始关注这块的吗？',
          intent: '找到触发事件：有具体起因（新指标、团队调整、现有工具不好用），往往说明需求是真的。',
          type: 'text',
        },
        {
          id: 'interest-area',
          text: '您这次主要想了解的，更接近下面哪一块？',
          intent: '决定交给哪位顾问跟进。对方拿不准时，按他聊得最多的那块选。',
          type: 'single',
          options: [
            { id: 'automation', label: '营销自动化（活动执行、线索培育）' },
            { id: 'leadmgmt', label: '线索管理与评分' },
            { id: 'analytics', label: '营销归因与数据分析' },
          ],
          fills: 'productLine',
          required: true,
        },
      ],
    },
    {
      id: 'current',
      title: '现状',
      questions: [
        teamSizeQuestion({ text: '您这边市场团队现在大概有多少人？' }),
        CURRENT_TOOLS,
        SPREADSHEET_FOLLOW_UP,
        LEAD_FLOW,
      ],
    },
    {
      id: 'goals',
      title: '目标',
      questions: [
        goalsQuestion({ text: '今年公司主要用哪些指标来考核市场部？' }),
        {
          id: 'success-picture',
          text: '假如一年以后回头看，这件事做得很成功，您觉得会有哪些变化？',
          intent: '对方心中的成功标准，可以原话写进移交摘要。',
          type: 'text',
        },
      ],
    },
    {
      id: 'challenges',
      title: '挑战',
      questions: [
        painPointsQuestion({ text: '要达成这些目标，现在主要卡在哪里？' }),
        ...LEAD_QUALITY_FOLLOW_UPS,
        {
          id: 'attribution-reporting',
          text: '现在跟领导汇报市场效果，主要看哪些数据？怎么统计的？',
          intent: '看报表有多少靠手工，以及市场预算好不好向上争取。',
          type: 'text',
          showIf: { op: 'includes', question: 'pain-points', value: 'no-attribution' },
        },
        PAIN_COST,
        NEED,
      ],
    },
    DECISION_SECTION,
    timelineSection({ intent: '按对方的节奏，不是我们的。和前面提到的契机对照一下。' }),
    BUDGET_SECTION,
    nextSection({
      followUps: [
        {
          id: 'send-info-what',
          text: '您最想看哪方面的资料？我整理好发给您。',
          intent: '对方要什么发什么，别一股脑发整套宣传册。',
          type: 'text',
          showIf: { op: 'equals', question: 'next-step', value: 'send-info' },
        },
      ],
    }),
  ],
};

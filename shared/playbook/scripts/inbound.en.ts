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
} from './sections.en';

/**
 * Inbound discovery (English). The prospect raised a hand, so start from what they asked for and
 * let them talk: open questions, one at a time, no pitch. Brackets are for the SDR to fill in.
 */
export const INBOUND_SCRIPT_EN: Script = {
  id: 'inbound-default',
  version: 1,
  name: 'Inbound discovery',
  locale: 'en',
  kind: 'inbound',
  industry: '',
  sections: [
    {
      id: 'reason',
      title: 'Why they reached out',
      questions: [
        {
          id: 'trigger',
          text: 'Thanks for [downloading our guide / reaching out about …]. What prompted you to look into this now?',
          intent: 'Find the trigger. A concrete event (new targets, a new hire, a tool that let them down) means a real project.',
          type: 'text',
        },
        {
          id: 'interest-area',
          text: 'Which of these is closest to what you were looking into?',
          intent: 'Routes the lead to the right specialist. If they hesitate, go with what they talked about most.',
          type: 'single',
          options: [
            { id: 'automation', label: 'Marketing automation: campaigns and nurturing' },
            { id: 'leadmgmt', label: 'Lead management and scoring' },
            { id: 'analytics', label: 'Attribution and analytics' },
          ],
          fills: 'productLine',
          required: true,
        },
      ],
    },
    {
      id: 'current',
      title: 'How marketing works today',
      questions: [
        teamSizeQuestion({ text: 'How many people are on your marketing team today?' }),
        CURRENT_TOOLS,
        SPREADSHEET_FOLLOW_UP,
        LEAD_FLOW,
      ],
    },
    {
      id: 'goals',
      title: 'Goals',
      questions: [
        goalsQuestion({ text: 'What’s marketing measured on this year?' }),
        {
          id: 'success-picture',
          text: 'If we spoke again in a year and this had gone really well, what would have changed?',
          intent: 'Their picture of success. Quote it in the hand-off summary.',
          type: 'text',
        },
      ],
    },
    {
      id: 'challenges',
      title: 'Challenges',
      questions: [
        painPointsQuestion({ text: 'What gets in the way of that today?' }),
        ...LEAD_QUALITY_FOLLOW_UPS,
        {
          id: 'attribution-reporting',
          text: 'How do you report marketing results to leadership today?',
          intent: 'Shows how much reporting is manual and whether they can defend their budget.',
          type: 'text',
          showIf: { op: 'includes', question: 'pain-points', value: 'no-attribution' },
        },
        PAIN_COST,
        NEED,
      ],
    },
    DECISION_SECTION,
    timelineSection({ intent: 'Their timing, not ours. Check it against the trigger they mentioned.' }),
    BUDGET_SECTION,
    nextSection({
      followUps: [
        {
          id: 'send-info-what',
          text: 'What would be most useful for me to send over?',
          intent: 'Send what they asked for, not the whole brochure.',
          type: 'text',
          showIf: { op: 'equals', question: 'next-step', value: 'send-info' },
        },
      ],
    }),
  ],
};

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
 * Outbound discovery (English). They did not ask for this call: earn the next minute with a
 * permission-based opener and a one-line reason that fits them, then ask, listen and stop pitching.
 * Brackets are for the SDR to fill in. Question and option ids match the zh-CN variant.
 */
export const OUTBOUND_SCRIPT_EN: Script = {
  id: 'outbound-default',
  version: 1,
  name: 'Outbound discovery',
  locale: 'en',
  kind: 'outbound',
  industry: '',
  sections: [
    {
      id: 'opener',
      title: 'Opener',
      questions: [
        {
          id: 'permission',
          text: 'Hi [name], this is [your name]. I know I’m calling out of the blue: could I take 30 seconds to tell you why, and then you decide if it’s worth a chat?',
          intent: 'Ask permission and mean it. "Not now" gets a callback day, not a pitch.',
          type: 'single',
          options: [
            { id: 'go-ahead', label: 'Go ahead' },
            { id: 'not-now', label: 'Bad time, call back' },
            { id: 'no', label: 'Not interested' },
          ],
        },
        {
          id: 'callback-day',
          text: 'No problem. Which day would suit you better for a short call?',
          intent: 'Get a concrete day and set the callback before you hang up.',
          type: 'date',
          showIf: { op: 'equals', question: 'permission', value: 'not-now' },
        },
        {
          id: 'relevance-hook',
          text: 'We work with B2B marketing teams [in your industry] that bring in plenty of leads, yet sales says only a few are worth calling. Does that sound at all familiar?',
          intent: 'One sentence, built on their role or industry. Then stop and listen.',
          type: 'single',
          options: [
            { id: 'familiar', label: 'Yes, sounds familiar' },
            { id: 'partly', label: 'Partly' },
            { id: 'not-really', label: 'Not really' },
          ],
        },
        {
          id: 'current-priority',
          text: 'Fair enough. What’s taking most of your team’s attention this quarter?',
          intent: 'A miss on the hook isn’t the end: their real priority may still fit.',
          type: 'text',
          showIf: { op: 'equals', question: 'relevance-hook', value: 'not-really' },
        },
      ],
    },
    {
      id: 'current',
      title: 'How marketing works today',
      questions: [
        teamSizeQuestion({ text: 'So I understand your setup: how many people are on your marketing team today?' }),
        CURRENT_TOOLS,
        SPREADSHEET_FOLLOW_UP,
        LEAD_FLOW,
      ],
    },
    {
      id: 'goals',
      title: 'Goals',
      questions: [goalsQuestion({ text: 'What’s your team measured on this year?' })],
    },
    {
      id: 'challenges',
      title: 'Challenges',
      questions: [
        painPointsQuestion({ text: 'What makes that harder than it should be today?' }),
        ...LEAD_QUALITY_FOLLOW_UPS,
        PAIN_COST,
        {
          id: 'product-fit',
          text: 'If you could fix one of these first, which would it be?',
          intent: 'Routes the lead to the right specialist: start where they would start.',
          type: 'single',
          options: [
            { id: 'automation', label: 'Running and nurturing campaigns automatically' },
            { id: 'leadmgmt', label: 'Qualifying leads and getting them to sales' },
            { id: 'analytics', label: 'Seeing which campaigns drive revenue' },
          ],
          fills: 'productLine',
          required: true,
        },
        NEED,
      ],
    },
    DECISION_SECTION,
    timelineSection({ intent: 'Their timing, not ours. “Sometime next year” with no reason behind it is a nurture, not a hand-off.' }),
    BUDGET_SECTION,
    nextSection(),
  ],
};

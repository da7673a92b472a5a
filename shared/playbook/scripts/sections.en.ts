import type { ScriptQuestion, ScriptSection } from '../../model/script';

/**
 * Questions and sections that inbound and outbound discovery (English) share: once past the
 * opening the two calls qualify the same things, so a wording fix belongs in both. Where the
 * framing differs (after a cold opener a question needs a lead-in), the function takes only
 * that. Ids stay the same in both scripts: facts, branches and saved answers key on them.
 */

export function teamSizeQuestion({ text }: { readonly text: string }): ScriptQuestion {
  return {
    id: 'team-size',
    text,
    intent: 'Sizes the account and tells you who does the hands-on work.',
    type: 'number',
    fills: 'teamSize',
  };
}

export const CURRENT_TOOLS: ScriptQuestion = {
  id: 'current-tools',
  text: 'What do you use today to run campaigns and keep track of leads?',
  intent: 'Their current stack: what we would replace or connect to. Pick every one they mention.',
  type: 'multi',
  options: [
    { id: 'crm', label: 'A CRM' },
    { id: 'email-tool', label: 'An email marketing tool' },
    { id: 'automation-platform', label: 'A marketing automation platform' },
    { id: 'spreadsheets', label: 'Spreadsheets' },
    { id: 'wechat', label: 'WeChat / WeCom' },
    { id: 'nothing-formal', label: 'Nothing formal yet' },
  ],
  fills: 'currentTools',
};

export const SPREADSHEET_FOLLOW_UP: ScriptQuestion = {
  id: 'spreadsheet-followup',
  text: 'With spreadsheets, how do you keep track of who has been followed up, and when?',
  intent: 'Manual tracking is where leads slip through. Listen for lost leads or double work.',
  type: 'text',
  showIf: { op: 'includes', question: 'current-tools', value: 'spreadsheets' },
};

export const LEAD_FLOW: ScriptQuestion = {
  id: 'lead-flow',
  text: 'Walk me through what happens when a new lead comes in. How does it get to sales?',
  intent: 'Maps the hand-off. Delays, guesswork or "it depends" here are often the real pain.',
  type: 'text',
};

export function goalsQuestion({ text }: { readonly text: string }): ScriptQuestion {
  return {
    id: 'goals',
    text,
    intent: 'Their priorities in their words. Tie everything later back to these.',
    type: 'multi',
    options: [
      { id: 'more-leads', label: 'More leads' },
      { id: 'lead-quality', label: 'Better leads for sales' },
      { id: 'pipeline', label: 'Pipeline and revenue' },
      { id: 'efficiency', label: 'Doing more with the same team' },
      { id: 'prove-roi', label: 'Proving marketing ROI' },
    ],
    fills: 'goals',
  };
}

export function painPointsQuestion({ text }: { readonly text: string }): ScriptQuestion {
  return {
    id: 'pain-points',
    text,
    intent: 'Let them name it first, then confirm. Pick every one that applies.',
    type: 'multi',
    options: [
      { id: 'lead-quality', label: 'Lead quality: sales says leads aren’t ready' },
      { id: 'slow-follow-up', label: 'New leads are followed up too slowly' },
      { id: 'manual-work', label: 'Too much manual work' },
      { id: 'no-attribution', label: 'Can’t see which campaigns drive revenue' },
      { id: 'data-silos', label: 'Data scattered across tools' },
      { id: 'no-nurturing', label: 'No way to nurture leads that aren’t ready yet' },
    ],
    fills: 'painPoints',
  };
}

/** They branch on pain-points and on each other, so they travel together, right after it. */
export const LEAD_QUALITY_FOLLOW_UPS: readonly ScriptQuestion[] = [
  {
    id: 'lead-quality-judgement',
    text: 'How does sales decide today whether a lead is a good one?',
    intent: 'Is there an agreed definition of a qualified lead? None at all is a scoring opportunity.',
    type: 'text',
    showIf: { op: 'includes', question: 'pain-points', value: 'lead-quality' },
  },
  {
    id: 'lead-quality-score',
    text: 'On a scale of 1 to 5, how happy is sales with the leads marketing sends today?',
    intent: 'A number to compare with later. 1–2 means the hand-off is broken.',
    type: 'scale',
    scale: { min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very happy' },
    showIf: { op: 'includes', question: 'pain-points', value: 'lead-quality' },
  },
  {
    id: 'low-quality-impact',
    text: 'What happens to the leads sales doesn’t trust? Do they get called at all?',
    intent: 'Wasted leads are wasted budget. Put a number on it if you can.',
    type: 'text',
    showIf: { op: 'lte', question: 'lead-quality-score', value: 2 },
  },
];

export const PAIN_COST: ScriptQuestion = {
  id: 'pain-cost',
  text: 'What does that cost you: missed deals, time, or credibility with sales?',
  intent: 'Pain with a cost attached is what moves a project forward.',
  type: 'text',
};

export const NEED: ScriptQuestion = {
  id: 'need',
  text: 'From what you’ve shared, is fixing this something you’re working on now, or more something you’re exploring?',
  intent: 'Honest read of the need. "Exploring" is a fine answer; don’t push.',
  type: 'single',
  options: [
    { id: 'confirmed', label: 'Working on it now' },
    { id: 'exploring', label: 'Exploring for now' },
    { id: 'none', label: 'No real need at the moment' },
  ],
  fills: 'need',
  required: true,
};

export const DECISION_SECTION: ScriptSection = {
  id: 'decision',
  title: 'Decision process',
  questions: [
    {
      id: 'contact-role',
      text: 'What’s your part in choosing a tool like this?',
      intent: 'Are we talking to the person who decides, or to someone who recommends?',
      type: 'single',
      options: [
        { id: 'decides', label: 'I make the call' },
        { id: 'recommends', label: 'I recommend, someone else signs off' },
        { id: 'researching', label: 'I’m gathering information for the team' },
      ],
    },
    {
      id: 'decision-maker',
      text: 'Who would sign off on a decision like this?',
      intent: 'A name or at least a role. Not being the decision maker is normal; just find out who it is.',
      type: 'text',
      fills: 'decisionMaker',
      required: true,
    },
    {
      id: 'other-stakeholders',
      text: 'Who else would be involved, and what would matter most to them?',
      intent: 'Sales, IT, finance? Each has their own reason to say yes or no.',
      type: 'text',
      showIf: { op: 'in', question: 'contact-role', values: ['recommends', 'researching'] },
    },
    {
      id: 'involve-stakeholders',
      text: 'Would it make sense to bring them into the next conversation?',
      intent: 'A next call with the decision maker in the room saves a round.',
      type: 'single',
      options: [
        { id: 'next-call', label: 'Yes, in the next call' },
        { id: 'brief-first', label: 'After I brief them myself' },
        { id: 'not-yet', label: 'Not at this stage' },
      ],
      showIf: { op: 'answered', question: 'other-stakeholders' },
    },
    {
      id: 'decision-process',
      text: 'How does your company usually evaluate and buy software like this? What are the steps?',
      intent: 'Trial, comparison, procurement, legal? Each step is time to plan for.',
      type: 'text',
      fills: 'decisionProcess',
    },
  ],
};

/** `intent` checks the timing against what the call started from, which differs by direction. */
export function timelineSection({ intent }: { readonly intent: string }): ScriptSection {
  return {
    id: 'timeline',
    title: 'Timeline',
    questions: [
      {
        id: 'timeline',
        text: 'When would you ideally like to have something in place?',
        intent,
        type: 'single',
        options: [
          { id: 'within-1m', label: 'Within a month', value: 1 },
          { id: '1-3m', label: 'In 1–3 months', value: 3 },
          { id: '3-6m', label: 'In 3–6 months', value: 6 },
          { id: '6-12m', label: 'In 6–12 months', value: 12 },
          { id: 'no-plan', label: 'No plan yet', value: 99 },
        ],
        fills: 'timelineMonths',
        required: true,
      },
      {
        id: 'timeline-driver',
        text: 'What’s driving that timing?',
        intent: 'A real event (a launch, a new fiscal year, a renewal) makes the timeline believable.',
        type: 'text',
        showIf: { op: 'in', question: 'timeline', values: ['within-1m', '1-3m', '3-6m'] },
      },
      {
        id: 'contract-end',
        text: 'When does the contract for your current automation platform end?',
        intent: 'The renewal date is often the real deadline.',
        type: 'date',
        showIf: { op: 'includes', question: 'current-tools', value: 'automation-platform' },
      },
    ],
  };
}

export const BUDGET_SECTION: ScriptSection = {
  id: 'budget',
  title: 'Budget',
  questions: [
    {
      id: 'budget-status',
      text: 'Has budget been set aside for this yet?',
      intent: 'No budget isn’t a no; it tells you the project needs a business case.',
      type: 'single',
      options: [
        { id: 'approved', label: 'Yes, approved' },
        { id: 'planned', label: 'Planned, not yet approved' },
        { id: 'none', label: 'Not yet' },
        { id: 'unknown', label: 'Not sure' },
      ],
      fills: 'budgetRange',
    },
    {
      id: 'deal-size',
      text: 'Roughly what range would an investment like this fall in for you, per year?',
      intent: 'A range is enough. If they won’t say, pick what fits the team size and note it.',
      type: 'single',
      options: [
        { id: 'lt-50k', label: 'Under ¥50k a year', value: 30000 },
        { id: '50k-200k', label: '¥50k–200k a year', value: 120000 },
        { id: '200k-1m', label: '¥200k–1M a year', value: 500000 },
        { id: 'gt-1m', label: 'Over ¥1M a year', value: 1500000 },
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
    title: 'Next step',
    questions: [
      {
        id: 'next-step',
        text: 'What would be a useful next step from here?',
        intent: 'Agree on one concrete step before you hang up.',
        type: 'single',
        options: [
          { id: 'demo', label: 'A demo with a specialist' },
          { id: 'sales-call', label: 'A deeper call with our sales team' },
          { id: 'send-info', label: 'Send some information first' },
          { id: 'call-later', label: 'Talk again later' },
          { id: 'no-follow-up', label: 'No follow-up for now' },
        ],
        fills: 'nextStep',
      },
      {
        id: 'next-step-date',
        text: 'Which day works for that?',
        intent: 'Book it while you’re on the call; a date beats "next week".',
        type: 'date',
        showIf: { op: 'in', question: 'next-step', values: ['demo', 'sales-call', 'call-later'] },
      },
      ...followUps,
    ],
  };
}

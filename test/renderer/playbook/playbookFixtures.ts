import type { Script } from '../../../shared/model/script';

/** Small scripts for the playbook tests: a branch to preview and edit, and one to leave alone. */

export const QUALIFY_V1: Script = {
  id: 'qualify-en',
  version: 1,
  name: 'Qualify (English)',
  locale: 'en',
  kind: 'outbound',
  industry: '',
  sections: [
    {
      id: 'situation',
      title: 'Situation',
      questions: [{ id: 'channels', text: 'Where do your leads come from?', intent: 'Channels first.', type: 'multi', options: [{ id: 'expo', label: 'Trade shows' }, { id: 'online', label: 'Online' }] }],
    },
  ],
};

export const QUALIFY_V2: Script = {
  ...QUALIFY_V1,
  version: 2,
  sections: [
    {
      id: 'situation',
      title: 'Situation',
      questions: [
        { id: 'channels', text: 'Where do your leads come from?', intent: 'Channels first.', type: 'multi', options: [{ id: 'expo', label: 'Trade shows' }, { id: 'online', label: 'Online' }] },
        { id: 'expo-days', text: 'How many days until a trade-show lead is called?', intent: 'Slow follow-up is the pain.', type: 'number', showIf: { op: 'includes', question: 'channels', value: 'expo' } },
      ],
    },
    {
      id: 'decision',
      title: 'Decision',
      questions: [{ id: 'decider', text: 'Who signs off on this?', intent: 'Name and role.', type: 'text', fills: 'decisionMaker', required: true }],
    },
  ],
};

export const INBOUND_V1: Script = {
  id: 'inbound-en',
  version: 1,
  name: 'Inbound (English)',
  locale: 'en',
  kind: 'inbound',
  industry: '',
  sections: [{ id: 'intro', title: 'Intro', questions: [{ id: 'why', text: 'What made you get in touch?', intent: 'Their words.', type: 'text' }] }],
};

export const SALES_OWNER = { id: 'sales-enterprise', name: 'Enterprise team' };

export const fileWith = (content: Record<string, unknown>) => JSON.stringify(content);

import { describe, expect, it } from 'vitest';
import type { Answers, Script, ScriptQuestion } from '../../shared/model/script';
import { parseScript } from '../../shared/model/script';
import {
  answerLabel,
  cleanAnswers,
  conditionHolds,
  factsFromAnswers,
  isAnswered,
  pickScript,
  scriptProgress,
  visibleQuestions,
  visibleSections,
} from '../../shared/rules/scriptBranching';

const SCRIPT: Script = {
  id: 'branching',
  version: 1,
  name: 'Branching',
  locale: 'en',
  kind: 'inbound',
  industry: '',
  sections: [
    {
      id: 'now',
      title: 'Today',
      questions: [
        { id: 'team', text: 'Team size?', intent: '', type: 'number', fills: 'teamSize' },
        {
          id: 'tools',
          text: 'Tools?',
          intent: '',
          type: 'multi',
          options: [
            { id: 'crm', label: 'CRM' },
            { id: 'sheets', label: 'Spreadsheets' },
          ],
          fills: 'currentTools',
        },
        { id: 'sheets-how', text: 'How do you track follow-up?', intent: '', type: 'text', showIf: { op: 'includes', question: 'tools', value: 'sheets' } },
      ],
    },
    {
      id: 'pain',
      title: 'Pain',
      questions: [
        {
          id: 'pains',
          text: 'What gets in the way?',
          intent: '',
          type: 'multi',
          options: [
            { id: 'lead-quality', label: 'Lead quality' },
            { id: 'slow', label: 'Slow follow-up' },
          ],
          fills: 'painPoints',
        },
        {
          id: 'quality-score',
          text: 'How happy is sales (1–5)?',
          intent: '',
          type: 'scale',
          scale: { min: 1, max: 5 },
          showIf: { op: 'includes', question: 'pains', value: 'lead-quality' },
        },
        {
          id: 'quality-impact',
          text: 'What happens to those leads?',
          intent: '',
          type: 'text',
          required: true,
          fills: 'qualityImpact',
          showIf: { op: 'lte', question: 'quality-score', value: 2 },
        },
        {
          id: 'need',
          text: 'Priority?',
          intent: '',
          type: 'single',
          options: [
            { id: 'confirmed', label: 'Working on it' },
            { id: 'exploring', label: 'Exploring' },
            { id: 'none', label: 'No need' },
          ],
          fills: 'need',
          required: true,
        },
      ],
    },
    {
      id: 'decision',
      title: 'Decision',
      questions: [
        {
          id: 'role',
          text: 'Your role?',
          intent: '',
          type: 'single',
          options: [
            { id: 'decides', label: 'Decides' },
            { id: 'recommends', label: 'Recommends' },
          ],
        },
        {
          id: 'others',
          text: 'Who else is involved?',
          intent: '',
          type: 'text',
          required: true,
          fills: 'decisionMaker',
          showIf: { op: 'equals', question: 'role', value: 'recommends' },
        },
        {
          id: 'timeline',
          text: 'When?',
          intent: '',
          type: 'single',
          options: [
            { id: '1-3m', label: 'In 1–3 months', value: 3 },
            { id: 'no-plan', label: 'No plan' },
          ],
          fills: 'timelineMonths',
          required: true,
        },
        { id: 'go-live', text: 'Go-live date?', intent: '', type: 'date', fills: 'goLive', showIf: { op: 'in', question: 'timeline', values: ['1-3m'] } },
      ],
    },
  ],
};

const ids = (questions: readonly ScriptQuestion[]) => questions.map((q) => q.id);
const question = (id: string): ScriptQuestion => {
  const found = SCRIPT.sections.flatMap((s) => s.questions).find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe('the test script', () => {
  it('is itself a valid script', () => {
    expect(parseScript(SCRIPT).ok).toBe(true);
  });
});

describe('isAnswered and conditionHolds', () => {
  it('treats empty values as unanswered', () => {
    expect([undefined, '', '   ', [], Number.NaN].map((v) => isAnswered(v))).toEqual([false, false, false, false, false]);
    expect(['a', 0, ['x']].map((v) => isAnswered(v))).toEqual([true, true, true]);
  });

  it('evaluates each operator', () => {
    const answers: Answers = { role: 'recommends', tools: ['crm'], score: 3, note: ' ' };
    expect(conditionHolds({ op: 'answered', question: 'role' }, answers)).toBe(true);
    expect(conditionHolds({ op: 'answered', question: 'note' }, answers)).toBe(false);
    expect(conditionHolds({ op: 'equals', question: 'role', value: 'recommends' }, answers)).toBe(true);
    expect(conditionHolds({ op: 'equals', question: 'score', value: 3 }, answers)).toBe(true);
    expect(conditionHolds({ op: 'equals', question: 'score', value: '3' }, answers)).toBe(false);
    expect(conditionHolds({ op: 'in', question: 'role', values: ['decides', 'recommends'] }, answers)).toBe(true);
    expect(conditionHolds({ op: 'in', question: 'tools', values: ['crm'] }, answers)).toBe(false);
    expect(conditionHolds({ op: 'includes', question: 'tools', value: 'crm' }, answers)).toBe(true);
    expect(conditionHolds({ op: 'includes', question: 'role', value: 'recommends' }, answers)).toBe(false);
    expect(conditionHolds({ op: 'gte', question: 'score', value: 3 }, answers)).toBe(true);
    expect(conditionHolds({ op: 'lte', question: 'score', value: 2 }, answers)).toBe(false);
    expect(conditionHolds({ op: 'gte', question: 'missing', value: 0 }, answers)).toBe(false);
  });

  it('does not find answers on the object prototype', () => {
    expect(conditionHolds({ op: 'answered', question: 'constructor' }, {})).toBe(false);
    expect(conditionHolds({ op: 'answered', question: 'toString' }, {})).toBe(false);
  });
});

describe('visibleQuestions', () => {
  it('shows a follow-up when its condition holds and hides it again when the answer changes', () => {
    expect(ids(visibleQuestions(SCRIPT, {}))).toEqual(['team', 'tools', 'pains', 'need', 'role', 'timeline']);
    expect(ids(visibleQuestions(SCRIPT, { tools: ['crm', 'sheets'] }))).toContain('sheets-how');
    expect(ids(visibleQuestions(SCRIPT, { tools: ['crm'] }))).not.toContain('sheets-how');
    expect(ids(visibleQuestions(SCRIPT, { role: 'recommends' }))).toContain('others');
    expect(ids(visibleQuestions(SCRIPT, { role: 'decides' }))).not.toContain('others');
    expect(ids(visibleQuestions(SCRIPT, { timeline: '1-3m' }))).toContain('go-live');
  });

  it('shows a nested follow-up only down an open branch', () => {
    const open = { pains: ['lead-quality'], 'quality-score': 2 };
    expect(ids(visibleQuestions(SCRIPT, open))).toEqual(expect.arrayContaining(['quality-score', 'quality-impact']));
    expect(ids(visibleQuestions(SCRIPT, { ...open, 'quality-score': 4 }))).not.toContain('quality-impact');
  });

  it('hides the whole branch when the parent is hidden, even with stale answers below', () => {
    const answers = { pains: ['slow'], 'quality-score': 1, 'quality-impact': 'ignored' };
    const visible = ids(visibleQuestions(SCRIPT, answers));
    expect(visible).not.toContain('quality-score');
    expect(visible).not.toContain('quality-impact');
  });

  it('keeps script order and never loops on a cyclic script that skipped parseScript', () => {
    const cyclic: Script = {
      ...SCRIPT,
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'a', text: 'A', intent: '', type: 'text', showIf: { op: 'answered', question: 'b' } },
            { id: 'b', text: 'B', intent: '', type: 'text', showIf: { op: 'answered', question: 'a' } },
            { id: 'c', text: 'C', intent: '', type: 'text', showIf: { op: 'answered', question: 'gone' } },
            { id: 'd', text: 'D', intent: '', type: 'text' },
          ],
        },
      ],
    };
    expect(ids(visibleQuestions(cyclic, { a: 'x', b: 'y' }))).toEqual(['d']);
  });
});

describe('visibleSections', () => {
  it('lists sections with at least one shown question', () => {
    const script: Script = {
      ...SCRIPT,
      sections: [
        ...SCRIPT.sections,
        { id: 'spreadsheets', title: 'Spreadsheets', questions: [{ ...question('sheets-how'), id: 'sheets-owner' }] },
      ],
    };
    expect(visibleSections(script, {}).map((s) => s.section.id)).toEqual(['now', 'pain', 'decision']);
    const shown = visibleSections(script, { tools: ['sheets'] });
    expect(shown.map((s) => s.section.id)).toEqual(['now', 'pain', 'decision', 'spreadsheets']);
    expect(ids(shown[0]!.questions)).toEqual(['team', 'tools', 'sheets-how']);
  });
});

describe('scriptProgress', () => {
  it('counts only shown questions', () => {
    expect(scriptProgress(SCRIPT, {})).toEqual({ answered: 0, total: 6, requiredMissing: ['need', 'timeline'] });
    const answers = { team: 8, tools: ['sheets'], 'sheets-how': '', pains: ['slow'], 'quality-score': 1 };
    expect(scriptProgress(SCRIPT, answers)).toEqual({ answered: 3, total: 7, requiredMissing: ['need', 'timeline'] });
  });

  it('lists shown required questions that are still open, in script order', () => {
    const answers = { pains: ['lead-quality'], 'quality-score': 1, role: 'recommends', need: 'exploring' };
    expect(scriptProgress(SCRIPT, answers).requiredMissing).toEqual(['quality-impact', 'others', 'timeline']);
    const done = { ...answers, 'quality-impact': 'never called', others: 'Our CMO', timeline: 'no-plan' };
    expect(scriptProgress(SCRIPT, done)).toEqual({ answered: 7, total: 9, requiredMissing: [] });
  });
});

describe('factsFromAnswers', () => {
  it('turns shown answers into facts by their slot', () => {
    const answers = {
      team: 12,
      tools: ['sheets', 'crm'],
      pains: ['lead-quality'],
      'quality-score': 2,
      'quality-impact': '  nobody calls them  ',
      need: 'confirmed',
      role: 'recommends',
      others: 'Wang Fang, CMO',
      timeline: '1-3m',
      'go-live': '2025-09-01',
    };
    expect(factsFromAnswers(SCRIPT, answers)).toEqual({
      teamSize: 12,
      currentTools: ['crm', 'sheets'],
      painPoints: ['lead-quality'],
      qualityImpact: 'nobody calls them',
      need: 'confirmed',
      decisionMaker: 'Wang Fang, CMO',
      timelineMonths: 3,
      goLive: '2025-09-01',
    });
  });

  it('uses the option id when the option has no value', () => {
    expect(factsFromAnswers(SCRIPT, { timeline: 'no-plan' })).toEqual({ timelineMonths: 'no-plan' });
  });

  it('ignores answers of hidden questions', () => {
    const answers = { role: 'decides', others: 'Someone', pains: ['slow'], 'quality-impact': 'stale' };
    expect(factsFromAnswers(SCRIPT, answers)).toEqual({ painPoints: ['slow'] });
  });

  it('ignores empty answers, unknown options and values of the wrong shape', () => {
    const answers = { team: '12', tools: ['fax'], need: 'maybe', role: 'recommends', others: '   ' };
    expect(factsFromAnswers(SCRIPT, answers)).toEqual({});
  });
});

describe('pickScript', () => {
  const script = (id: string, patch: Partial<Script>): Script => ({ ...SCRIPT, id, ...patch });
  const scripts = [
    script('in-en', { locale: 'en' }),
    script('in-zh', { locale: 'zh-CN' }),
    script('in-zh-v2', { locale: 'zh-CN', version: 2 }),
    script('in-zh-saas', { locale: 'zh-CN', industry: 'SaaS' }),
    script('in-en-fin', { locale: 'en', industry: 'Finance' }),
    script('out-en', { kind: 'outbound', locale: 'en' }),
  ];
  const pick = (kind: Script['kind'], industry: string, language: string, from: readonly Script[] = scripts) =>
    pickScript(from, { kind, industry }, language)?.id ?? null;

  it('prefers the language and the industry (trimmed, any case)', () => {
    expect(pick('inbound', ' saas ', 'zh-CN')).toBe('in-zh-saas');
    expect(pick('inbound', 'finance', 'en')).toBe('in-en-fin');
  });

  it('falls back to the highest version of an any-industry script in the language', () => {
    expect(pick('inbound', 'Retail', 'zh-CN')).toBe('in-zh-v2');
    expect(pick('inbound', '', 'zh-CN')).toBe('in-zh-v2');
    expect(pick('inbound', '', 'en')).toBe('in-en');
  });

  it('falls back to another language, industry first', () => {
    expect(pick('inbound', 'Finance', 'zh-CN')).toBe('in-zh-v2');
    expect(pick('inbound', 'Finance', 'zh-CN', scripts.filter((s) => s.locale === 'en'))).toBe('in-en-fin');
    expect(pick('outbound', 'SaaS', 'zh-CN')).toBe('out-en');
    expect(pick('inbound', 'SaaS', 'en', [scripts[3]!, scripts[1]!])).toBe('in-zh-saas');
  });

  it('matches a language by its primary tag', () => {
    expect(pick('inbound', '', 'zh', scripts.slice(0, 2))).toBe('in-zh');
    expect(pick('inbound', '', 'en-US', scripts.slice(0, 2))).toBe('in-en');
  });

  it('uses another industry’s script only when nothing else is left', () => {
    expect(pick('inbound', 'Retail', 'en', [scripts[3]!, scripts[4]!])).toBe('in-en-fin');
  });

  it('returns null without a script of the lead’s kind', () => {
    expect(pick('outbound', '', 'en', scripts.slice(0, 5))).toBeNull();
    expect(pick('inbound', '', 'en', [])).toBeNull();
  });
});

describe('answerLabel', () => {
  it('reads choices as their labels', () => {
    expect(answerLabel(question('need'), 'exploring')).toBe('Exploring');
    expect(answerLabel(question('tools'), ['crm', 'sheets'])).toBe('CRM, Spreadsheets');
    expect(answerLabel(question('tools'), ['crm', 'fax'])).toBe('CRM, fax');
  });

  it('joins with 、 in a zh-CN script', () => {
    const zh: ScriptQuestion = {
      ...question('tools'),
      text: '现在用哪些工具？',
      options: [
        { id: 'crm', label: 'CRM 系统' },
        { id: 'sheets', label: '表格' },
      ],
    };
    expect(answerLabel(zh, ['crm', 'sheets'])).toBe('CRM 系统、表格');
    expect(answerLabel(question('tools'), ['crm', 'sheets'], 'zh-CN')).toBe('CRM、Spreadsheets');
  });

  it('shows numbers, dates and text as they are', () => {
    expect(answerLabel(question('team'), 12)).toBe('12');
    expect(answerLabel(question('quality-score'), 4)).toBe('4');
    expect(answerLabel(question('go-live'), '2025-09-01')).toBe('2025-09-01');
    expect(answerLabel(question('others'), 'Our CMO')).toBe('Our CMO');
  });
});

describe('cleanAnswers', () => {
  it('drops answers of hidden and unknown questions', () => {
    const answers = { team: 5, role: 'decides', others: 'stale', pains: ['slow'], 'quality-score': 1, retired: 'x' };
    expect(cleanAnswers(SCRIPT, answers)).toEqual({ team: 5, role: 'decides', pains: ['slow'] });
  });

  it('keeps a whole open branch and is stable when applied again', () => {
    const answers = { pains: ['lead-quality'], 'quality-score': 2, 'quality-impact': 'lost', constructor: 'x' };
    const cleaned = cleanAnswers(SCRIPT, answers);
    expect(cleaned).toEqual({ pains: ['lead-quality'], 'quality-score': 2, 'quality-impact': 'lost' });
    expect(cleanAnswers(SCRIPT, cleaned)).toEqual(cleaned);
  });
});

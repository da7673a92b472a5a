import { describe, expect, it } from 'vitest';
import { ANSWER_TYPES, parseScript, type AnswerType, type Script, type ScriptQuestion } from '../../shared/model/script';
import { DEFAULT_SCRIPTS } from '../../shared/playbook/scripts';
import { factsFromAnswers, pickScript, scriptProgress, visibleQuestions } from '../../shared/rules/scriptBranching';

const questionsOf = (script: Script) => script.sections.flatMap((section) => section.questions);

function byId(id: string): Script {
  const script = DEFAULT_SCRIPTS.find((s) => s.id === id);
  if (!script) throw new Error(`no default script ${id}`);
  return script;
}

/** The fact slots every default script fills, with the answer type each needs and whether it is required. */
const REQUIRED_FILLS: readonly { fills: string; type: AnswerType; required: boolean }[] = [
  { fills: 'teamSize', type: 'number', required: false },
  { fills: 'currentTools', type: 'multi', required: false },
  { fills: 'need', type: 'single', required: true },
  { fills: 'painPoints', type: 'multi', required: false },
  { fills: 'decisionMaker', type: 'text', required: true },
  { fills: 'decisionProcess', type: 'text', required: false },
  { fills: 'timelineMonths', type: 'single', required: true },
  { fills: 'budgetRange', type: 'single', required: false },
  { fills: 'dealSize', type: 'single', required: true },
  { fills: 'productLine', type: 'single', required: true },
  { fills: 'nextStep', type: 'single', required: false },
];

/** A script without its words: what must be identical between the en and zh-CN variants. */
function skeleton(script: Script) {
  return script.sections.map((section) => ({
    id: section.id,
    questions: section.questions.map((q) => ({
      id: q.id,
      type: q.type,
      fills: q.fills,
      required: q.required,
      showIf: q.showIf,
      scale: q.scale && { min: q.scale.min, max: q.scale.max },
      options: q.options?.map((o) => ({ id: o.id, value: o.value })),
    })),
  }));
}

function branchesOf(script: Script): ScriptQuestion[] {
  return questionsOf(script).filter((q) => q.showIf !== undefined);
}

function nestedBranchesOf(script: Script): ScriptQuestion[] {
  const all = new Map(questionsOf(script).map((q) => [q.id, q]));
  return branchesOf(script).filter((q) => q.showIf && all.get(q.showIf.question)?.showIf !== undefined);
}

const CJK = /[\u3400-\u9fff]/;

describe('DEFAULT_SCRIPTS', () => {
  it('ships inbound and outbound in both languages, version 1, for any industry', () => {
    expect(DEFAULT_SCRIPTS.map((s) => [s.id, s.kind, s.locale, s.version, s.industry]).sort()).toEqual([
      ['inbound-default', 'inbound', 'en', 1, ''],
      ['inbound-default-zh', 'inbound', 'zh-CN', 1, ''],
      ['outbound-default', 'outbound', 'en', 1, ''],
      ['outbound-default-zh', 'outbound', 'zh-CN', 1, ''],
    ]);
  });

  describe.each(DEFAULT_SCRIPTS.map((s) => [s.id, s] as const))('%s', (_id, script) => {
    it('passes parseScript unchanged', () => {
      expect(parseScript(script)).toEqual({ ok: true, script });
      expect(parseScript(JSON.parse(JSON.stringify(script)))).toEqual({ ok: true, script });
    });

    it('has 18–28 questions using every answer type', () => {
      const questions = questionsOf(script);
      expect(questions.length).toBeGreaterThanOrEqual(18);
      expect(questions.length).toBeLessThanOrEqual(28);
      expect(new Set(questions.map((q) => q.type))).toEqual(new Set(ANSWER_TYPES));
    });

    it('gives every question an intent hint', () => {
      for (const q of questionsOf(script)) expect(q.intent.trim(), q.id).not.toBe('');
    });

    it.each(REQUIRED_FILLS)('fills $fills with a $type question', ({ fills, type, required }) => {
      const matches = questionsOf(script).filter((q) => q.fills === fills);
      expect(matches).toHaveLength(1);
      const [question] = matches;
      expect(question?.type).toBe(type);
      expect(question?.required ?? false).toBe(required);
      // A required slot must always be asked, or a hand-off could never be complete.
      if (required) expect(question?.showIf).toBeUndefined();
    });

    it('uses the agreed option ids and numeric values for need, product line, timeline and deal size', () => {
      const optionsOf = (fills: string) => questionsOf(script).find((q) => q.fills === fills)?.options ?? [];
      expect(optionsOf('need').map((o) => o.id)).toEqual(['confirmed', 'exploring', 'none']);
      expect(optionsOf('productLine').map((o) => o.id)).toEqual(['automation', 'leadmgmt', 'analytics']);
      expect(optionsOf('timelineMonths').map((o) => o.value)).toEqual([1, 3, 6, 12, 99]);
      expect(optionsOf('dealSize').map((o) => o.value)).toEqual([30000, 120000, 500000, 1500000]);
    });

    it('branches at least four times, one of them a follow-up of a follow-up', () => {
      expect(branchesOf(script).length).toBeGreaterThanOrEqual(4);
      expect(nestedBranchesOf(script).length).toBeGreaterThanOrEqual(1);
    });

    it('asks about spreadsheets, lead quality and other stakeholders as follow-ups', () => {
      const conditions = branchesOf(script).map((q) => q.showIf);
      expect(conditions).toContainEqual({ op: 'includes', question: 'current-tools', value: 'spreadsheets' });
      expect(conditions).toContainEqual({ op: 'includes', question: 'pain-points', value: 'lead-quality' });
      expect(conditions).toContainEqual({ op: 'in', question: 'contact-role', values: ['recommends', 'researching'] });
    });

    it('is written in its own language', () => {
      const words = questionsOf(script).flatMap((q) => [q.text, q.intent, ...(q.options ?? []).map((o) => o.label)]);
      if (script.locale === 'zh-CN') {
        expect(words.filter((w) => !CJK.test(w))).toEqual([]);
        // Business register: 您, never 你.
        expect(words.filter((w) => w.includes('你'))).toEqual([]);
      } else {
        expect(words.filter((w) => CJK.test(w))).toEqual([]);
      }
    });
  });

  it.each([
    ['inbound-default', 'inbound-default-zh'],
    ['outbound-default', 'outbound-default-zh'],
  ])('%s and %s have the same questions, options and branches', (en, zh) => {
    expect(skeleton(byId(zh))).toEqual(skeleton(byId(en)));
  });

  it('is what pickScript offers a lead by kind and language', () => {
    expect(pickScript(DEFAULT_SCRIPTS, { kind: 'inbound', industry: 'SaaS' }, 'zh-CN')?.id).toBe('inbound-default-zh');
    expect(pickScript(DEFAULT_SCRIPTS, { kind: 'inbound', industry: '' }, 'en')?.id).toBe('inbound-default');
    expect(pickScript(DEFAULT_SCRIPTS, { kind: 'outbound', industry: '制造业' }, 'zh-CN')?.id).toBe('outbound-default-zh');
    expect(pickScript(DEFAULT_SCRIPTS, { kind: 'outbound', industry: '' }, 'en')?.id).toBe('outbound-default');
  });

  it('turns a complete inbound call into the facts hand-off needs', () => {
    const script = byId('inbound-default-zh');
    const answers = {
      trigger: '新财年线索目标翻倍',
      'interest-area': 'leadmgmt',
      'team-size': 6,
      'current-tools': ['crm', 'spreadsheets'],
      'spreadsheet-followup': '每周手工汇总',
      'pain-points': ['lead-quality', 'slow-follow-up'],
      'lead-quality-score': 2,
      'low-quality-impact': '大部分没人打',
      need: 'confirmed',
      'contact-role': 'recommends',
      'decision-maker': '市场副总裁',
      'other-stakeholders': '销售总监',
      'involve-stakeholders': 'next-call',
      timeline: '1-3m',
      'deal-size': '50k-200k',
      'next-step': 'demo',
      'next-step-date': '2025-07-01',
    };
    expect(scriptProgress(script, answers).requiredMissing).toEqual([]);
    expect(visibleQuestions(script, answers).map((q) => q.id)).toContain('low-quality-impact');
    expect(factsFromAnswers(script, answers)).toEqual({
      productLine: 'leadmgmt',
      teamSize: 6,
      currentTools: ['crm', 'spreadsheets'],
      painPoints: ['lead-quality', 'slow-follow-up'],
      need: 'confirmed',
      decisionMaker: '市场副总裁',
      timelineMonths: 3,
      dealSize: 120000,
      nextStep: 'demo',
    });
  });
});

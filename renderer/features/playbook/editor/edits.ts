import { CONDITION_OPS_BY_TYPE, type AnswerType, type Condition, type Script, type ScriptQuestion, type ScriptSection } from '../../../../shared/model/script';

/** Small pure edits the editor's controls make; every one returns new values, never changes its input. */

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** Swaps an item with its neighbour; a move past either end changes nothing. */
export function moveBy<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  next[index] = items[target]!;
  next[target] = items[index]!;
  return next;
}

/** `stem-1`, `stem-2`…: the first that none of `taken` uses. */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${stem}-${n}`;
    if (!used.has(id)) return id;
  }
}

export function questionIds(script: Script): string[] {
  return script.sections.flatMap((section) => section.questions.map((q) => q.id));
}

/** A new question's fields are left empty for the lead to fill: the editor shows what is missing. */
export function newQuestion(script: Script): ScriptQuestion {
  return { id: freshId('question', questionIds(script)), text: '', intent: '', type: 'text' };
}

export function newSection(script: Script): ScriptSection {
  return { id: freshId('section', script.sections.map((s) => s.id)), title: '', questions: [newQuestion(script)] };
}

/** A script's copy under a new id, version 1: a new script, not a version of the old one. */
export function copyScript(script: Script, takenIds: Iterable<string>): Script {
  return { ...script, id: freshId(`${script.id}-copy`.slice(0, 50), takenIds), version: 1 };
}

export function newScript(takenIds: Iterable<string>, locale: Script['locale']): Script {
  const draft: Script = { id: freshId('script', takenIds), version: 1, name: '', locale, kind: 'outbound', industry: '', sections: [] };
  return { ...draft, sections: [newSection(draft)] };
}

/**
 * The question with another answer type: choices keep their options (or get two blank ones), a
 * scale gets 1–5, and what the new type cannot have is dropped.
 */
export function withAnswerType(question: ScriptQuestion, type: AnswerType): ScriptQuestion {
  const { options, scale, ...rest } = question;
  if (type === 'single' || type === 'multi') {
    return { ...rest, type, options: options && options.length > 0 ? options : [{ id: 'option-1', label: '' }, { id: 'option-2', label: '' }] };
  }
  if (type === 'scale') return { ...rest, type, scale: scale ?? { min: 1, max: 5 } };
  return { ...rest, type };
}

/** A condition on another question, with the operator and value that question's type suggests. */
export function conditionOn(target: ScriptQuestion): Condition {
  const firstOption = target.options?.[0]?.id ?? '';
  switch (target.type) {
    case 'single':
      return { op: 'equals', question: target.id, value: firstOption };
    case 'multi':
      return { op: 'includes', question: target.id, value: firstOption };
    case 'number':
    case 'scale':
      return { op: 'gte', question: target.id, value: target.scale?.min ?? 0 };
    case 'text':
    case 'date':
      return { op: 'answered', question: target.id };
  }
}

/** The same condition with another operator, keeping what value still fits. */
export function withConditionOp(cond: Condition, op: Condition['op'], target: ScriptQuestion | undefined): Condition {
  const question = cond.question;
  const firstOption = target?.options?.[0]?.id ?? '';
  const currentText = 'value' in cond && typeof cond.value === 'string' ? cond.value : 'values' in cond ? (cond.values[0] ?? firstOption) : firstOption;
  const currentNumber = 'value' in cond && typeof cond.value === 'number' ? cond.value : (target?.scale?.min ?? 0);
  switch (op) {
    case 'answered':
      return { op, question };
    case 'in':
      return { op, question, values: currentText === '' ? [] : [currentText] };
    case 'includes':
      return { op, question, value: currentText };
    case 'equals':
      return target?.type === 'single' ? { op, question, value: currentText } : { op, question, value: currentNumber };
    case 'gte':
    case 'lte':
      return { op, question, value: currentNumber };
  }
}

/** Operators offered for a condition on this question; all of them when it is unknown. */
export function opsFor(target: ScriptQuestion | undefined): readonly Condition['op'][] {
  return target ? CONDITION_OPS_BY_TYPE[target.type] : ['answered', 'equals', 'in', 'includes', 'gte', 'lte'];
}

function countOf(items: readonly string[], id: string): number {
  return items.filter((item) => item === id).length;
}

/**
 * Renames a question and the branches that point at it, so a follow-up keeps its parent. Only a
 * rename between unique ids carries branches along: where two questions share an id, nobody can
 * tell which of them a branch meant.
 */
export function renameQuestion(script: Script, section: number, index: number, id: string): Script {
  const old = script.sections[section]?.questions[index]?.id;
  if (old === undefined) return script;
  const ids = questionIds(script);
  const follow = old !== id && countOf(ids, old) === 1 && countOf(ids, id) === 0;
  return {
    ...script,
    sections: script.sections.map((s, si) => ({
      ...s,
      questions: s.questions.map((q, qi) => {
        const renamed = si === section && qi === index ? { ...q, id } : q;
        return follow && renamed.showIf?.question === old ? { ...renamed, showIf: { ...renamed.showIf, question: id } } : renamed;
      }),
    })),
  };
}

/** Renames an option of a question and the branches that test for it, under the same rule. */
export function renameOption(script: Script, questionId: string, old: string, id: string, optionIds: readonly string[]): (cond: Condition) => Condition {
  const follow = old !== id && countOf(optionIds, old) === 1 && countOf(optionIds, id) === 0 && countOf(questionIds(script), questionId) === 1;
  return (cond) => {
    if (!follow || cond.question !== questionId) return cond;
    switch (cond.op) {
      case 'equals':
      case 'includes':
        return cond.value === old ? { ...cond, value: id } : cond;
      case 'in':
        return { ...cond, values: cond.values.map((v) => (v === old ? id : v)) };
      default:
        return cond;
    }
  };
}

/** Applies a change to every branch condition of the script. */
export function mapConditions(script: Script, change: (cond: Condition) => Condition): Script {
  return {
    ...script,
    sections: script.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => (q.showIf ? { ...q, showIf: change(q.showIf) } : q)),
    })),
  };
}

export interface QuestionAt {
  readonly section: number;
  readonly question: number;
}

/**
 * Moves a question one place up or down; past the top or bottom of its section it goes to the end
 * of the section before or the start of the one after. Returns where it landed.
 */
export function moveQuestion(script: Script, at: QuestionAt, by: -1 | 1): { readonly script: Script; readonly at: QuestionAt } {
  const section = script.sections[at.section];
  const question = section?.questions[at.question];
  if (!section || !question) return { script, at };
  const target = at.question + by;
  if (target >= 0 && target < section.questions.length) {
    const sections = replaceAt(script.sections, at.section, { ...section, questions: moveBy(section.questions, at.question, by) });
    return { script: { ...script, sections }, at: { section: at.section, question: target } };
  }
  const neighbourIndex = at.section + by;
  const neighbour = script.sections[neighbourIndex];
  if (!neighbour) return { script, at };
  const questions = by < 0 ? [...neighbour.questions, question] : [question, ...neighbour.questions];
  const sections = script.sections.map((s, i) => {
    if (i === at.section) return { ...s, questions: removeAt(s.questions, at.question) };
    if (i === neighbourIndex) return { ...s, questions };
    return s;
  });
  return { script: { ...script, sections }, at: { section: neighbourIndex, question: by < 0 ? questions.length - 1 : 0 } };
}

import type { FactValue, Facts } from '../model/facts';
import type { Lead } from '../model/lead';
import type { AnswerValue, Answers, Condition, Script, ScriptLocale, ScriptQuestion, ScriptSection } from '../model/script';

/**
 * What an SDR sees of a script while answers come in. A follow-up shows only while the question it
 * depends on is itself shown and its condition holds, so changing an early answer folds away the
 * whole branch under it, and the answers left in that branch stop counting (progress, facts, the
 * saved summary) without being deleted while the call goes on.
 */

/** Answers are plain objects: read own keys only, so an id such as 'constructor' cannot find Object's. */
export function answerOf(answers: Answers, questionId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** '', blank text, [] and undefined are not answers. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return value.length > 0;
}

export function conditionHolds(cond: Condition, answers: Answers): boolean {
  const answer = answerOf(answers, cond.question);
  switch (cond.op) {
    case 'answered':
      return isAnswered(answer);
    case 'equals':
      return answer === cond.value;
    case 'in':
      return typeof answer === 'string' && cond.values.includes(answer);
    case 'includes':
      return typeof answer === 'object' && answer.includes(cond.value);
    case 'gte':
      return typeof answer === 'number' && answer >= cond.value;
    case 'lte':
      return typeof answer === 'number' && answer <= cond.value;
  }
}

/** A visibility test for one set of answers; parents are looked up by id, so forward references work. */
function visibility(script: Script, answers: Answers): (question: ScriptQuestion) => boolean {
  const byId = new Map<string, ScriptQuestion>();
  for (const section of script.sections) {
    for (const question of section.questions) if (!byId.has(question.id)) byId.set(question.id, question);
  }
  const known = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isVisible = (question: ScriptQuestion): boolean => {
    const cached = known.get(question.id);
    if (cached !== undefined) return cached;
    const cond = question.showIf;
    let visible = true;
    if (cond) {
      // parseScript refuses cycles; a script that skipped it still must not loop forever.
      if (visiting.has(question.id)) return false;
      visiting.add(question.id);
      const parent = byId.get(cond.question);
      visible = parent !== undefined && parent !== question && isVisible(parent) && conditionHolds(cond, answers);
      visiting.delete(question.id);
    }
    known.set(question.id, visible);
    return visible;
  };
  return isVisible;
}

/** The questions to show, in script order. */
export function visibleQuestions(script: Script, answers: Answers): ScriptQuestion[] {
  const isVisible = visibility(script, answers);
  return script.sections.flatMap((section) => section.questions.filter(isVisible));
}

/** Sections with at least one question to show, each with those questions. */
export function visibleSections(script: Script, answers: Answers): { section: ScriptSection; questions: ScriptQuestion[] }[] {
  const isVisible = visibility(script, answers);
  return script.sections
    .map((section) => ({ section, questions: section.questions.filter(isVisible) }))
    .filter((entry) => entry.questions.length > 0);
}

export interface ScriptProgress {
  readonly answered: number;
  readonly total: number;
  /** Ids of shown required questions still unanswered, in script order. */
  readonly requiredMissing: string[];
}

/** Counts shown questions only: a folded branch is neither to do nor done. */
export function scriptProgress(script: Script, answers: Answers): ScriptProgress {
  const visible = visibleQuestions(script, answers);
  let answered = 0;
  const requiredMissing: string[] = [];
  for (const question of visible) {
    if (isAnswered(answerOf(answers, question.id))) answered += 1;
    else if (question.required) requiredMissing.push(question.id);
  }
  return { answered, total: visible.length, requiredMissing };
}

/** The fact one answer gives, or undefined when it gives none (wrong shape, an option since removed). */
function factOf(question: ScriptQuestion, value: AnswerValue): FactValue | undefined {
  switch (question.type) {
    case 'single': {
      const option = question.options?.find((o) => o.id === value);
      return option ? (option.value ?? option.id) : undefined;
    }
    case 'multi': {
      if (typeof value !== 'object') return undefined;
      const ids = (question.options ?? []).filter((o) => value.includes(o.id)).map((o) => o.id);
      return ids.length > 0 ? ids : undefined;
    }
    case 'number':
    case 'scale':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'text':
    case 'date':
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
}

/**
 * Facts for qualification and routing: one per shown, answered question that `fills` a slot. A single
 * choice gives its option's numeric value when it has one (months, deal size), else its id; a multi
 * choice gives its option ids in the script's order. When two shown questions fill one slot, the
 * later one in the script wins.
 */
export function factsFromAnswers(script: Script, answers: Answers): Facts {
  const entries: [string, FactValue][] = [];
  for (const question of visibleQuestions(script, answers)) {
    const value = answerOf(answers, question.id);
    if (question.fills === undefined || value === undefined || !isAnswered(value)) continue;
    const fact = factOf(question, value);
    if (fact !== undefined) entries.push([question.fills, fact]);
  }
  return Object.fromEntries(entries);
}

function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split('-')[0] ?? '';
}

/**
 * The script for a lead: the same kind always; then, in order, the UI language with the lead's
 * industry, the language with an any-industry script, another language with the industry, another
 * language any-industry; the highest version among equals. A script made for a different industry
 * is a last resort (language first), still better on a call than none. Null only when no script
 * has the lead's kind.
 */
export function pickScript(scripts: readonly Script[], lead: Pick<Lead, 'kind' | 'industry'>, language: string): Script | null {
  const industry = lead.industry.trim().toLowerCase();
  const rank = (script: Script): number => {
    const sameLanguage = script.locale.toLowerCase() === language.trim().toLowerCase() || primaryLanguage(script.locale) === primaryLanguage(language);
    const scriptIndustry = script.industry.trim().toLowerCase();
    const languageRank = sameLanguage ? 0 : 1;
    if (industry !== '' && scriptIndustry === industry) return languageRank * 2;
    if (scriptIndustry === '') return languageRank * 2 + 1;
    return 4 + languageRank;
  };
  let best: Script | null = null;
  let bestRank = Infinity;
  for (const script of scripts) {
    if (script.kind !== lead.kind) continue;
    const r = rank(script);
    if (r < bestRank || (r === bestRank && best !== null && script.version > best.version)) {
      best = script;
      bestRank = r;
    }
  }
  return best;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * An answer as a person reads it: option labels for choices, joined by '、' in a zh-CN script and
 * ', ' in an English one. The question does not carry its script's locale, so without `locale` it
 * is read from the question's text.
 */
export function answerLabel(question: ScriptQuestion, value: AnswerValue, locale?: ScriptLocale): string {
  const labelOf = (id: string) => question.options?.find((option) => option.id === id)?.label ?? id;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return question.type === 'single' || question.type === 'multi' ? labelOf(value) : value;
  const zh = (locale ?? (CJK.test(question.text) ? 'zh-CN' : 'en')) === 'zh-CN';
  return value.map(labelOf).join(zh ? '、' : ', ');
}

/** Only the answers to shown questions of this script: what a saved summary keeps. */
export function cleanAnswers(script: Script, answers: Answers): Answers {
  const shown = new Set(visibleQuestions(script, answers).map((question) => question.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => shown.has(id)));
}

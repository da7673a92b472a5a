import type { Call } from '../../../shared/model/call';
import { parseScript, type AnswerValue, type Script } from '../../../shared/model/script';
import { answerLabel, answerOf, isAnswered, visibleQuestions } from '../../../shared/rules/scriptBranching';
import { findScript } from '../playbook';

export interface QuestionView {
  readonly id: string;
  readonly prompt: string;
  /** As a person reads it (option labels for choices); null when the SDR did not answer. */
  readonly answer: string | null;
}

export interface SectionView {
  readonly id: string;
  readonly title: string;
  readonly questions: readonly QuestionView[];
}

export interface RawAnswer {
  readonly questionId: string;
  readonly answer: string;
}

export type CallScriptView =
  | {
      readonly kind: 'script';
      readonly script: Script;
      readonly sections: readonly SectionView[];
      /** Answers to questions this script version does not have (kept, never hidden). */
      readonly stray: readonly RawAnswer[];
    }
  /** The script version is not known here: the answers by question id. */
  | { readonly kind: 'unknown'; readonly answers: readonly RawAnswer[] }
  | { readonly kind: 'none' };

function rawLabel(value: AnswerValue): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.join(', ');
}

/**
 * The script version the call used: the one the server sent with the call (the team's published
 * version), else one this device knows. A sent script that does not parse is not trusted.
 */
export function scriptOfCall(call: Call, sent: unknown, known: readonly Script[]): Script | null {
  if (sent !== null && sent !== undefined) {
    const parsed = parseScript(sent);
    if (parsed.ok && parsed.script.id === call.scriptId && parsed.script.version === call.scriptVersion) return parsed.script;
  }
  return findScript(known, call.scriptId, call.scriptVersion);
}

/**
 * The questions the SDR was shown on this call, in script order, each with its answer. Follow-ups
 * whose condition never held were not asked and are left out, unless answered anyway.
 */
export function callScriptView(call: Call, script: Script | null): CallScriptView {
  const answered = Object.entries(call.answers).filter(([, value]) => isAnswered(value));
  if (!script) {
    if (answered.length === 0 && call.scriptId === null) return { kind: 'none' };
    return { kind: 'unknown', answers: answered.map(([questionId, value]) => ({ questionId, answer: rawLabel(value) })) };
  }
  const shown = new Set(visibleQuestions(script, call.answers).map((q) => q.id));
  const inScript = new Set<string>();
  const sections = script.sections
    .map((section) => ({
      id: section.id,
      title: section.title,
      questions: section.questions.flatMap((question): QuestionView[] => {
        inScript.add(question.id);
        const value = answerOf(call.answers, question.id);
        const answer = value !== undefined && isAnswered(value) ? answerLabel(question, value, script.locale) : null;
        return answer !== null || shown.has(question.id) ? [{ id: question.id, prompt: question.text, answer }] : [];
      }),
    }))
    .filter((section) => section.questions.length > 0);
  const stray = answered.filter(([id]) => !inScript.has(id)).map(([questionId, value]) => ({ questionId, answer: rawLabel(value) }));
  return { kind: 'script', script, sections, stray };
}

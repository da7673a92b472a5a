import type { Call } from '../../../shared/model/call';
import type { Handoff } from '../../../shared/model/handoff';
import type { AnswerValue, Script, ScriptQuestion } from '../../../shared/model/script';
import { answerLabel, isAnswered } from '../../../shared/rules/scriptBranching';
import { findScript } from '../playbook';

export interface AnswerRow {
  readonly questionId: string;
  /** The question as the script the call used put it; the question id when that script is unknown here. */
  readonly question: string;
  readonly answer: string;
}

interface Source {
  readonly value: AnswerValue;
  readonly script: Script | null;
}

function questionIn(script: Script | null, id: string): { question: ScriptQuestion; order: number } | null {
  if (!script) return null;
  let order = 0;
  for (const section of script.sections) {
    for (const question of section.questions) {
      if (question.id === id) return { question, order };
      order++;
    }
  }
  return null;
}

function rawLabel(value: AnswerValue): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.join(', ');
}

/**
 * What the SDR learned, as question and answer text. Each answer is read through the script
 * version of the call that recorded it (a later script may have reworded or dropped the
 * question); the hand-off's own answers win over the calls' and use its call's script.
 * Questions come in script order, those of unknown scripts last.
 */
export function discoveryAnswers(handoff: Handoff, scripts: readonly Script[]): AnswerRow[] {
  const calls: readonly Call[] = handoff.snapshot?.calls ?? [];
  const scriptOf = (call: Call | undefined) => (call ? findScript(scripts, call.scriptId, call.scriptVersion) : null);
  const byQuestion = new Map<string, Source>();
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const script = scriptOf(call);
    for (const [id, value] of Object.entries(call.answers)) byQuestion.set(id, { value, script });
  }
  const handoffScript = scriptOf(calls.find((call) => call.id === handoff.callId));
  for (const [id, value] of Object.entries(handoff.answers)) {
    const seen = byQuestion.get(id);
    const script = handoffScript && questionIn(handoffScript, id) ? handoffScript : (seen?.script ?? handoffScript);
    byQuestion.set(id, { value, script });
  }
  const rows = [...byQuestion.entries()].filter(([, { value }]) => isAnswered(value)).map(([id, { value, script }]) => {
    const found = questionIn(script, id);
    return {
      row: { questionId: id, question: found?.question.text ?? id, answer: found ? answerLabel(found.question, value, script?.locale) : rawLabel(value) },
      order: found ? found.order : Number.MAX_SAFE_INTEGER,
    };
  });
  return rows.sort((a, b) => a.order - b.order || a.row.questionId.localeCompare(b.row.questionId)).map(({ row }) => row);
}

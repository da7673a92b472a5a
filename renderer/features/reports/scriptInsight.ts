import type { QuestionInsight } from '../../../shared/api/reports';
import type { Script } from '../../../shared/model/script';
import { ratio } from './reportFormat';

export interface InsightRow extends QuestionInsight {
  readonly scriptName: string;
  readonly prompt: string;
  /** Share of calls that answered the question, on leads sales accepted / returned. */
  readonly acceptedRate: number | null;
  readonly returnedRate: number | null;
  readonly difference: number | null;
  readonly highlighted: boolean;
}

/** How many of the strongest positive signals stand out. */
export const HIGHLIGHTED_QUESTIONS = 3;

/**
 * The script insight with each question's words: from the newest version of the script that
 * still has the question (a question reworded later reads as the team knows it now), else the id.
 * Sorted by difference, biggest first: the questions that most set accepted leads apart.
 */
export function scriptInsightRows(insight: readonly QuestionInsight[], scripts: readonly Script[]): InsightRow[] {
  const rows = insight.map((row): InsightRow => {
    const versions = scripts.filter((s) => s.id === row.scriptId).sort((a, b) => b.version - a.version);
    const question = versions
      .flatMap((s) => s.sections.flatMap((section) => section.questions))
      .find((q) => q.id === row.questionId);
    const acceptedRate = ratio(row.acceptedAnswered, row.acceptedCalls);
    const returnedRate = ratio(row.returnedAnswered, row.returnedCalls);
    return {
      ...row,
      scriptName: versions[0]?.name ?? row.scriptId,
      prompt: question?.text ?? row.questionId,
      acceptedRate,
      returnedRate,
      difference: acceptedRate !== null && returnedRate !== null ? acceptedRate - returnedRate : null,
      highlighted: false,
    };
  });
  rows.sort((a, b) => (a.difference === null || b.difference === null ? Number(a.difference === null) - Number(b.difference === null) : b.difference - a.difference));
  return rows.map((row, index) => ({ ...row, highlighted: index < HIGHLIGHTED_QUESTIONS && row.difference !== null && row.difference > 0 }));
}

import type { Lead } from '../model/lead';
import type { Answers, Script } from '../model/script';
import { answerLabel, visibleQuestions } from './scriptBranching';

interface SummaryInput {
  readonly lead: Pick<Lead, 'company' | 'contactName' | 'title'>;
  readonly script: Script | null;
  readonly answers: Answers;
  /** Newest first; only the latest few make the summary. */
  readonly notes: readonly string[];
  readonly tagLabels: readonly string[];
  readonly language: string;
}

const HEADINGS = {
  en: { discovery: 'Discovery', notes: 'Notes', tags: 'Tags', contact: 'Contact' },
  'zh-CN': { discovery: '需求探询', notes: '备注', tags: '标签', contact: '联系人' },
} as const;

const MAX_NOTES = 3;

/**
 * The first draft of what sales reads: who, what the discovery found (answered questions in the
 * script's order), the latest notes and the tags. The SDR edits it before sending.
 */
export function draftHandoffSummary({ lead, script, answers, notes, tagLabels, language }: SummaryInput): string {
  const h = language === 'zh-CN' ? HEADINGS['zh-CN'] : HEADINGS.en;
  const sep = language === 'zh-CN' ? '：' : ': ';
  const lines: string[] = [];
  const who = [lead.contactName, lead.title].filter(Boolean).join(', ');
  lines.push(`${lead.company}${who ? ` — ${h.contact}${sep}${who}` : ''}`);
  if (script) {
    const answered = visibleQuestions(script, answers).flatMap((q) => {
      const value = answers[q.id];
      return value === undefined ? [] : [`• ${q.text.replace(/[?？:：]\s*$/u, '')}${sep}${answerLabel(q, value)}`];
    });
    if (answered.length > 0) lines.push('', `${h.discovery}:`, ...answered);
  }
  const recent = notes.slice(0, MAX_NOTES).map((n) => n.trim()).filter(Boolean);
  if (recent.length > 0) lines.push('', `${h.notes}:`, ...recent.map((n) => `• ${n.replace(/\s*\n\s*/g, ' ')}`));
  if (tagLabels.length > 0) lines.push('', `${h.tags}${sep}${tagLabels.join(language === 'zh-CN' ? '、' : ', ')}`);
  return lines.join('\n').slice(0, 8000);
}

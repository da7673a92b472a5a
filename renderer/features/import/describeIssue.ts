import type { TFunction } from 'i18next';
import type { MappingProblem } from './columnMapping';
import type { ReportLine } from './reportCsv';
import type { FileProblem, RowIssue } from './types';

/**
 * Puts a report row into the user's language. `t` is the 'import' namespace; field names and lead
 * validation errors live in the app's default namespace. Their codes contain dots
 * ('phone.invalid'): i18next still finds them, because when a dotted path misses it retries with
 * the remaining segments joined as one key (covered by a test).
 */
export function describeIssue(issue: RowIssue, t: TFunction): ReportLine {
  return { row: issue.rowNumber, field: fieldName(issue, t), value: issue.value, reason: reasonText(issue, t) };
}

function fieldName(issue: RowIssue, t: TFunction): string {
  if (issue.column !== null) return issue.column;
  if (issue.field === 'row') return t('report.rowField');
  if (issue.reason.scope === 'lead' && issue.reason.code === 'contact.required') return t('report.contactField');
  return t(`lead.fields.${issue.field}`, { ns: 'translation' });
}

function reasonText(issue: RowIssue, t: TFunction): string {
  const { reason } = issue;
  if (reason.scope === 'lead') return t(`errors.${reason.code}`, { ns: 'translation' });
  return t(`reason.${reason.code}`, { ...reason.params });
}

export function describeFileProblem(problem: FileProblem, t: TFunction, formatNumber: (n: number) => string): string {
  switch (problem.code) {
    case 'tooManyRows':
      return t('problem.tooManyRows', { rows: formatNumber(problem.rows), max: formatNumber(problem.max) });
    case 'tooLarge':
      return t('problem.tooLarge', { maxMb: problem.maxMb });
    case 'unclosedQuote':
      return t('problem.unclosedQuote', { row: problem.row });
    default:
      return t(`problem.${problem.code}`);
  }
}

export function describeMappingProblem(problem: MappingProblem, t: TFunction): string {
  if (problem.code !== 'duplicateTarget') return t(`mapping.${problem.code}`);
  return t('mapping.duplicateTarget', { field: t(`lead.fields.${problem.target}`, { ns: 'translation' }), columns: problem.columns.join(', ') });
}

import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionInsight } from '../../../../shared/api/reports';
import type { Script } from '../../../../shared/model/script';
import type { DateRange } from '../periodPresets';
import { toCsvTable, type Column } from '../reportColumns';
import { scriptInsightRows, type InsightRow } from '../scriptInsight';
import { ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { useReportFormat } from './useReportFormat';
import { useTableSort } from './useTableSort';

interface ScriptInsightCardProps {
  readonly insight: readonly QuestionInsight[];
  readonly scripts: readonly Script[];
  readonly period: DateRange;
}

/** Which discovery questions are answered more often on hand-offs sales accepts than on returned ones. */
export function ScriptInsightCard({ insight, scripts, period }: ScriptInsightCardProps) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const titleId = useId();
  const title = t('insight.title');
  const rows = useMemo(() => scriptInsightRows(insight, scripts), [insight, scripts]);
  const columns = useMemo(
    (): readonly Column<InsightRow>[] => [
      { id: 'script', label: t('insight.script'), kind: 'text', value: (r) => r.scriptName },
      {
        id: 'question',
        label: t('insight.question'),
        kind: 'text',
        wide: true,
        value: (r) => r.prompt,
        extra: (r) => (r.highlighted ? <span className="badge report-signal">{t('insight.strong')}</span> : null),
      },
      { id: 'acceptedCalls', label: t('insight.acceptedCalls'), kind: 'count', value: (r) => r.acceptedCalls },
      { id: 'acceptedRate', label: t('insight.acceptedRate'), kind: 'rate', value: (r) => r.acceptedRate },
      { id: 'returnedCalls', label: t('insight.returnedCalls'), kind: 'count', value: (r) => r.returnedCalls },
      { id: 'returnedRate', label: t('insight.returnedRate'), kind: 'rate', value: (r) => r.returnedRate },
      { id: 'difference', label: t('insight.difference'), kind: 'points', value: (r) => r.difference },
    ],
    [t],
  );
  const sorted = useTableSort(columns, rows, { column: 'difference', direction: 'descending' });

  return (
    <ReportCard titleId={titleId} title={title} fileKey="script-insight" period={period} csv={() => toCsvTable(columns, sorted.rows, format)} className="report-span-7">
      <p className="field-hint report-help">{t('insight.help')}</p>
      <ReportTable
        labelledBy={titleId}
        name={title}
        columns={columns}
        rows={sorted.rows}
        rowKey={(r) => `${r.scriptId}\u0000${r.questionId}`}
        empty={t('insight.empty')}
        sort={{ state: sorted.sort, onSort: sorted.onSort }}
        highlighted={(r) => r.highlighted}
      />
    </ReportCard>
  );
}

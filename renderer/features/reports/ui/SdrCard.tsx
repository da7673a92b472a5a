import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdrMetrics } from '../../../../shared/api/reports';
import type { DateRange } from '../periodPresets';
import { toCsvTable, type Column } from '../reportColumns';
import { ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { useReportFormat } from './useReportFormat';
import { useTableSort } from './useTableSort';

interface SdrCardProps {
  readonly team: SdrMetrics;
  readonly sdrs: readonly SdrMetrics[];
  readonly period: DateRange;
}

/** Every SDR's numbers side by side, the team's total below: who to coach on what. */
export function SdrCard({ team, sdrs, period }: SdrCardProps) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const titleId = useId();
  const columns = useMemo((): readonly Column<SdrMetrics>[] => {
    const m = (key: string) => t(`metrics.${key}`);
    return [
      { id: 'name', label: m('sdr'), kind: 'text', value: (r) => (r.sdrId === null ? m('team') : r.name) },
      { id: 'dials', label: m('dials'), kind: 'count', value: (r) => r.dials },
      { id: 'conversations', label: m('conversations'), kind: 'count', value: (r) => r.conversations },
      { id: 'connectRate', label: m('connectRate'), kind: 'rate', value: (r) => r.connectRate },
      { id: 'talkTime', label: m('talkTime'), kind: 'talk', value: (r) => r.talkSeconds },
      { id: 'touches', label: m('touches'), kind: 'count', value: (r) => r.touches },
      { id: 'speedMedian', label: m('speedMedian'), kind: 'duration', value: (r) => r.speedToLead.medianMs },
      { id: 'speedP90', label: m('speedP90'), kind: 'duration', value: (r) => r.speedToLead.p90Ms },
      { id: 'inboundCalled', label: m('inboundCalled'), kind: 'count', value: (r) => r.speedToLead.called },
      { id: 'inboundNotCalled', label: m('inboundNotCalled'), kind: 'count', value: (r) => r.speedToLead.notCalled },
      { id: 'mqls', label: m('mqls'), kind: 'count', value: (r) => r.mqls },
      { id: 'sqls', label: m('sqls'), kind: 'count', value: (r) => r.sqls },
      { id: 'returned', label: m('returned'), kind: 'count', value: (r) => r.returned },
      { id: 'acceptanceRate', label: m('acceptanceRate'), kind: 'rate', value: (r) => r.acceptanceRate },
      { id: 'nurtured', label: m('nurtured'), kind: 'count', value: (r) => r.nurtured },
    ];
  }, [t]);
  const sorted = useTableSort(columns, sdrs, { column: 'name', direction: 'ascending' });
  const title = t('sdrs.title');

  return (
    <ReportCard titleId={titleId} title={title} fileKey="sdrs" period={period} csv={() => toCsvTable(columns, [...sorted.rows, team], format)} className="report-span-12">
      <ReportTable
        labelledBy={titleId}
        name={title}
        columns={columns}
        rows={sorted.rows}
        totals={[team]}
        rowKey={(r) => r.sdrId ?? 'team'}
        empty={t('sdrs.empty')}
        sort={{ state: sorted.sort, onSort: sorted.onSort }}
      />
    </ReportCard>
  );
}

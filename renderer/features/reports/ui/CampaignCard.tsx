import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelRow } from '../../../../shared/api/reports';
import type { DateRange } from '../periodPresets';
import { toCsvTable, type Column } from '../reportColumns';
import { ratio } from '../reportFormat';
import { ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { useChannelLabel, useReportFormat } from './useReportFormat';
import { useTableSort } from './useTableSort';

interface CampaignCardProps {
  readonly campaigns: readonly FunnelRow[];
  readonly period: DateRange;
}

/** The funnel per campaign: which of marketing's campaigns bring leads sales accepts. */
export function CampaignCard({ campaigns, period }: CampaignCardProps) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const channelLabel = useChannelLabel();
  const titleId = useId();
  const title = t('campaigns.title');
  const columns = useMemo(
    (): readonly Column<FunnelRow>[] => [
      { id: 'channel', label: t('channels.channel'), kind: 'text', value: (r) => channelLabel(r.channel) },
      { id: 'campaign', label: t('campaigns.campaign'), kind: 'text', value: (r) => r.campaign ?? t('none') },
      { id: 'leads', label: t('channels.leads'), kind: 'count', value: (r) => r.leads },
      { id: 'contacted', label: t('channels.contacted'), kind: 'count', value: (r) => r.contacted },
      { id: 'mqls', label: t('metrics.mqls'), kind: 'count', value: (r) => r.mqls },
      { id: 'sqls', label: t('metrics.sqls'), kind: 'count', value: (r) => r.sqls },
      { id: 'sqlRate', label: t('channels.sqlRate'), kind: 'rate', value: (r) => ratio(r.sqls, r.mqls) },
    ],
    [t, channelLabel],
  );
  const sorted = useTableSort(columns, campaigns, { column: 'leads', direction: 'descending' });

  return (
    <ReportCard titleId={titleId} title={title} fileKey="campaigns" period={period} csv={() => toCsvTable(columns, sorted.rows, format)} className="report-span-5">
      <ReportTable
        labelledBy={titleId}
        name={title}
        columns={columns}
        rows={sorted.rows}
        rowKey={(r) => `${r.channel ?? ''}\u0000${r.campaign ?? ''}`}
        empty={t('campaigns.empty')}
        sort={{ state: sorted.sort, onSort: sorted.onSort }}
      />
    </ReportCard>
  );
}

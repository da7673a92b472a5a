import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelRow } from '../../../../shared/api/reports';
import type { DateRange } from '../periodPresets';
import { toCsvTable, type Column } from '../reportColumns';
import { ratio } from '../reportFormat';
import { AXIS_TICK, CHART_COLORS, inOrder } from './chartTheme';
import { ChartFigure, ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { useChannelLabel, useReportFormat } from './useReportFormat';
import { useTableSort } from './useTableSort';

/** Channel names are long ("Target account list"), so the bars lie down with names on the left. */
const CATEGORY_AXIS_WIDTH = 120;
const FUNNEL_ORDER = inOrder(['leads', 'contacted', 'mqls', 'sqls']);
const chartHeight = (channels: number) => Math.max(160, 56 + channels * 32);

interface ChannelFunnelCardProps {
  readonly channels: readonly FunnelRow[];
  readonly period: DateRange;
}

/** Which source channels bring leads that turn into pipeline: the funnel per channel. */
export function ChannelFunnelCard({ channels, period }: ChannelFunnelCardProps) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const channelLabel = useChannelLabel();
  const titleId = useId();
  const title = t('channels.title');
  const columns = useMemo(
    (): readonly Column<FunnelRow>[] => [
      { id: 'channel', label: t('channels.channel'), kind: 'text', value: (r) => channelLabel(r.channel) },
      { id: 'leads', label: t('channels.leads'), kind: 'count', value: (r) => r.leads },
      { id: 'contacted', label: t('channels.contacted'), kind: 'count', value: (r) => r.contacted },
      { id: 'contactedRate', label: t('channels.contactedRate'), kind: 'rate', value: (r) => ratio(r.contacted, r.leads) },
      { id: 'mqls', label: t('metrics.mqls'), kind: 'count', value: (r) => r.mqls },
      { id: 'mqlRate', label: t('channels.mqlRate'), kind: 'rate', value: (r) => ratio(r.mqls, r.leads) },
      { id: 'sqls', label: t('metrics.sqls'), kind: 'count', value: (r) => r.sqls },
      { id: 'sqlRate', label: t('channels.sqlRate'), kind: 'rate', value: (r) => ratio(r.sqls, r.mqls) },
    ],
    [t, channelLabel],
  );
  const sorted = useTableSort(columns, channels, { column: 'leads', direction: 'descending' });
  const chartData = sorted.rows.map((r) => ({ ...r, label: channelLabel(r.channel) }));

  return (
    <ReportCard titleId={titleId} title={title} fileKey="channels" period={period} csv={() => toCsvTable(columns, sorted.rows, format)} className="report-span-12">
      <div className="report-split">
        {channels.length > 0 ? (
          <ChartFigure label={t('channels.chart')} caption={t('channels.caption')} height={chartHeight(chartData.length)}>
            <BarChart data={chartData} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barGap={1}>
              <CartesianGrid stroke="#edf0f4" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
              <YAxis type="category" dataKey="label" width={CATEGORY_AXIS_WIDTH} tick={AXIS_TICK} interval={0} />
              <Tooltip itemSorter={FUNNEL_ORDER} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={FUNNEL_ORDER} />
              <Bar dataKey="leads" name={t('channels.leads')} fill={CHART_COLORS.leads} />
              <Bar dataKey="contacted" name={t('channels.contacted')} fill={CHART_COLORS.contacted} />
              <Bar dataKey="mqls" name={t('metrics.mqls')} fill={CHART_COLORS.mqls} />
              <Bar dataKey="sqls" name={t('metrics.sqls')} fill={CHART_COLORS.sqls} />
            </BarChart>
          </ChartFigure>
        ) : null}
        <ReportTable
          labelledBy={titleId}
          name={title}
          columns={columns}
          rows={sorted.rows}
          rowKey={(r) => r.channel ?? ''}
          empty={t('channels.empty')}
          sort={{ state: sorted.sort, onSort: sorted.onSort }}
        />
      </div>
    </ReportCard>
  );
}

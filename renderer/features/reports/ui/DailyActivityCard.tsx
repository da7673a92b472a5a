import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { TeamReport } from '../../../../shared/api/reports';
import type { DateRange } from '../periodPresets';
import { toCsvTable, type Column } from '../reportColumns';
import { AXIS_TICK, CHART_COLORS, inOrder } from './chartTheme';
import { ChartFigure, ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { useReportFormat } from './useReportFormat';

type DailyRow = TeamReport['daily'][number];

const SERIES_ORDER = inOrder(['dials', 'conversations', 'mqls', 'sqls']);

interface DailyActivityCardProps {
  readonly daily: readonly DailyRow[];
  readonly period: DateRange;
}

/** Calls per day as bars, hand-offs as lines on their own axis: they are ten times fewer. */
export function DailyActivityCard({ daily, period }: DailyActivityCardProps) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const titleId = useId();
  const title = t('daily.title');
  const columns = useMemo(
    (): readonly Column<DailyRow>[] => [
      { id: 'date', label: t('daily.date'), kind: 'date', value: (r) => r.date },
      { id: 'dials', label: t('metrics.dials'), kind: 'count', value: (r) => r.dials },
      { id: 'conversations', label: t('metrics.conversations'), kind: 'count', value: (r) => r.conversations },
      { id: 'mqls', label: t('metrics.mqls'), kind: 'count', value: (r) => r.mqls },
      { id: 'sqls', label: t('metrics.sqls'), kind: 'count', value: (r) => r.sqls },
    ],
    [t],
  );
  const shortDate = useMemo(() => new Intl.DateTimeFormat(format.language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }), [format.language]);
  const tick = (date: string) => shortDate.format(Date.parse(`${date}T00:00:00Z`));
  const active = daily.some((d) => d.dials + d.conversations + d.mqls + d.sqls > 0);

  return (
    <ReportCard titleId={titleId} title={title} fileKey="daily" period={period} csv={() => toCsvTable(columns, daily, format)} className="report-span-8">
      {active ? (
        <ChartFigure label={t('daily.chart')} caption={t('daily.caption')} height={220}>
          <ComposedChart data={[...daily]} accessibilityLayer={false} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="#edf0f4" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} tick={AXIS_TICK} minTickGap={16} />
            <YAxis yAxisId="calls" allowDecimals={false} tick={AXIS_TICK} />
            <YAxis yAxisId="handoffs" orientation="right" allowDecimals={false} tick={AXIS_TICK} />
            <Tooltip labelFormatter={(label) => format.date(String(label))} itemSorter={SERIES_ORDER} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={SERIES_ORDER} />
            <Bar yAxisId="calls" dataKey="dials" name={t('metrics.dials')} fill={CHART_COLORS.dials} />
            <Bar yAxisId="calls" dataKey="conversations" name={t('metrics.conversations')} fill={CHART_COLORS.conversations} />
            <Line yAxisId="handoffs" dataKey="mqls" name={t('metrics.mqls')} stroke={CHART_COLORS.mqls} strokeWidth={2} dot={false} />
            <Line yAxisId="handoffs" dataKey="sqls" name={t('metrics.sqls')} stroke={CHART_COLORS.sqls} strokeWidth={2} dot={false} />
          </ComposedChart>
        </ChartFigure>
      ) : null}
      <ReportTable labelledBy={titleId} name={title} columns={columns} rows={active ? daily : []} rowKey={(r) => r.date} empty={t('daily.empty')} capped />
    </ReportCard>
  );
}

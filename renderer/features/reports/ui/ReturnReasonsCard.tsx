import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { TeamReport } from '../../../../shared/api/reports';
import type { DateRange } from '../periodPresets';
import { toCsvTable, type Column } from '../reportColumns';
import { ratio } from '../reportFormat';
import { AXIS_TICK, CHART_COLORS } from './chartTheme';
import { ChartFigure, ReportCard } from './ReportCard';
import { ReportTable } from './ReportTable';
import { useReportFormat } from './useReportFormat';
import { useTableSort } from './useTableSort';

type ReasonRow = TeamReport['returnReasons'][number];

/** More bars than this turn into a comb; the table below has every reason. */
const CHARTED_REASONS = 8;
const REASON_AXIS_WIDTH = 120;
/** What fits the axis: a Chinese character is about twice as wide as a Latin letter. */
const REASON_LABEL_WIDTH = 20;
const charWidth = (char: string) => ((char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1);

/** Reasons are typed by sales reps and can be long: the axis shows their start. */
function shortReason(reason: string): string {
  let width = 0;
  let kept = '';
  for (const char of reason) {
    width += charWidth(char);
    if (width > REASON_LABEL_WIDTH - 1) return `${kept}…`;
    kept += char;
  }
  return reason;
}

interface ReturnReasonsCardProps {
  readonly reasons: readonly ReasonRow[];
  readonly period: DateRange;
}

/** Why sales sent hand-offs back: what the SDRs' qualification is missing. */
export function ReturnReasonsCard({ reasons, period }: ReturnReasonsCardProps) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const titleId = useId();
  const title = t('reasons.title');
  const total = reasons.reduce((sum, r) => sum + r.count, 0);
  const columns = useMemo(
    (): readonly Column<ReasonRow>[] => [
      { id: 'reason', label: t('reasons.reason'), kind: 'text', value: (r) => r.reason },
      { id: 'count', label: t('reasons.count'), kind: 'count', value: (r) => r.count },
      { id: 'share', label: t('reasons.share'), kind: 'rate', value: (r) => ratio(r.count, total) },
    ],
    [t, total],
  );
  const sorted = useTableSort(columns, reasons, { column: 'count', direction: 'descending' });
  const charted = [...reasons].sort((a, b) => b.count - a.count).slice(0, CHARTED_REASONS);

  return (
    <ReportCard titleId={titleId} title={title} fileKey="return-reasons" period={period} csv={() => toCsvTable(columns, sorted.rows, format)} className="report-span-4">
      {charted.length > 0 ? (
        <ChartFigure label={t('reasons.chart')} caption={t('reasons.caption')} height={Math.max(120, 30 + charted.length * 26)}>
          <BarChart data={charted} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#edf0f4" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="reason" width={REASON_AXIS_WIDTH} tick={AXIS_TICK} tickFormatter={shortReason} interval={0} />
            <Tooltip />
            <Bar dataKey="count" name={t('reasons.count')} fill={CHART_COLORS.returned} />
          </BarChart>
        </ChartFigure>
      ) : null}
      <ReportTable
        labelledBy={titleId}
        name={title}
        columns={columns}
        rows={sorted.rows}
        rowKey={(r) => r.reason}
        empty={t('reasons.empty')}
        sort={{ state: sorted.sort, onSort: sorted.onSort }}
        capped
      />
    </ReportCard>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveContainer } from 'recharts';
import { downloadText } from '../../import/downloadText';
import type { DateRange } from '../periodPresets';
import { buildReportCsv, reportCsvFileName, type CsvTable } from '../reportCsv';

/**
 * Charts fill their card's width. The initial size draws them before the first measurement (and
 * where there is no ResizeObserver, as in tests), so they never render at zero width.
 */
const INITIAL_CHART_WIDTH = 560;

interface ReportCardProps {
  readonly titleId: string;
  readonly title: string;
  /** The file name's last part: "sdrs" → sdr-report-2026-11-01_2026-11-30-sdrs.csv. */
  readonly fileKey: string;
  readonly period: DateRange;
  /** Built on click, in the order the table shows. */
  readonly csv: () => CsvTable;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A dashboard card: its title names the table inside, and "Export CSV" saves that table. */
export function ReportCard({ titleId, title, fileKey, period, csv, className, children }: ReportCardProps) {
  const { t } = useTranslation('reports');
  const exportCsv = () => downloadText(buildReportCsv(csv()), reportCsvFileName(period, fileKey), 'text/csv;charset=utf-8');
  return (
    <section className={['card', 'report-card', className].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <header className="card-header report-card-header">
        <h2 id={titleId} className="card-title">
          {title}
        </h2>
        <button type="button" className="btn btn-small" onClick={exportCsv} aria-label={t('table.exportCsvNamed', { name: title })}>
          {t('table.exportCsv')}
        </button>
      </header>
      {children}
    </section>
  );
}

interface ChartFigureProps {
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  readonly label: string;
  readonly caption: string;
  readonly height: number;
  readonly children: ReactNode;
}

/** A chart is a picture to screen readers: named, its numbers left to the table next to it. */
export function ChartFigure({ label, caption, height, children }: ChartFigureProps) {
  return (
    <figure className="report-figure">
      <div role="img" aria-label={label} className="report-chart">
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: INITIAL_CHART_WIDTH, height }}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="field-hint">{caption}</figcaption>
    </figure>
  );
}

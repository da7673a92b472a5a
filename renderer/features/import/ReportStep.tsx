import { useTranslation } from 'react-i18next';
import type { ReportLine } from './reportCsv';
import type { ImportResult } from './runImport';

/** More rows than this would make the dialog sluggish; the downloaded report has them all. */
export const MAX_REPORT_ROWS_SHOWN = 1000;

interface ReportStepProps {
  readonly result: Extract<ImportResult, { state: 'done' | 'cancelled' | 'failed' }>;
  readonly lines: readonly ReportLine[];
  readonly formatNumber: (n: number) => string;
}

/** Step 4: what happened, and every row that was not imported with its row number and reason. */
export function ReportStep({ result, lines, formatNumber }: ReportStepProps) {
  const { t } = useTranslation('import');
  if (result.state === 'cancelled') return <p role="status">{t('report.cancelled')}</p>;
  if (result.state === 'failed') return <p role="alert">{t('report.failed', { message: result.message })}</p>;

  const counts = [
    t('report.created', { n: formatNumber(result.created) }),
    t('report.merged', { n: formatNumber(result.merged) }),
    t('report.skipped', { n: formatNumber(result.skipped) }),
    t('report.invalid', { n: formatNumber(result.invalid) }),
  ];
  const shown = lines.slice(0, MAX_REPORT_ROWS_SHOWN);
  return (
    <>
      <ul className="import-counts" role="status">
        {counts.map((c) => (
          <li key={c} className="badge">
            {c}
          </li>
        ))}
      </ul>
      {lines.length === 0 ? (
        <p>{t('report.allImported')}</p>
      ) : (
        <div className="import-scroll">
          <table className="report">
            <caption>{t('report.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.row')}</th>
                <th scope="col">{t('report.field')}</th>
                <th scope="col">{t('report.value')}</th>
                <th scope="col">{t('report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((line, i) => (
                <tr key={i}>
                  <td>{line.row}</td>
                  <td>{line.field}</td>
                  <td>{line.value}</td>
                  <td>{line.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lines.length > shown.length ? (
        <p className="field-hint">{t('report.capped', { shown: formatNumber(shown.length), total: formatNumber(lines.length) })}</p>
      ) : null}
    </>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_KINDS, type Lead } from '../../../shared/model/lead';
import { columnLabel } from './columnMapping';
import { LEAD_COLUMN_TARGETS, type ColumnTarget, type DuplicateMode } from './types';
import type { PreviewState } from './useImportFlow';

interface PreviewStepProps {
  readonly preview: PreviewState;
  /** Translated reasons the import cannot start yet; rendered with `problemsId`. */
  readonly problems: readonly string[];
  readonly problemsId: string;
  readonly formatNumber: (n: number) => string;
  readonly onTarget: (index: number, target: ColumnTarget) => void;
  readonly onKind: (kind: Lead['kind']) => void;
  readonly onDuplicates: (mode: DuplicateMode) => void;
}

const TARGETS: readonly ColumnTarget[] = [...LEAD_COLUMN_TARGETS, 'custom', 'ignore'];

/** Step 2: what was read (encoding, first rows) and how each column will be imported. */
export function PreviewStep({ preview, problems, problemsId, formatNumber, onTarget, onKind, onDuplicates }: PreviewStepProps) {
  const { t } = useTranslation('import');
  const kindId = useId();
  const { analysis, mapping } = preview;
  const targetLabel = (target: ColumnTarget) =>
    target === 'custom' || target === 'ignore' ? t(`preview.${target}`) : t(`lead.fields.${target}`, { ns: 'translation' });
  const example = (index: number) => analysis.sample.map((row) => row[index]?.trim() ?? '').find((v) => v !== '') ?? '';

  return (
    <>
      <p>
        {t('preview.fileSummary', { name: preview.fileName, count: analysis.rowCount, n: formatNumber(analysis.rowCount) })}
        <br />
        <span className="badge">{t('preview.encoding', { encoding: t(`encoding.${analysis.encoding}`) })}</span>
      </p>

      <div className="import-scroll">
        <table className="report">
          <caption>{t('preview.sampleCaption', { n: analysis.sample.length })}</caption>
          <thead>
            <tr>
              {analysis.headers.map((_, i) => (
                <th key={i} scope="col">
                  {columnLabel(analysis.headers, i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.sample.map((row, r) => (
              <tr key={r}>
                {analysis.headers.map((_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="import-scroll">
        <table className="report">
          <caption>{t('preview.mappingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.columnHeader')}</th>
              <th scope="col">{t('preview.exampleHeader')}</th>
              <th scope="col">{t('preview.mapsToHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {mapping.map((target, i) => {
              const column = columnLabel(analysis.headers, i);
              return (
                <tr key={i}>
                  <th scope="row">{column}</th>
                  <td>{example(i)}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={t('preview.mapsTo', { column })}
                      value={target}
                      onChange={(e) => onTarget(i, e.currentTarget.value as ColumnTarget)}
                    >
                      {TARGETS.map((option) => (
                        <option key={option} value={option}>
                          {targetLabel(option)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="import-options">
        <div className="field">
          <label htmlFor={kindId}>{t('preview.defaultKind')}</label>
          <select id={kindId} className="select" value={preview.kind} onChange={(e) => onKind(e.currentTarget.value as Lead['kind'])}>
            {LEAD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`, { ns: 'translation' })}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="field-label">{t('preview.duplicates')}</legend>
          {(['skip', 'merge'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name="import-duplicates" value={mode} checked={preview.duplicates === mode} onChange={() => onDuplicates(mode)} />
              {t(`preview.${mode}`)}
            </label>
          ))}
        </fieldset>
      </div>

      <ul id={problemsId} className="field-error import-problems" aria-live="polite">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </>
  );
}

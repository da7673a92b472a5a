import { useTranslation } from 'react-i18next';
import type { ScorecardCriterion } from '../../../../shared/model/review';
import { freshId, moveBy, removeAt, replaceAt } from '../editor/edits';
import { LocalizedField, RowActions, TextField } from './fields';
import { GroupProblems } from './problems';

interface ScorecardTabProps {
  readonly scorecard: readonly ScorecardCriterion[];
  readonly onChange: (scorecard: ScorecardCriterion[]) => void;
}

const BLANK = { en: '', 'zh-CN': '' };

/** What a team lead scores when reviewing a call; the hint says what a 5 looks like. */
export function ScorecardTab({ scorecard, onChange }: ScorecardTabProps) {
  const { t } = useTranslation('playbookEditor');
  const add = () => onChange([...scorecard, { id: freshId('criterion', scorecard.map((c) => c.id)), label: BLANK, hint: null }]);
  return (
    <section className="pbe-panel" aria-labelledby="pbe-scorecard-title">
      <header className="pbe-panel-header">
        <h2 id="pbe-scorecard-title">{t('scorecard.title')}</h2>
        <p className="field-hint">{t('scorecard.help')}</p>
      </header>
      <GroupProblems path="scorecard" />
      <ol className="pbe-rows">
        {scorecard.map((criterion, i) => {
          const name = t('scorecard.item', { n: i + 1 });
          const path = `scorecard[${i}]`;
          const set = (next: Partial<ScorecardCriterion>) => onChange(replaceAt(scorecard, i, { ...criterion, ...next }));
          return (
            <li key={i}>
              <fieldset className="pbe-row pbe-row-scorecard">
                <legend className="visually-hidden">{name}</legend>
                <span className="pbe-row-number" aria-hidden="true">
                  {i + 1}
                </span>
                <TextField label={t('field.id')} path={`${path}.id`} value={criterion.id} maxLength={60} onChange={(id) => set({ id })} />
                <LocalizedField label={t('field.label')} path={`${path}.label`} value={criterion.label} onChange={(label) => set({ label })} />
                <LocalizedField
                  label={t('scorecard.hint')}
                  path={`${path}.hint`}
                  value={criterion.hint ?? BLANK}
                  // Both blank is no hint; one blank is a hint half written, which the rules flag.
                  onChange={(hint) => set({ hint: hint.en === '' && hint['zh-CN'] === '' ? null : hint })}
                />
                <RowActions
                  name={name}
                  canUp={i > 0}
                  canDown={i < scorecard.length - 1}
                  onMove={(by) => onChange(moveBy(scorecard, i, by))}
                  onRemove={() => onChange(removeAt(scorecard, i))}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" onClick={add}>
        {t('scorecard.add')}
      </button>
    </section>
  );
}

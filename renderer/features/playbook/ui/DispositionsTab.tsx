import { useTranslation } from 'react-i18next';
import { DISPOSITION_EFFECTS, type Disposition } from '../../../../shared/model/playbook';
import { freshId, moveBy, removeAt, replaceAt } from '../editor/edits';
import { CheckField, LocalizedField, RowActions, SelectField, TextField } from './fields';
import { GroupProblems } from './problems';

interface DispositionsTabProps {
  readonly dispositions: readonly Disposition[];
  readonly onChange: (dispositions: Disposition[]) => void;
}

/** How a call can end, in the order the wrap-up lists them (the first nine get keys 1–9). */
export function DispositionsTab({ dispositions, onChange }: DispositionsTabProps) {
  const { t } = useTranslation('playbookEditor');
  const effects = DISPOSITION_EFFECTS.map((effect) => ({ value: effect, label: t(`dispositions.effects.${effect}`) }));
  const add = () => onChange([...dispositions, { id: freshId('disposition', dispositions.map((d) => d.id)), label: { en: '', 'zh-CN': '' }, connected: false, effect: 'none' }]);
  return (
    <section className="pbe-panel" aria-labelledby="pbe-dispositions-title">
      <header className="pbe-panel-header">
        <h2 id="pbe-dispositions-title">{t('dispositions.title')}</h2>
        <p className="field-hint">{t('dispositions.help')}</p>
      </header>
      <GroupProblems path="dispositions" />
      <ol className="pbe-rows">
        {dispositions.map((disposition, i) => {
          const name = t('dispositions.item', { n: i + 1 });
          const path = `dispositions[${i}]`;
          const set = (next: Partial<Disposition>) => onChange(replaceAt(dispositions, i, { ...disposition, ...next }));
          return (
            <li key={i}>
              <fieldset className="pbe-row pbe-row-disposition">
                <legend className="visually-hidden">{name}</legend>
                <span className="pbe-row-number" aria-hidden="true">
                  {i + 1}
                </span>
                <TextField label={t('field.id')} path={`${path}.id`} value={disposition.id} maxLength={60} onChange={(id) => set({ id })} />
                <LocalizedField label={t('field.label')} path={`${path}.label`} value={disposition.label} onChange={(label) => set({ label })} />
                <CheckField label={t('dispositions.connected')} path={`${path}.connected`} checked={disposition.connected} onChange={(connected) => set({ connected })} />
                <SelectField label={t('dispositions.effect')} path={`${path}.effect`} value={disposition.effect} options={effects} onChange={(effect) => set({ effect })} />
                <RowActions
                  name={name}
                  canUp={i > 0}
                  canDown={i < dispositions.length - 1}
                  onMove={(by) => onChange(moveBy(dispositions, i, by))}
                  onRemove={() => onChange(removeAt(dispositions, i))}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" onClick={add}>
        {t('dispositions.add')}
      </button>
    </section>
  );
}

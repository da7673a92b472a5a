import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../../shared/model/localized';
import type { ProductLine, Routing, RoutingRule, SalesOwner } from '../../../../shared/model/playbook';
import type { Member } from '../../../../shared/sync/protocol';
import { freshId, moveBy, removeAt, replaceAt } from '../editor/edits';
import { ListField, LocalizedField, NumberField, RowActions, TextField } from './fields';
import { FieldProblems, GroupProblems, useFieldProblems, useItemProblems } from './problems';

interface RoutingTabProps {
  readonly routing: Routing;
  /** The team's sales reps, offered as owners. */
  readonly members: readonly Member[];
  readonly onChange: (routing: Routing) => void;
}

/** Who receives a hand-off: ordered rules (first match wins) and the owner when none matches. */
export function RoutingTab({ routing, members, onChange }: RoutingTabProps) {
  const { t } = useTranslation('playbookEditor');
  const set = (next: Partial<Routing>) => onChange({ ...routing, ...next });
  const { productLines, rules } = routing;
  const addLine = () => set({ productLines: [...productLines, { id: freshId('product', productLines.map((p) => p.id)), label: { en: '', 'zh-CN': '' } }] });
  const addRule = () =>
    set({
      rules: [...rules, { id: freshId('rule', rules.map((r) => r.id)), productLines: [], minDealSize: null, maxDealSize: null, regions: [], owner: { id: '', name: '' } }],
    });
  return (
    <section className="pbe-panel" aria-labelledby="pbe-routing-title">
      <header className="pbe-panel-header">
        <h2 id="pbe-routing-title">{t('routing.title')}</h2>
        <p className="field-hint">{t('routing.help')}</p>
      </header>
      <GroupProblems path="routing" />

      <h3 className="pbe-subtitle">{t('routing.productLines')}</h3>
      <GroupProblems path="routing.productLines" />
      <ol className="pbe-rows">
        {productLines.map((line, i) => {
          const name = t('routing.productLine', { n: i + 1 });
          const path = `routing.productLines[${i}]`;
          const setLine = (next: Partial<ProductLine>) => set({ productLines: replaceAt(productLines, i, { ...line, ...next }) });
          return (
            <li key={i}>
              <fieldset className="pbe-row pbe-row-product">
                <legend className="visually-hidden">{name}</legend>
                <TextField label={t('field.id')} path={`${path}.id`} value={line.id} maxLength={60} onChange={(id) => setLine({ id })} />
                <LocalizedField label={t('field.label')} path={`${path}.label`} value={line.label} onChange={(label) => setLine({ label })} />
                <RowActions
                  name={name}
                  canUp={i > 0}
                  canDown={i < productLines.length - 1}
                  onMove={(by) => set({ productLines: moveBy(productLines, i, by) })}
                  onRemove={() => set({ productLines: removeAt(productLines, i) })}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-small" onClick={addLine}>
        {t('routing.addProductLine')}
      </button>

      <h3 className="pbe-subtitle">{t('routing.rules')}</h3>
      <p className="field-hint">{t('routing.rulesHelp')}</p>
      <GroupProblems path="routing.rules" />
      <ol className="pbe-cards">
        {rules.map((rule, i) => {
          const name = t('routing.rule', { n: i + 1 });
          const path = `routing.rules[${i}]`;
          const setRule = (next: Partial<RoutingRule>) => set({ rules: replaceAt(rules, i, { ...rule, ...next }) });
          return (
            <li key={i}>
              <fieldset className="pbe-card">
                <legend className="pbe-card-legend">{name}</legend>
                <div className="pbe-row pbe-row-rule">
                  <TextField label={t('field.id')} path={`${path}.id`} value={rule.id} maxLength={60} onChange={(id) => setRule({ id })} />
                  <NumberField label={t('routing.minDealSize')} hint={t('routing.blankAny')} path={`${path}.minDealSize`} value={rule.minDealSize} onChange={(minDealSize) => setRule({ minDealSize })} />
                  <NumberField label={t('routing.maxDealSize')} hint={t('routing.blankAny')} path={`${path}.maxDealSize`} value={rule.maxDealSize} onChange={(maxDealSize) => setRule({ maxDealSize })} />
                  <ListField label={t('routing.regions')} hint={t('routing.regionsHint')} path={`${path}.regions`} value={rule.regions} onChange={(regions) => setRule({ regions })} />
                  <RowActions
                    name={name}
                    canUp={i > 0}
                    canDown={i < rules.length - 1}
                    onMove={(by) => set({ rules: moveBy(rules, i, by) })}
                    onRemove={() => set({ rules: removeAt(rules, i) })}
                  />
                </div>
                <ProductLinePicker value={rule.productLines} productLines={productLines} path={`${path}.productLines`} onChange={(ids) => setRule({ productLines: ids })} />
                <OwnerFields label={t('routing.owner')} path={`${path}.owner`} value={rule.owner} members={members} onChange={(owner) => setRule({ owner })} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-small" onClick={addRule}>
        {t('routing.addRule')}
      </button>

      <h3 className="pbe-subtitle">{t('routing.fallbackTitle')}</h3>
      <OwnerFields label={t('routing.fallback')} path="routing.fallback" value={routing.fallback} members={members} onChange={(fallback) => set({ fallback })} />
    </section>
  );
}

function ProductLinePicker({ value, productLines, path, onChange }: { readonly value: readonly string[]; readonly productLines: readonly ProductLine[]; readonly path: string; readonly onChange: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation('playbookEditor');
  const problems = useFieldProblems(path);
  const itemMessages = useItemProblems(path, value.length);
  const known = new Set(productLines.map((p) => p.id));
  const choices = [...productLines.map((p) => ({ id: p.id, label: localize(p.label, i18n.language) || p.id })), ...value.filter((id) => !known.has(id)).map((id) => ({ id, label: id }))];
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const messages = [...problems.messages, ...itemMessages];
  return (
    <fieldset className="pbe-tag-picker" data-path={path} aria-describedby={messages.length > 0 ? problems.id : undefined}>
      <legend className="field-label">{t('routing.ruleProductLines')}</legend>
      <div className="chips">
        {choices.map((choice) => (
          <label key={choice.id} className={`chip${value.includes(choice.id) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={value.includes(choice.id)} onChange={(e) => toggle(choice.id, e.target.checked)} />
            {choice.label}
          </label>
        ))}
      </div>
      <span className="field-hint">{t('routing.noneIsAny')}</span>
      <FieldProblems id={problems.id} messages={messages} />
    </fieldset>
  );
}

/** An owner: picked from the team's sales reps, or typed (a queue, a rep not synced yet). */
function OwnerFields({ label, path, value, members, onChange }: { readonly label: string; readonly path: string; readonly value: SalesOwner; readonly members: readonly Member[]; readonly onChange: (owner: SalesOwner) => void }) {
  const { t } = useTranslation('playbookEditor');
  const selectId = useId();
  const picked = members.some((m) => m.id === value.id) ? value.id : '';
  return (
    <fieldset className="pbe-owner">
      <legend className="field-label">{label}</legend>
      <div className="pbe-row pbe-row-owner">
        <div className="field pbe-field">
          <label htmlFor={selectId}>{t('routing.salesRep')}</label>
          <select
            id={selectId}
            className="input select"
            value={picked}
            onChange={(e) => {
              const member = members.find((m) => m.id === e.target.value);
              if (member) onChange({ id: member.id, name: member.name });
            }}
          >
            <option value="">{members.length > 0 ? t('routing.typed') : t('routing.noMembers')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('routing.ownerId')} path={`${path}.id`} value={value.id} maxLength={60} onChange={(id) => onChange({ ...value, id })} />
        <TextField label={t('routing.ownerName')} path={`${path}.name`} value={value.name} maxLength={80} onChange={(name) => onChange({ ...value, name })} />
      </div>
      <GroupProblems path={path} />
    </fieldset>
  );
}

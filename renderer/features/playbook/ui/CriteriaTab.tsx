import { useTranslation } from 'react-i18next';
import { localize } from '../../../../shared/model/localized';
import { LEAD_FIELDS_FOR_CRITERIA, type Criterion, type CriterionTest, type TagGroup } from '../../../../shared/model/playbook';
import { freshId, moveBy, removeAt, replaceAt } from '../editor/edits';
import { CheckField, FACT_LIST_ID, FactKeyList, ListField, LocalizedField, NumberField, RowActions, SelectField, TextField } from './fields';
import { FieldProblems, GroupProblems, useFieldProblems } from './problems';

interface CriteriaTabProps {
  readonly criteria: readonly Criterion[];
  readonly taxonomy: readonly TagGroup[];
  readonly onChange: (criteria: Criterion[]) => void;
}

type TestKind = CriterionTest['kind'];
type FactOp = Extract<CriterionTest, { kind: 'fact' }>['op'];
const TEST_KINDS: readonly TestKind[] = ['fact', 'tagAny', 'leadField', 'requiredAnswered'];
const FACT_OPS: readonly FactOp[] = ['present', 'equals', 'in', 'gte', 'lte'];

function testOfKind(kind: TestKind): CriterionTest {
  switch (kind) {
    case 'fact':
      return { kind, fact: '', op: 'present' };
    case 'tagAny':
      return { kind, tags: [] };
    case 'leadField':
      return { kind, field: 'contactName', op: 'present' };
    case 'requiredAnswered':
      return { kind };
  }
}

/** The same fact test with another operator, keeping the value where it still fits. */
function withFactOp(test: Extract<CriterionTest, { kind: 'fact' }>, op: FactOp): CriterionTest {
  const { fact } = test;
  const value = 'value' in test ? test.value : 'values' in test ? (test.values[0] ?? '') : '';
  switch (op) {
    case 'present':
      return { kind: 'fact', fact, op };
    case 'equals':
      return { kind: 'fact', fact, op, value };
    case 'in':
      return { kind: 'fact', fact, op, values: typeof value === 'string' && value !== '' ? [value] : [] };
    case 'gte':
    case 'lte':
      return { kind: 'fact', fact, op, value: typeof value === 'number' ? value : Number.NaN };
  }
}

/** The hand-off checklist: each criterion tests a fact from the call, the tags, or the lead. */
export function CriteriaTab({ criteria, taxonomy, onChange }: CriteriaTabProps) {
  const { t } = useTranslation('playbookEditor');
  const add = () => onChange([...criteria, { id: freshId('criterion', criteria.map((c) => c.id)), label: { en: '', 'zh-CN': '' }, test: { kind: 'fact', fact: '', op: 'present' } }]);
  return (
    <section className="pbe-panel" aria-labelledby="pbe-criteria-title">
      <header className="pbe-panel-header">
        <h2 id="pbe-criteria-title">{t('criteria.title')}</h2>
        <p className="field-hint">{t('criteria.help')}</p>
      </header>
      <FactKeyList />
      <GroupProblems path="criteria" />
      <ol className="pbe-rows">
        {criteria.map((criterion, i) => {
          const name = t('criteria.item', { n: i + 1 });
          const path = `criteria[${i}]`;
          const set = (next: Partial<Criterion>) => onChange(replaceAt(criteria, i, { ...criterion, ...next }));
          return (
            <li key={i}>
              <fieldset className="pbe-row pbe-row-criterion">
                <legend className="visually-hidden">{name}</legend>
                <span className="pbe-row-number" aria-hidden="true">
                  {i + 1}
                </span>
                <TextField label={t('field.id')} path={`${path}.id`} value={criterion.id} maxLength={60} onChange={(id) => set({ id })} />
                <LocalizedField label={t('field.label')} path={`${path}.label`} value={criterion.label} onChange={(label) => set({ label })} />
                <RowActions
                  name={name}
                  canUp={i > 0}
                  canDown={i < criteria.length - 1}
                  onMove={(by) => onChange(moveBy(criteria, i, by))}
                  onRemove={() => onChange(removeAt(criteria, i))}
                />
                <TestEditor test={criterion.test} path={`${path}.test`} taxonomy={taxonomy} onChange={(test) => set({ test })} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" onClick={add}>
        {t('criteria.add')}
      </button>
    </section>
  );
}

function TestEditor({ test, path, taxonomy, onChange }: { readonly test: CriterionTest; readonly path: string; readonly taxonomy: readonly TagGroup[]; readonly onChange: (test: CriterionTest) => void }) {
  const { t } = useTranslation('playbookEditor');
  return (
    <div className="pbe-test">
      <SelectField
        label={t('criteria.test')}
        path={`${path}.kind`}
        value={test.kind}
        options={TEST_KINDS.map((kind) => ({ value: kind, label: t(`criteria.kinds.${kind}`) }))}
        onChange={(kind) => onChange(testOfKind(kind))}
      />
      {test.kind === 'fact' ? <FactTest test={test} path={path} onChange={onChange} /> : null}
      {test.kind === 'tagAny' ? <TagPicker tags={test.tags} path={`${path}.tags`} taxonomy={taxonomy} onChange={(tags) => onChange({ kind: 'tagAny', tags })} /> : null}
      {test.kind === 'leadField' ? (
        <SelectField
          label={t('criteria.leadField')}
          path={`${path}.field`}
          value={test.field}
          options={LEAD_FIELDS_FOR_CRITERIA.map((field) => ({ value: field, label: t(`criteria.leadFields.${field}`) }))}
          onChange={(field) => onChange({ kind: 'leadField', field, op: 'present' })}
        />
      ) : null}
      <GroupProblems path={path} />
    </div>
  );
}

function FactTest({ test, path, onChange }: { readonly test: Extract<CriterionTest, { kind: 'fact' }>; readonly path: string; readonly onChange: (test: CriterionTest) => void }) {
  const { t } = useTranslation('playbookEditor');
  return (
    <>
      <TextField label={t('criteria.fact')} path={`${path}.fact`} value={test.fact} list={FACT_LIST_ID} maxLength={60} onChange={(fact) => onChange({ ...test, fact })} />
      <SelectField
        label={t('criteria.op')}
        path={`${path}.op`}
        value={test.op}
        options={FACT_OPS.map((op) => ({ value: op, label: t(`criteria.ops.${op}`) }))}
        onChange={(op) => onChange(withFactOp(test, op))}
      />
      {test.op === 'equals' ? (
        <>
          {typeof test.value === 'number' ? (
            <NumberField label={t('criteria.value')} path={`${path}.value`} value={test.value} onChange={(value) => onChange({ ...test, value: value ?? Number.NaN })} />
          ) : (
            <TextField label={t('criteria.value')} path={`${path}.value`} value={test.value} maxLength={60} onChange={(value) => onChange({ ...test, value })} />
          )}
          <CheckField
            label={t('criteria.asNumber')}
            path={`${path}.valueIsNumber`}
            checked={typeof test.value === 'number'}
            onChange={(asNumber) => onChange({ ...test, value: asNumber ? Number(test.value) : Number.isFinite(test.value) ? String(test.value) : '' })}
          />
        </>
      ) : null}
      {test.op === 'in' ? <ListField label={t('criteria.values')} hint={t('field.listHint')} path={`${path}.values`} value={test.values} onChange={(values) => onChange({ ...test, values })} /> : null}
      {test.op === 'gte' || test.op === 'lte' ? (
        <NumberField label={t('criteria.value')} path={`${path}.value`} value={test.value} onChange={(value) => onChange({ ...test, value: value ?? Number.NaN })} />
      ) : null}
    </>
  );
}

/** The taxonomy's tags as checkboxes; a tag the criterion names that the taxonomy lacks stays listed. */
function TagPicker({ tags, path, taxonomy, onChange }: { readonly tags: readonly string[]; readonly path: string; readonly taxonomy: readonly TagGroup[]; readonly onChange: (tags: string[]) => void }) {
  const { t, i18n } = useTranslation('playbookEditor');
  const problems = useFieldProblems(path);
  const known = new Set(taxonomy.flatMap((g) => g.tags.map((tag) => tag.id)));
  const others = tags.filter((tag) => !known.has(tag));
  const toggle = (id: string, on: boolean) => onChange(on ? [...tags, id] : tags.filter((tag) => tag !== id));
  const chip = (id: string, label: string) => (
    <label key={id} className={`chip${tags.includes(id) ? ' is-on' : ''}`}>
      <input type="checkbox" checked={tags.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
      {label}
    </label>
  );
  return (
    <fieldset className="pbe-tag-picker" data-path={path} aria-describedby={problems.describedBy}>
      <legend className="field-label">{t('criteria.tags')}</legend>
      {taxonomy.map((group) => (
        <div key={group.id} className="pbe-chip-group">
          <span className="field-hint">{localize(group.label, i18n.language)}</span>
          <div className="chips">{group.tags.map((tag) => chip(tag.id, localize(tag.label, i18n.language)))}</div>
        </div>
      ))}
      {others.length > 0 ? <div className="chips">{others.map((id) => chip(id, id))}</div> : null}
      <FieldProblems id={problems.id} messages={problems.messages} />
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import type { Condition, Script, ScriptQuestion } from '../../../../shared/model/script';
import { conditionOn, opsFor, withConditionOp } from '../editor/edits';
import { NumberField, SelectField } from './fields';
import { FieldProblems, GroupProblems, useFieldProblems, useItemProblems } from './problems';

interface ConditionEditorProps {
  readonly script: Script;
  readonly question: ScriptQuestion;
  readonly path: string;
  readonly onChange: (showIf: Condition | undefined) => void;
}

const clip = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

/** When a question shows: always, or as a follow-up to another question's answer. */
export function ConditionEditor({ script, question, path, onChange }: ConditionEditorProps) {
  const { t } = useTranslation('playbookEditor');
  const all = script.sections.flatMap((s) => s.questions);
  const others = all.filter((q) => q !== question);
  const cond = question.showIf;
  const target = cond ? all.find((q) => q.id === cond.question) : undefined;

  const start = () => {
    const position = all.indexOf(question);
    // A follow-up usually hangs off the question just above it.
    const parent = all[position - 1] ?? others[0];
    if (parent) onChange(conditionOn(parent));
  };

  return (
    <fieldset className="pbe-condition">
      <legend className="field-label">{t('condition.title')}</legend>
      <div className="pbe-grid">
        <SelectField
          label={t('condition.show')}
          path={`${path}.mode`}
          value={cond ? 'when' : 'always'}
          options={[
            { value: 'always', label: t('condition.always') },
            { value: 'when', label: t('condition.when') },
          ]}
          onChange={(mode) => (mode === 'always' ? onChange(undefined) : start())}
          hint={others.length === 0 ? t('condition.noOthers') : undefined}
        />
        {cond ? (
          <>
            <SelectField
              label={t('condition.question')}
              path={`${path}.question`}
              value={cond.question}
              options={[
                ...(target ? [] : [{ value: cond.question, label: t('condition.missing', { id: cond.question }) }]),
                ...others.map((q) => ({ value: q.id, label: `${q.id} — ${clip(q.text)}` })),
              ]}
              onChange={(id) => {
                const next = all.find((q) => q.id === id);
                if (next) onChange(conditionOn(next));
              }}
            />
            <SelectField
              label={t('condition.op')}
              path={`${path}.op`}
              value={cond.op}
              options={[...new Set([...opsFor(target), cond.op])].map((op) => ({ value: op, label: t(`condition.ops.${op}`) }))}
              onChange={(op) => onChange(withConditionOp(cond, op, target))}
            />
            <ConditionValue cond={cond} target={target} path={path} onChange={onChange} />
          </>
        ) : null}
      </div>
      <GroupProblems path={path} />
    </fieldset>
  );
}

function ConditionValue({ cond, target, path, onChange }: { readonly cond: Condition; readonly target: ScriptQuestion | undefined; readonly path: string; readonly onChange: (cond: Condition) => void }) {
  const { t } = useTranslation('playbookEditor');
  const options = target?.options ?? [];
  const optionChoices = (current: string) => [
    ...(options.some((o) => o.id === current) ? [] : [{ value: current, label: current === '' ? '—' : t('condition.missing', { id: current }) }]),
    ...options.map((o) => ({ value: o.id, label: o.label || o.id })),
  ];
  switch (cond.op) {
    case 'answered':
      return null;
    case 'includes':
      return <SelectField label={t('condition.answer')} path={`${path}.value`} value={cond.value} options={optionChoices(cond.value)} onChange={(value) => onChange({ ...cond, value })} />;
    case 'equals':
      if (typeof cond.value === 'string') {
        return <SelectField label={t('condition.answer')} path={`${path}.value`} value={cond.value} options={optionChoices(cond.value)} onChange={(value) => onChange({ ...cond, value })} />;
      }
      return <NumberField label={t('condition.value')} path={`${path}.value`} value={cond.value} onChange={(value) => onChange({ ...cond, value: value ?? Number.NaN })} />;
    case 'gte':
    case 'lte':
      return <NumberField label={t('condition.value')} path={`${path}.value`} value={cond.value} onChange={(value) => onChange({ ...cond, value: value ?? Number.NaN })} />;
    case 'in':
      return <OptionSet cond={cond} options={options} path={`${path}.values`} onChange={onChange} />;
  }
}

function OptionSet({
  cond,
  options,
  path,
  onChange,
}: {
  readonly cond: Extract<Condition, { op: 'in' }>;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly path: string;
  readonly onChange: (cond: Condition) => void;
}) {
  const { t } = useTranslation('playbookEditor');
  const problems = useFieldProblems(path);
  const itemMessages = useItemProblems(path, cond.values.length);
  const messages = [...problems.messages, ...itemMessages];
  const missing = cond.values.filter((id) => !options.some((o) => o.id === id)).map((id) => ({ id, label: t('condition.missing', { id }) }));
  const toggle = (id: string, on: boolean) => onChange({ ...cond, values: on ? [...cond.values, id] : cond.values.filter((v) => v !== id) });
  return (
    <fieldset className="pbe-tag-picker" data-path={path} aria-describedby={messages.length > 0 ? problems.id : undefined}>
      <legend className="field-label">{t('condition.answers')}</legend>
      <div className="chips">
        {[...options, ...missing].map((o) => (
          <label key={o.id} className={`chip${cond.values.includes(o.id) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={cond.values.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {o.label || o.id}
          </label>
        ))}
      </div>
      <FieldProblems id={problems.id} messages={messages} />
    </fieldset>
  );
}

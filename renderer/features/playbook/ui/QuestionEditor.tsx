import { useTranslation } from 'react-i18next';
import { ANSWER_TYPES, SCRIPT_LIMITS, type Script, type ScriptOption, type ScriptQuestion, type ScriptScale } from '../../../../shared/model/script';
import { freshId, mapConditions, moveBy, removeAt, renameOption, renameQuestion, replaceAt, withAnswerType, type QuestionAt } from '../editor/edits';
import { ConditionEditor } from './ConditionEditor';
import { CheckField, FACT_LIST_ID, NumberField, RowActions, SelectField, TextField } from './fields';
import { GroupProblems } from './problems';

interface QuestionEditorProps {
  readonly id: string;
  /** "Question 7": the question's place in the whole script. */
  readonly name: string;
  readonly script: Script;
  readonly at: QuestionAt;
  readonly path: string;
  /** A question edit can reach other questions (a rename carries the branches that point at it). */
  readonly onChange: (script: Script) => void;
}

/** Every field of one question: what is asked, why, how it is answered, what it fills, when it shows. */
export function QuestionEditor({ id, name, script, at, path, onChange }: QuestionEditorProps) {
  const { t } = useTranslation('playbookEditor');
  const section = script.sections[at.section];
  const question = section?.questions[at.question];
  if (!section || !question) return null;
  const set = (next: ScriptQuestion) => onChange({ ...script, sections: replaceAt(script.sections, at.section, { ...section, questions: replaceAt(section.questions, at.question, next) }) });
  const choice = question.type === 'single' || question.type === 'multi';
  return (
    <div id={id} className="pbe-question-editor" role="group" aria-label={name}>
      <TextField multiline label={t('question.text')} path={`${path}.text`} value={question.text} maxLength={SCRIPT_LIMITS.text} onChange={(text) => set({ ...question, text })} />
      <TextField
        multiline
        label={t('question.intent')}
        hint={t('question.intentHint')}
        path={`${path}.intent`}
        value={question.intent}
        maxLength={SCRIPT_LIMITS.text}
        onChange={(intent) => set({ ...question, intent })}
      />
      <div className="pbe-grid">
        <TextField
          label={t('question.id')}
          hint={t('question.idHint')}
          path={`${path}.id`}
          value={question.id}
          maxLength={60}
          onChange={(newId) => onChange(renameQuestion(script, at.section, at.question, newId))}
        />
        <SelectField
          label={t('question.type')}
          path={`${path}.type`}
          value={question.type}
          options={ANSWER_TYPES.map((type) => ({ value: type, label: t(`answerTypes.${type}`) }))}
          onChange={(type) => set(withAnswerType(question, type))}
        />
        <TextField
          label={t('question.fills')}
          hint={t('question.fillsHint')}
          path={`${path}.fills`}
          list={FACT_LIST_ID}
          value={question.fills ?? ''}
          maxLength={60}
          onChange={(fills) => set({ ...question, fills: fills.trim() === '' ? undefined : fills })}
        />
        <CheckField label={t('question.required')} path={`${path}.required`} checked={question.required === true} onChange={(required) => set({ ...question, required: required || undefined })} />
      </div>
      {choice ? (
        <OptionsEditor
          options={question.options ?? []}
          path={`${path}.options`}
          onChange={(options, rename) => {
            const changed = { ...script, sections: replaceAt(script.sections, at.section, { ...section, questions: replaceAt(section.questions, at.question, { ...question, options }) }) };
            onChange(rename ? mapConditions(changed, renameOption(script, question.id, rename.from, rename.to, (question.options ?? []).map((o) => o.id))) : changed);
          }}
        />
      ) : null}
      {question.type === 'scale' ? <ScaleEditor scale={question.scale} path={`${path}.scale`} onChange={(scale) => set({ ...question, scale })} /> : null}
      {choice || question.type === 'scale' ? null : <GroupProblems path={`${path}.options`} />}
      <ConditionEditor script={script} question={question} path={`${path}.showIf`} onChange={(showIf) => set({ ...question, showIf })} />
      <GroupProblems path={path} />
    </div>
  );
}

function OptionsEditor({
  options,
  path,
  onChange,
}: {
  readonly options: readonly ScriptOption[];
  readonly path: string;
  readonly onChange: (options: ScriptOption[], rename?: { readonly from: string; readonly to: string }) => void;
}) {
  const { t } = useTranslation('playbookEditor');
  return (
    <fieldset className="pbe-options">
      <legend className="field-label">{t('question.options')}</legend>
      <p className="field-hint">{t('question.optionsHint')}</p>
      <GroupProblems path={path} />
      <ol className="pbe-rows">
        {options.map((option, i) => {
          const name = t('question.option', { n: i + 1 });
          const optionPath = `${path}[${i}]`;
          return (
            <li key={i}>
              <fieldset className="pbe-row pbe-row-option">
                <legend className="visually-hidden">{name}</legend>
                <TextField
                  label={t('field.id')}
                  path={`${optionPath}.id`}
                  value={option.id}
                  maxLength={60}
                  onChange={(id) => onChange(replaceAt(options, i, { ...option, id }), { from: option.id, to: id })}
                />
                <TextField label={t('question.optionLabel')} path={`${optionPath}.label`} value={option.label} maxLength={SCRIPT_LIMITS.label} onChange={(label) => onChange(replaceAt(options, i, { ...option, label }))} />
                <NumberField
                  label={t('question.optionValue')}
                  path={`${optionPath}.value`}
                  value={option.value}
                  onChange={(value) => onChange(replaceAt(options, i, { ...option, value: value ?? undefined }))}
                />
                <RowActions name={name} canUp={i > 0} canDown={i < options.length - 1} onMove={(by) => onChange(moveBy(options, i, by))} onRemove={() => onChange(removeAt(options, i))} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-small" onClick={() => onChange([...options, { id: freshId('option', options.map((o) => o.id)), label: '' }])}>
        {t('question.addOption')}
      </button>
    </fieldset>
  );
}

function ScaleEditor({ scale, path, onChange }: { readonly scale: ScriptScale | undefined; readonly path: string; readonly onChange: (scale: ScriptScale) => void }) {
  const { t } = useTranslation('playbookEditor');
  const current = scale ?? { min: 1, max: 5 };
  const label = (text: string) => (text.trim() === '' ? undefined : text);
  return (
    <fieldset className="pbe-options">
      <legend className="field-label">{t('question.scale')}</legend>
      <GroupProblems path={path} />
      <div className="pbe-grid">
        <NumberField label={t('question.scaleMin')} path={`${path}.min`} value={current.min} onChange={(min) => onChange({ ...current, min: min ?? Number.NaN })} />
        <NumberField label={t('question.scaleMax')} path={`${path}.max`} value={current.max} onChange={(max) => onChange({ ...current, max: max ?? Number.NaN })} />
        <TextField label={t('question.scaleMinLabel')} path={`${path}.minLabel`} value={current.minLabel ?? ''} maxLength={SCRIPT_LIMITS.label} onChange={(text) => onChange({ ...current, minLabel: label(text) })} />
        <TextField label={t('question.scaleMaxLabel')} path={`${path}.maxLabel`} value={current.maxLabel ?? ''} maxLength={SCRIPT_LIMITS.label} onChange={(text) => onChange({ ...current, maxLabel: label(text) })} />
      </div>
    </fieldset>
  );
}

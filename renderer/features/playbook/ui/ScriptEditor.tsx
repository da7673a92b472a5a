import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_KINDS } from '../../../../shared/model/lead';
import { SCRIPT_LIMITS, SCRIPT_LOCALES, type Script, type ScriptSection } from '../../../../shared/model/script';
import { moveBy, moveQuestion, newQuestion, newSection, removeAt, replaceAt, type QuestionAt } from '../editor/edits';
import { countUnder, type Problem } from '../editor/validate';
import { FactKeyList, RowActions, SelectField, TextField } from './fields';
import { GroupProblems } from './problems';
import { QuestionEditor } from './QuestionEditor';

interface ScriptEditorProps {
  readonly script: Script;
  readonly index: number;
  /** The version it will be published as (raised when its content changed). */
  readonly nextVersion: number;
  readonly problems: readonly Problem[];
  /** The question whose fields are open. */
  readonly open: QuestionAt | null;
  readonly onOpen: (at: QuestionAt | null) => void;
  readonly onChange: (script: Script) => void;
  readonly onDuplicate: () => void;
  readonly onRemove: () => void;
}

/** One script: its details, its sections in order, and each section's questions. */
export function ScriptEditor({ script, index, nextVersion, problems, open, onOpen, onChange, onDuplicate, onRemove }: ScriptEditorProps) {
  const { t } = useTranslation('playbookEditor');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const path = `scripts[${index}]`;
  const set = (next: Partial<Script>) => onChange({ ...script, ...next });
  const setSection = (s: number, next: ScriptSection) => set({ sections: replaceAt(script.sections, s, next) });
  // Questions are numbered through the whole script, as the SDR meets them.
  const firstNumber = script.sections.map((_, s) => script.sections.slice(0, s).reduce((n, sec) => n + sec.questions.length, 0) + 1);
  const total = script.sections.reduce((n, s) => n + s.questions.length, 0);

  const moveSection = (s: number, by: -1 | 1) => {
    set({ sections: moveBy(script.sections, s, by) });
    onOpen(null);
  };
  const removeSection = (s: number) => {
    set({ sections: removeAt(script.sections, s) });
    onOpen(null);
  };
  const addQuestion = (s: number, section: ScriptSection) => {
    setSection(s, { ...section, questions: [...section.questions, newQuestion(script)] });
    onOpen({ section: s, question: section.questions.length });
  };
  const move = (at: QuestionAt, by: -1 | 1) => {
    const moved = moveQuestion(script, at, by);
    onChange(moved.script);
    if (open && open.section === at.section && open.question === at.question) onOpen(moved.at);
  };
  const removeQuestion = (at: QuestionAt, section: ScriptSection) => {
    setSection(at.section, { ...section, questions: removeAt(section.questions, at.question) });
    onOpen(null);
  };

  return (
    <section className="pbe-script" aria-labelledby="pbe-script-title">
      <header className="pbe-script-header">
        <h2 id="pbe-script-title">{script.name || t('scripts.untitled')}</h2>
        <div className="row-actions">
          <button type="button" className="btn btn-small" onClick={onDuplicate}>
            {t('scripts.duplicate')}
          </button>
          {confirmRemove ? (
            <>
              <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
                {t('scripts.confirmRemove')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirmRemove(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirmRemove(true)}>
              {t('scripts.remove')}
            </button>
          )}
        </div>
      </header>
      <FactKeyList />
      <fieldset className="pbe-card">
        <legend className="pbe-card-legend">{t('scripts.details')}</legend>
        <div className="pbe-grid">
          <TextField label={t('scripts.name')} path={`${path}.name`} value={script.name} maxLength={SCRIPT_LIMITS.name} onChange={(name) => set({ name })} />
          <TextField label={t('scripts.id')} hint={t('scripts.idHint')} path={`${path}.id`} value={script.id} maxLength={60} onChange={(id) => set({ id })} />
          <SelectField
            label={t('scripts.locale')}
            path={`${path}.locale`}
            value={script.locale}
            options={SCRIPT_LOCALES.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }))}
            onChange={(locale) => set({ locale })}
          />
          <SelectField
            label={t('scripts.kind')}
            path={`${path}.kind`}
            value={script.kind}
            options={LEAD_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            onChange={(kind) => set({ kind })}
          />
          <TextField label={t('scripts.industry')} hint={t('scripts.industryHint')} path={`${path}.industry`} value={script.industry} maxLength={SCRIPT_LIMITS.industry} onChange={(industry) => set({ industry })} />
          <div className="field pbe-field">
            <span className="field-label">{t('scripts.version')}</span>
            <span className="pbe-version">
              {nextVersion === script.version ? t('scripts.versionSame', { version: script.version }) : t('scripts.versionRaised', { version: script.version, next: nextVersion })}
            </span>
          </div>
        </div>
        <GroupProblems path={path} />
        <GroupProblems path={`${path}.version`} />
      </fieldset>

      <GroupProblems path={`${path}.sections`} />
      {script.sections.map((section, s) => (
        <SectionBlock
          key={s}
          script={script}
          section={section}
          s={s}
          path={`${path}.sections[${s}]`}
          firstNumber={firstNumber[s] ?? 1}
          total={total}
          problems={problems}
          open={open}
          onOpen={onOpen}
          onChange={(next) => setSection(s, next)}
          onScriptChange={onChange}
          onMove={(by) => moveSection(s, by)}
          onRemove={() => removeSection(s)}
          onAddQuestion={() => addQuestion(s, section)}
          onMoveQuestion={move}
          onRemoveQuestion={(q) => removeQuestion({ section: s, question: q }, section)}
        />
      ))}
      <button type="button" className="btn" onClick={() => set({ sections: [...script.sections, newSection(script)] })}>
        {t('scripts.addSection')}
      </button>
    </section>
  );
}

interface SectionBlockProps {
  readonly script: Script;
  readonly section: ScriptSection;
  readonly s: number;
  readonly path: string;
  readonly firstNumber: number;
  readonly total: number;
  readonly problems: readonly Problem[];
  readonly open: QuestionAt | null;
  readonly onOpen: (at: QuestionAt | null) => void;
  readonly onChange: (section: ScriptSection) => void;
  readonly onScriptChange: (script: Script) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
  readonly onAddQuestion: () => void;
  readonly onMoveQuestion: (at: QuestionAt, by: -1 | 1) => void;
  readonly onRemoveQuestion: (question: number) => void;
}

function SectionBlock({ script, section, s, path, firstNumber, total, problems, open, onOpen, onChange, onScriptChange, onMove, onRemove, onAddQuestion, onMoveQuestion, onRemoveQuestion }: SectionBlockProps) {
  const { t } = useTranslation('playbookEditor');
  const headingId = useId();
  const name = t('scripts.section', { n: s + 1 });
  return (
    <section className="pbe-section" aria-labelledby={headingId}>
      <div className="pbe-section-head">
        <h3 id={headingId} className="pbe-section-name">
          {name}
        </h3>
        <TextField label={t('scripts.sectionTitle')} path={`${path}.title`} value={section.title} maxLength={SCRIPT_LIMITS.label} onChange={(title) => onChange({ ...section, title })} />
        <TextField label={t('field.id')} path={`${path}.id`} value={section.id} maxLength={60} onChange={(id) => onChange({ ...section, id })} />
        <RowActions name={name} canUp={s > 0} canDown={s < script.sections.length - 1} onMove={onMove} onRemove={onRemove} />
      </div>
      <GroupProblems path={`${path}.questions`} />
      <ol className="pbe-questions">
        {section.questions.map((question, q) => {
          const at = { section: s, question: q };
          const number = firstNumber + q;
          const questionName = t('scripts.question', { n: number });
          const questionPath = `${path}.questions[${q}]`;
          const isOpen = open?.section === s && open.question === q;
          const count = countUnder(problems, questionPath);
          const editorId = `pbe-question-${s}-${q}`;
          return (
            <li key={q} className={`pbe-question${isOpen ? ' is-open' : ''}${count > 0 ? ' has-problems' : ''}`}>
              <div className="pbe-question-row">
                <button type="button" className="pbe-question-toggle" aria-expanded={isOpen} aria-controls={isOpen ? editorId : undefined} onClick={() => onOpen(isOpen ? null : at)}>
                  <span className="pbe-q-number">{number}</span>
                  <span className="pbe-q-text">{question.text || t('scripts.untitledQuestion')}</span>
                  <span className="pbe-q-meta">
                    {question.showIf ? <span className="pbe-q-branch">↳ {question.showIf.question}</span> : null}
                    <span>{t(`answerTypes.${question.type}`)}</span>
                    {question.required ? <span className="q-required">{t('scripts.required')}</span> : null}
                  </span>
                </button>
                {count > 0 ? <span className="badge pbe-badge-problem">{t('problems.count', { count })}</span> : null}
                <RowActions
                  name={questionName}
                  canUp={number > 1}
                  canDown={number < total}
                  onMove={(by) => onMoveQuestion(at, by)}
                  onRemove={() => onRemoveQuestion(q)}
                />
              </div>
              {isOpen ? <QuestionEditor id={editorId} name={questionName} script={script} at={at} path={questionPath} onChange={onScriptChange} /> : null}
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-small" onClick={onAddQuestion}>
        {t('scripts.addQuestion', { section: name })}
      </button>
    </section>
  );
}

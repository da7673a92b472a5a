import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeAnswers, type Answers, type Script } from '../../../../shared/model/script';
import { answerOf, scriptProgress, visibleSections } from '../../../../shared/rules/scriptBranching';
// The call screen's own question control, so the preview behaves exactly as a call will.
import { QuestionField } from '../../script';

/**
 * The script being edited as an SDR will meet it on a call: answering a question opens or folds
 * its follow-ups by the same branching rules. Answers live only here and are never saved.
 */
export function ScriptPreview({ script }: { readonly script: Script }) {
  const { t } = useTranslation('playbookEditor');
  const [answers, setAnswers] = useState<Answers>({});
  const sections = visibleSections(script, answers);
  const progress = scriptProgress(script, answers);
  return (
    <aside className="pbe-preview card" aria-labelledby="pbe-preview-title">
      <header className="script-header">
        <div>
          <h2 id="pbe-preview-title" className="card-title">
            {t('preview.title')}
          </h2>
          <p className="script-name">
            {script.name || t('scripts.untitled')} · v{script.version}
          </p>
        </div>
        <button type="button" className="btn btn-small" disabled={Object.keys(answers).length === 0} onClick={() => setAnswers({})}>
          {t('preview.reset')}
        </button>
      </header>
      <p className="script-hint">{t('preview.hint', { answered: progress.answered, total: progress.total })}</p>
      <div className="script-body">
        {sections.map(({ section, questions }, si) => (
          <section key={`${si}:${section.id}`} className="script-section" aria-label={section.title || t('scripts.section', { n: si + 1 })}>
            <h4>{section.title}</h4>
            {questions.map((question, qi) => (
              <QuestionField
                key={`${qi}:${question.id}`}
                question={question}
                value={answerOf(answers, question.id)}
                disabled={false}
                followUp={question.showIf !== undefined}
                onAnswer={(value) => setAnswers((current) => mergeAnswers(current, { [question.id]: value }))}
              />
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
}

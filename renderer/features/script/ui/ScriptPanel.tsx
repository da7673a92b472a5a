import { useTranslation } from 'react-i18next';
import type { AnswerValue, Answers, Script } from '../../../../shared/model/script';
import { scriptProgress, visibleSections } from '../../../../shared/rules/scriptBranching';
import { QuestionField } from './QuestionField';

interface ScriptPanelProps {
  readonly script: Script | null;
  readonly answers: Answers;
  /** False when no call is open: the script can be read but answers belong to a call. */
  readonly recording: boolean;
  readonly onAnswer: (questionId: string, value: AnswerValue | null) => void;
}

/** The discovery script beside the call: questions, their intent, and what is still to cover. */
export function ScriptPanel({ script, answers, recording, onAnswer }: ScriptPanelProps) {
  const { t } = useTranslation();
  if (!script) {
    return (
      <section className="script-panel card" aria-label={t('script.title')}>
        <h3 className="card-title">{t('script.title')}</h3>
        <p className="muted">{t('script.none')}</p>
      </section>
    );
  }
  const sections = visibleSections(script, answers);
  const progress = scriptProgress(script, answers);
  const percent = progress.total === 0 ? 0 : Math.round((progress.answered / progress.total) * 100);
  const dependsOn = new Set(sections.flatMap((s) => s.questions.filter((q) => q.showIf).map((q) => q.id)));
  return (
    <section className="script-panel card" aria-label={t('script.title')}>
      <header className="script-header">
        <div>
          <h3 className="card-title">{t('script.title')}</h3>
          <p className="script-name">
            {script.name} · v{script.version}
          </p>
        </div>
        <div className="script-progress">
          <span>{t('script.progress', { answered: progress.answered, total: progress.total })}</span>
          <div className="progress" role="progressbar" aria-label={t('script.progressLabel')} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.answered}>
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
        </div>
      </header>
      {recording ? null : <p className="script-hint">{t('script.startCallHint')}</p>}
      <nav className="script-toc" aria-label={t('script.sections')}>
        {sections.map(({ section, questions }) => {
          const done = questions.every((q) => answers[q.id] !== undefined);
          return (
            <a key={section.id} href={`#s-${section.id}`} className={`toc-item${done ? ' is-done' : ''}`}>
              {done ? '✓ ' : ''}
              {section.title}
            </a>
          );
        })}
      </nav>
      <div className="script-body">
        {sections.map(({ section, questions }) => (
          <section key={section.id} id={`s-${section.id}`} className="script-section" aria-labelledby={`s-${section.id}-title`}>
            <h4 id={`s-${section.id}-title`}>{section.title}</h4>
            {questions.map((question) => (
              <QuestionField
                key={question.id}
                question={question}
                value={answers[question.id]}
                disabled={!recording}
                followUp={dependsOn.has(question.id)}
                onAnswer={(value) => onAnswer(question.id, value)}
              />
            ))}
          </section>
        ))}
      </div>
      {progress.requiredMissing.length > 0 ? <p className="script-missing">{t('script.requiredMissing', { count: progress.requiredMissing.length })}</p> : null}
    </section>
  );
}

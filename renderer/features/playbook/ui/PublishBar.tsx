import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PUBLISH_NOTE } from '../../../../shared/api/playbook';
import type { ApiProblem } from '../../../platform/serverApi';
import type { Problem } from '../editor/validate';
import { sayProblem } from './problems';
import { serverProblemText } from './serverProblem';

export type PublishState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'published'; readonly version: number; readonly loadedHere: boolean }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'failed'; readonly problem: ApiProblem };

interface PublishBarProps {
  readonly problems: readonly Problem[];
  readonly changed: boolean;
  readonly note: string;
  readonly state: PublishState;
  readonly problemsOpen: boolean;
  readonly onProblemsOpen: (open: boolean) => void;
  readonly onShowProblem: (path: string) => void;
  readonly onNote: (note: string) => void;
  readonly onPublish: () => void;
}

const SHOWN_PROBLEMS = 100;

/** The foot of the editor: what still blocks publishing, the note, and Publish. */
export function PublishBar({ problems, changed, note, state, problemsOpen, onProblemsOpen, onShowProblem, onNote, onPublish }: PublishBarProps) {
  const { t } = useTranslation('playbookEditor');
  const noteId = useId();
  const listId = useId();
  const blocked = problems.length > 0 || !changed || state.kind === 'busy';
  const why = problems.length > 0 ? t('publish.fixFirst') : !changed ? t('publish.nothing') : null;
  return (
    <section className="pbe-publish" aria-label={t('publish.region')}>
      {problemsOpen && problems.length > 0 ? (
        <div id={listId} className="pbe-problem-list" role="region" aria-label={t('problems.title')}>
          <ul>
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                <code>{p.path || t('import.wholeFile')}</code> <span>{sayProblem(p.message, t)}</span>{' '}
                <button type="button" className="btn-link" onClick={() => onShowProblem(p.path)}>
                  {t('problems.show')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="pbe-publish-row">
        {problems.length > 0 ? (
          <button type="button" className="btn btn-small pbe-problem-toggle" aria-expanded={problemsOpen} aria-controls={problemsOpen ? listId : undefined} onClick={() => onProblemsOpen(!problemsOpen)}>
            {t('problems.summary', { count: problems.length })}
          </button>
        ) : (
          <span className="pbe-ok">{t('problems.none')}</span>
        )}
        <div className="field pbe-note">
          <label htmlFor={noteId} className="visually-hidden">
            {t('publish.note')}
          </label>
          <input id={noteId} className="input" placeholder={t('publish.notePlaceholder')} maxLength={MAX_PUBLISH_NOTE} value={note} onChange={(e) => onNote(e.target.value)} />
        </div>
        <button type="button" className="btn btn-primary pbe-publish-button" disabled={blocked} aria-describedby={why ? `${noteId}-why` : undefined} onClick={onPublish}>
          {state.kind === 'busy' ? t('publish.publishing') : t('publish.publish')}
        </button>
      </div>
      {why ? (
        <p id={`${noteId}-why`} className="field-hint pbe-why">
          {why}
        </p>
      ) : null}
      <PublishOutcome state={state} />
    </section>
  );
}

function PublishOutcome({ state }: { readonly state: PublishState }) {
  const { t } = useTranslation('playbookEditor');
  switch (state.kind) {
    case 'idle':
    case 'busy':
      return null;
    case 'published':
      return (
        <p className="pbe-notice" role="status">
          {t('publish.published', { version: state.version })} {state.loadedHere ? null : t('publish.notLoadedHere')}
        </p>
      );
    case 'refused':
      return (
        <p className="form-error" role="alert">
          {t('publish.refused', { message: state.message })}
        </p>
      );
    case 'failed':
      return (
        <p className="form-error" role="alert">
          {state.problem.kind === 'unreachable' ? t('publish.needsServer') : serverProblemText(state.problem, t)}
        </p>
      );
  }
}

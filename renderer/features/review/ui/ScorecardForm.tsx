import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../../shared/model/localized';
import { MAX_REVIEW_COMMENT, SCORE_MAX, SCORE_MIN, type ScorecardCriterion } from '../../../../shared/model/review';
import { addReview } from '../mutations';

export interface ScorecardFormProps {
  readonly callId: string;
  readonly leadId: string;
  /** The team's scorecard now: what this review is scored against. */
  readonly scorecard: readonly ScorecardCriterion[];
}

const SCORES: readonly number[] = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/**
 * A new review of the call: a 1–5 score per criterion (any may stay unscored) and a comment for the
 * SDR. Saved on this device at once and sent with the next sync; reviews are never edited, a later
 * look is another review.
 */
export function ScorecardForm({ callId, leadId, scorecard }: ScorecardFormProps) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  const id = useId();
  const [scores, setScores] = useState<Readonly<Record<string, number>>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    const result = await addReview({ callId, leadId, comment, scores, criteria: scorecard });
    setBusy(false);
    if (result.ok) {
      setScores({});
      setComment('');
      setError(null);
      setNotice(t('scorecard.saved'));
    } else {
      setError(result.code === 'empty' ? t('scorecard.empty') : t('scorecard.failed', { message: result.message }));
    }
  };

  const score = (criterionId: string, value: number | null) => {
    setScores((current) => {
      const others = Object.fromEntries(Object.entries(current).filter(([id]) => id !== criterionId));
      return value === null ? others : { ...others, [criterionId]: value };
    });
    setError(null);
    setNotice(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      // The app's own Ctrl+Enter would save something else: this form is what the user is in.
      e.stopPropagation();
      void submit();
    }
  };

  return (
    <form
      className="card review-form"
      aria-labelledby={`${id}-title`}
      data-save-scope=""
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`} className="card-title">
        {t('scorecard.title')}
      </h3>
      {scorecard.map((criterion) => {
        const label = localize(criterion.label, lang);
        const labelId = `${id}-${criterion.id}-label`;
        const hintId = `${id}-${criterion.id}-hint`;
        const current = Object.hasOwn(scores, criterion.id) ? scores[criterion.id] : undefined;
        return (
          <div key={criterion.id} className="review-criterion">
            <div className="review-criterion-head">
              <span id={labelId} className="q-label">
                {label}
              </span>
              {current !== undefined ? (
                <button type="button" className="btn-link" aria-label={t('scorecard.clearLabel', { criterion: label })} onClick={() => score(criterion.id, null)}>
                  {t('scorecard.clear')}
                </button>
              ) : (
                <span className="field-hint">{t('scorecard.unscored')}</span>
              )}
            </div>
            {criterion.hint ? (
              <span id={hintId} className="q-intent">
                {localize(criterion.hint, lang)}
              </span>
            ) : null}
            <div className="review-score-choices" role="radiogroup" aria-labelledby={labelId} aria-describedby={criterion.hint ? hintId : undefined}>
              {SCORES.map((value) => (
                <label key={value} className={`chip review-score${current === value ? ' is-on' : ''}`}>
                  <input type="radio" name={`${id}-${criterion.id}`} value={value} checked={current === value} onChange={() => score(criterion.id, value)} />
                  {value}
                </label>
              ))}
            </div>
          </div>
        );
      })}
      <div className="field review-comment-field">
        <label htmlFor={`${id}-comment`}>{t('scorecard.comment')}</label>
        <textarea
          id={`${id}-comment`}
          className="textarea review-comment-input"
          rows={4}
          maxLength={MAX_REVIEW_COMMENT}
          placeholder={t('scorecard.commentPlaceholder')}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setError(null);
            setNotice(null);
          }}
        />
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="review-form-actions">
        <span className="field-hint" role="status">
          {notice ?? t('scorecard.hint')}
        </span>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-keyshortcuts="Control+Enter">
          {t('scorecard.save')}
        </button>
      </div>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { localize } from '../../../../shared/model/localized';
import { averageScore, SCORE_MAX, type Review } from '../../../../shared/model/review';
import { formatDateTime } from '../../../ui/format';
import { isUnsynced } from '../queries';
import { Card } from './Card';

/** Each criterion the review was scored against, with its score (or none), in the review's own labels. */
export function ReviewScores({ review }: { readonly review: Review }) {
  const { t, i18n } = useTranslation('review');
  return (
    <dl className="review-scores">
      {review.criteria.map((criterion) => {
        const score = Object.hasOwn(review.scores, criterion.id) ? review.scores[criterion.id] : undefined;
        return (
          <div key={criterion.id} className={score === undefined ? 'is-unscored' : undefined}>
            <dt>{localize(criterion.label, i18n.language)}</dt>
            <dd>
              {score === undefined ? (
                t('reviews.notScored')
              ) : (
                <>
                  <span className="review-pips" aria-hidden="true">
                    {'●'.repeat(score)}
                    {'○'.repeat(SCORE_MAX - score)}
                  </span>{' '}
                  {t('reviews.score', { score, max: SCORE_MAX })}
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The call's reviews, newest first; one saved here and not yet on the server says so. */
export function ReviewHistory({ reviews }: { readonly reviews: readonly Review[] }) {
  const { t, i18n } = useTranslation('review');
  return (
    <Card title={t('reviews.title')} className="review-history">
      {reviews.length === 0 ? <p className="muted">{t('reviews.none')}</p> : null}
      <ol className="review-entries">
        {reviews.map((review) => {
          const average = averageScore(review.scores);
          const pending = isUnsynced(review);
          return (
            <li key={review.id}>
              <article className="review-entry" aria-label={t('reviews.entry', { reviewer: pending ? t('reviews.you') : review.reviewer, time: formatDateTime(review.createdAt, i18n.language) })}>
                <header className="review-entry-head">
                  <strong>{pending ? t('reviews.you') : review.reviewer}</strong>
                  <span className="field-hint">{formatDateTime(review.createdAt, i18n.language)}</span>
                  {average !== null ? <span className="badge review-average">{t('reviews.average', { score: average.toFixed(1) })}</span> : null}
                  {pending ? <span className="badge review-pending">{t('reviews.waiting')}</span> : null}
                </header>
                <ReviewScores review={review} />
                {review.comment ? <p className="review-pre review-comment">{review.comment}</p> : null}
              </article>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

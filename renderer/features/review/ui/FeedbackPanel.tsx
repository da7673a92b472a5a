import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { averageScore } from '../../../../shared/model/review';
import { Dialog } from '../../../ui/Dialog';
import { formatDateTime } from '../../../ui/format';
import { markReviewRead, markReviewsRead } from '../mutations';
import { useFeedback, type FeedbackItem } from '../queries';
import { ReviewScores } from './ReviewHistory';
import '../review.css';

export interface FeedbackPanelProps {
  readonly onClose: () => void;
  /** Shows the lead in the workstation; the panel closes right after. */
  readonly onOpenLead: (leadId: string) => void;
}

/**
 * What team leads said about the SDR's calls, newest first. A review counts as read once it is
 * opened here (on this device only: read marks are not synced).
 */
export function FeedbackPanel({ onClose, onOpenLead }: FeedbackPanelProps) {
  const { t } = useTranslation('review');
  const items = useFeedback();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const unread = items?.filter((item) => !item.read) ?? [];

  const toggle = (item: FeedbackItem) => {
    const open = !expanded.has(item.review.id);
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(item.review.id);
      else next.delete(item.review.id);
      return next;
    });
    if (open && !item.read) void markReviewRead(item.review.id);
  };

  return (
    <Dialog
      title={t('feedback.title')}
      closeLabel={t('feedback.close')}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="btn" disabled={unread.length === 0} onClick={() => void markReviewsRead(unread.map((item) => item.review.id))}>
            {t('feedback.markAllRead')}
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('feedback.close')}
          </button>
        </>
      }
    >
      {items === undefined ? (
        <p className="muted" role="status">
          {t('feedback.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t('feedback.empty')}</p>
      ) : (
        <>
          <p className="field-hint" role="status">
            {t('feedback.summary', { count: items.length, unread: unread.length })}
          </p>
          <ul className="feedback-list" aria-label={t('feedback.listLabel')}>
            {items.map((item) => (
              <FeedbackEntry
                key={item.review.id}
                item={item}
                expanded={expanded.has(item.review.id)}
                onToggle={() => toggle(item)}
                onOpenLead={() => {
                  onOpenLead(item.review.leadId);
                  onClose();
                }}
              />
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}

interface FeedbackEntryProps {
  readonly item: FeedbackItem;
  readonly expanded: boolean;
  readonly onToggle: () => void;
  readonly onOpenLead: () => void;
}

function FeedbackEntry({ item, expanded, onToggle, onOpenLead }: FeedbackEntryProps) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  const detailsId = useId();
  const { review } = item;
  const average = averageScore(review.scores);
  return (
    <li className={`feedback-item${item.read ? '' : ' is-unread'}`}>
      <button type="button" className="feedback-summary" aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined} onClick={onToggle}>
        {item.read ? null : <span className="badge feedback-new">{t('feedback.new')}</span>}
        <span className="feedback-call">
          <strong>{item.company ?? t('feedback.unknownLead')}</strong>
          {item.callStartedAt !== null ? <span className="muted"> · {t('feedback.callOn', { time: formatDateTime(item.callStartedAt, lang) })}</span> : null}
        </span>
        <span className="feedback-by">{t('feedback.by', { reviewer: review.reviewer || '—', time: formatDateTime(review.createdAt, lang) })}</span>
        <span className="badge review-average">{average !== null ? t('reviews.average', { score: average.toFixed(1) }) : t('feedback.noScores')}</span>
      </button>
      {expanded ? (
        <div id={detailsId} className="feedback-details">
          <ReviewScores review={review} />
          {review.comment ? <p className="review-pre review-comment">{review.comment}</p> : null}
          {item.company !== null ? (
            <button type="button" className="btn btn-small" onClick={onOpenLead}>
              {t('feedback.openLead')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

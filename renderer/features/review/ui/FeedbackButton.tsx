import { useTranslation } from 'react-i18next';
import { useUnreadReviewCount } from '../queries';
import '../review.css';

export interface FeedbackButtonProps {
  readonly onOpen: () => void;
}

/** The SDR's way to their team lead's reviews, from the top bar; the badge counts unread ones. */
export function FeedbackButton({ onOpen }: FeedbackButtonProps) {
  const { t } = useTranslation('review');
  const unread = useUnreadReviewCount();
  return (
    <button type="button" className="btn feedback-button" onClick={onOpen} aria-label={unread > 0 ? t('feedback.buttonUnread', { count: unread }) : t('feedback.button')}>
      <span aria-hidden="true">★</span> {t('feedback.button')}
      {unread > 0 ? (
        <span className="feedback-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </button>
  );
}

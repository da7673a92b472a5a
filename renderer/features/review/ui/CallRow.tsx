import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCallRow } from '../../../../shared/api/review';
import { localize } from '../../../../shared/model/localized';
import type { Disposition } from '../../../../shared/model/playbook';
import { formatDateTime, formatDuration } from '../../../ui/format';

interface CallRowProps {
  readonly row: ReviewCallRow;
  readonly active: boolean;
  readonly opened: boolean;
  readonly reviewed: boolean;
  readonly lastScore: number | null;
  readonly dispositions: readonly Disposition[];
  readonly onOpen: (id: string) => void;
}

export const callOptionId = (callId: string) => `review-option-${callId}`;

export function dispositionLabel(dispositions: readonly Disposition[], id: string | null, language: string): string | null {
  if (id === null) return null;
  const found = dispositions.find((d) => d.id === id);
  return found ? localize(found.label, language) : id;
}

/** One call in the review list: who called whom, when, how it ended, and whether it was reviewed. */
export const CallRow = memo(function CallRow({ row, active, opened, reviewed, lastScore, dispositions, onOpen }: CallRowProps) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  const disposition = dispositionLabel(dispositions, row.disposition, lang);
  return (
    <div
      role="option"
      id={callOptionId(row.id)}
      aria-selected={active}
      aria-current={opened ? 'true' : undefined}
      className={`queue-row review-row${active ? ' is-selected' : ''}${opened ? ' is-opened' : ''}`}
      onClick={() => onOpen(row.id)}
    >
      <div className="queue-row-line">
        <span className="queue-company">{row.company || '—'}</span>
        {row.outcome !== 'none' ? <span className={`badge review-outcome review-outcome-${row.outcome}`}>{t(`outcome.${row.outcome}`)}</span> : null}
        {reviewed ? (
          <span className="review-mark">
            <span aria-hidden="true">✓</span> {lastScore !== null ? t('row.reviewedScore', { score: lastScore.toFixed(1) }) : t('row.reviewed')}
          </span>
        ) : null}
      </div>
      <div className="queue-row-line queue-row-sub">
        <span className="queue-person">{row.contactName || '—'}</span>
        <span className="review-sdr">{row.sdrName}</span>
      </div>
      <div className="queue-row-line queue-row-meta">
        <span className="review-when">
          {formatDateTime(row.startedAt, lang)} · {t(`channel.${row.channel}`)}
        </span>
        <span className="review-result">
          {disposition ?? t('row.noDisposition')}
          {row.connected ? ` · ${formatDuration(row.talkSeconds)}` : ''}
        </span>
      </div>
    </div>
  );
});

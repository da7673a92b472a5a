import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../db';
import { returnReason } from '../queries';
import { formatPhone, type PhoneRegion } from '../../../../shared/model/phone';
import { QUEUE_BUCKET } from '../../../../shared/rules/leadQueue';
import { formatAge, formatDateTime } from '../../../ui/format';

interface QueueRowProps {
  readonly lead: LeadRow | undefined;
  readonly id: string;
  readonly selected: boolean;
  readonly now: number;
  readonly region: PhoneRegion;
  readonly onSelect: (id: string) => void;
}

export const optionId = (leadId: string) => `lead-option-${leadId}`;

export const QueueRow = memo(function QueueRow({ lead, id, selected, now, region, onSelect }: QueueRowProps) {
  const { t, i18n } = useTranslation();
  if (!lead) {
    return <div role="option" id={optionId(id)} aria-selected={selected} aria-busy="true" className="queue-row queue-row-loading" />;
  }
  const fresh = lead.queueBucket === QUEUE_BUCKET.fresh;
  const callbackDue = lead.nextCallbackAt !== null && lead.nextCallbackAt <= now;
  const person = [lead.contactName, lead.title].filter(Boolean).join(' · ');
  const phone = lead.phones[0] ? formatPhone(lead.phones[0], region) : lead.email || lead.wechatId;
  return (
    <div
      role="option"
      id={optionId(id)}
      aria-selected={selected}
      className={`queue-row${selected ? ' is-selected' : ''}${lead.queueBucket === QUEUE_BUCKET.closed ? ' is-closed' : ''}`}
      onClick={() => onSelect(id)}
    >
      <div className="queue-row-line">
        <span className={`temp-dot temp-${lead.temperature}`} aria-hidden="true" />
        <span className="queue-company">{lead.company}</span>
        <span className="queue-priority" title={t(`priority.${lead.priority}`)}>
          {t('queue.priority', { priority: lead.priority })}
        </span>
      </div>
      <div className="queue-row-line queue-row-sub">
        <span className="queue-person">{person || '—'}</span>
        <span className="queue-contact">{phone}</span>
      </div>
      <div className="queue-row-line queue-row-meta">
        {lead.status === 'returned' ? (
          <ReturnedBySales leadId={lead.id} />
        ) : fresh ? (
          <span className="queue-fresh">
            {t('queue.notContacted')} · {t('queue.waiting', { age: formatAge(now - lead.createdAt, t) })}
          </span>
        ) : callbackDue ? (
          <span className="queue-callback">{t('queue.callbackDue')}</span>
        ) : lead.nextCallbackAt !== null ? (
          <span>{t('queue.callbackAt', { time: formatDateTime(lead.nextCallbackAt, i18n.language) })}</span>
        ) : (
          <span>{t(`status.${lead.status}`)}</span>
        )}
        <span className="queue-source">{t(`source.${lead.sourceChannel}`)}</span>
      </div>
    </div>
  );
});

/** Read only for the few returned leads on screen, so the queue's rows stay one read each. */
function ReturnedBySales({ leadId }: { readonly leadId: string }) {
  const { t } = useTranslation();
  const reason = useLiveQuery(() => returnReason(leadId), [leadId]);
  return <span className="queue-returned">{reason ? t('queue.returnedBecause', { reason }) : t('status.returned')}</span>;
}

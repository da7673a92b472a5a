import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handoff } from '../../../../shared/model/handoff';
import type { ProductLine } from '../../../../shared/model/playbook';
import { formatAge, formatDateTime } from '../../../ui/format';
import { actorOf, dealLine } from '../format';

interface InboxRowProps {
  readonly handoff: Handoff;
  readonly selected: boolean;
  readonly now: number;
  readonly me: string;
  readonly unsynced: boolean;
  readonly productLines: readonly ProductLine[];
  readonly onSelect: (id: string) => void;
}

export const inboxOptionId = (handoffId: string) => `inbox-option-${handoffId}`;

export const InboxRow = memo(function InboxRow({ handoff, selected, now, me, unsynced, productLines, onSelect }: InboxRowProps) {
  const { t, i18n } = useTranslation('inbox');
  const { t: tApp } = useTranslation();
  const lead = handoff.snapshot?.lead;
  const person = lead ? [lead.contactName, lead.title].filter(Boolean).join(' · ') : '';
  const deal = dealLine(handoff, productLines, i18n.language);
  const open = handoff.status === 'queued' || handoff.status === 'delivered';
  return (
    <div
      role="option"
      id={inboxOptionId(handoff.id)}
      aria-selected={selected}
      className={`queue-row inbox-row${selected ? ' is-selected' : ''}${open ? '' : ` is-answered is-${handoff.status}`}`}
      onClick={() => onSelect(handoff.id)}
    >
      <div className="queue-row-line">
        {lead ? <span className={`temp-dot temp-${lead.temperature}`} aria-hidden="true" /> : null}
        <span className="queue-company">{lead?.company ?? t('row.unknownCompany')}</span>
        {open ? (
          <span className="inbox-age">{t('row.waited', { age: formatAge(now - handoff.createdAt, tApp) })}</span>
        ) : (
          <span className={`badge inbox-state inbox-state-${handoff.status}`}>{t(`state.${handoff.status}`)}</span>
        )}
      </div>
      <div className="queue-row-line queue-row-sub">
        <span className="queue-person">{person || '—'}</span>
        <span className="inbox-deal">{deal}</span>
      </div>
      <div className="queue-row-line queue-row-meta">
        {open ? (
          <span>{t('row.from', { sdr: handoff.fromSdr })}</span>
        ) : (
          <span className="inbox-acted">
            {t(`actedBy.${handoff.status}`, { name: actorOf(handoff, me) })} · {formatDateTime(handoff.updatedAt, i18n.language)}
          </span>
        )}
        {unsynced ? (
          <span className="inbox-unsynced">{t('syncPending')}</span>
        ) : handoff.crm ? (
          <span className={`inbox-crm inbox-crm-${handoff.crm.status}`} title={handoff.crm.lastError || undefined}>
            {t(`crm.${handoff.crm.status}`, { error: handoff.crm.lastError })}
          </span>
        ) : null}
      </div>
    </div>
  );
});

import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/model/lead';
import { formatPhone, type PhoneRegion } from '../../../../shared/model/phone';
import { formatAge, formatDateTime, formatLocalTime } from '../../../ui/format';

interface LeadDetailsProps {
  readonly lead: Lead;
  readonly region: PhoneRegion;
  readonly now: number;
  readonly onEdit: () => void;
  readonly onOpenLink: (url: string) => void;
  /** Click-to-call goes through the call flow, so the call is logged and the dialer chosen. */
  readonly onDial: (e164: string) => void;
  /** A tag as people read it (the team taxonomy's label, or the free tag itself). */
  readonly tagLabel: (tag: string) => string;
  readonly headingRef?: React.RefObject<HTMLHeadingElement | null>;
}

export function LeadDetails({ lead, region, now, onEdit, onOpenLink, onDial, tagLabel, headingRef }: LeadDetailsProps) {
  const { t, i18n } = useTranslation();
  const localTime = lead.timeZone ? formatLocalTime(now, i18n.language, lead.timeZone) : null;
  const facts: [string, string][] = [
    [t('lead.fields.kind'), t(`kind.${lead.kind}`)],
    [t('lead.fields.status'), t(`status.${lead.status}`)],
    [t('lead.fields.sourceChannel'), t(`source.${lead.sourceChannel}`) + (lead.campaign ? ` · ${lead.campaign}` : '')],
    [t('lead.fields.industry'), lead.industry],
    [t('lead.fields.region'), [lead.region, lead.timeZone].filter(Boolean).join(' · ')],
    [t('lead.fields.owner'), lead.owner || t('queue.unassigned')],
    [t('lead.fields.priority'), t(`priority.${lead.priority}`)],
    ...Object.entries(lead.customFields),
  ];
  return (
    <article className="lead-details" aria-labelledby="lead-heading">
      <header className="lead-header">
        <div>
          <h2 id="lead-heading" ref={headingRef} tabIndex={-1}>
            {lead.company}
          </h2>
          <p className="lead-person">{[lead.contactName, lead.title].filter(Boolean).join(' · ') || '—'}</p>
          <p className="lead-badges">
            <span className={`badge badge-${lead.temperature}`}>{t(`temperature.${lead.temperature}`)}</span>
            <span className="badge">{t(`status.${lead.status}`)}</span>
            <span className="badge">{t(`kind.${lead.kind}`)}</span>
            {lead.firstContactedAt === null && lead.kind === 'inbound' ? (
              <span className="badge badge-fresh">
                {t('queue.notContacted')} · {t('queue.waiting', { age: formatAge(now - lead.createdAt, t) })}
              </span>
            ) : null}
            {lead.doNotCall ? <span className="badge badge-hot">{t('lead.doNotCall')}</span> : null}
            {lead.tags.map((tag) => (
              <span key={tag} className="badge badge-tag">
                #{tagLabel(tag)}
              </span>
            ))}
          </p>
        </div>
        <button type="button" className="btn" onClick={onEdit} aria-keyshortcuts="e">
          {t('lead.editButton')}
        </button>
      </header>
      <section className="lead-channels" aria-label={t('lead.sectionContact')}>
        {lead.phones.map((phone) => {
          const shown = formatPhone(phone, region);
          return (
            <button
              key={phone}
              type="button"
              className="channel channel-phone"
              disabled={lead.doNotCall}
              aria-label={t('lead.call', { phone: shown })}
              onClick={() => onDial(phone)}
            >
              <span aria-hidden="true">☎</span> {shown}
            </button>
          );
        })}
        {lead.email ? (
          <button type="button" className="channel" aria-label={t('lead.email', { email: lead.email })} onClick={() => onOpenLink(`mailto:${lead.email}`)}>
            <span aria-hidden="true">✉</span> {lead.email}
          </button>
        ) : null}
        {lead.wechatId ? (
          <button
            type="button"
            className="channel"
            aria-label={t('lead.copyWechat', { id: lead.wechatId })}
            onClick={() => void navigator.clipboard?.writeText(lead.wechatId)}
          >
            <span className="channel-kind" aria-hidden="true">
              {t('lead.fields.wechatId')}
            </span>{' '}
            {lead.wechatId}
          </button>
        ) : null}
        {localTime ? <span className="lead-localtime">{t('lead.localTime', { time: localTime })}</span> : null}
      </section>
      <dl className="lead-facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p className="lead-created">{t('lead.created', { time: formatDateTime(lead.createdAt, i18n.language) })}</p>
    </article>
  );
}

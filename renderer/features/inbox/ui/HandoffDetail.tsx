import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { canRecall, type Handoff } from '../../../../shared/model/handoff';
import type { PhoneRegion } from '../../../../shared/model/phone';
import type { ProductLine } from '../../../../shared/model/playbook';
import { formatAge, formatDateTime } from '../../../ui/format';
import type { AnswerRow } from '../discoveryAnswers';
import { actorOf } from '../format';
import { Answers, ContactChannels, Criteria, DealFacts, Notes, Summary, Tags } from './HandoffSections';

interface HandoffDetailProps {
  readonly handoff: Handoff;
  readonly answers: readonly AnswerRow[];
  readonly now: number;
  readonly me: string;
  readonly unsynced: boolean;
  readonly busy: boolean;
  readonly error: string | null;
  readonly region: PhoneRegion;
  readonly productLines: readonly ProductLine[];
  readonly tagLabel: (tag: string) => string;
  readonly onOpenLink?: (url: string) => void;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly onAccept: () => void;
  readonly onReturn: () => void;
}

/** Everything sales needs to decide in one screen: who, why, what was learned, how to reach them. */
export function HandoffDetail({ handoff, answers, now, me, unsynced, busy, error, region, productLines, tagLabel, onOpenLink, headingRef, onAccept, onReturn }: HandoffDetailProps) {
  const { t, i18n } = useTranslation('inbox');
  const { t: tApp } = useTranslation();
  const lang = i18n.language;
  const lead = handoff.snapshot?.lead;
  const open = canRecall(handoff.status);
  return (
    <article className="inbox-detail" aria-labelledby="inbox-detail-heading">
      <header className="lead-header">
        <div>
          <h2 id="inbox-detail-heading" ref={headingRef} tabIndex={-1}>
            {lead?.company ?? t('row.unknownCompany')}
          </h2>
          <p className="lead-person">{lead ? [lead.contactName, lead.title].filter(Boolean).join(' · ') || '—' : '—'}</p>
          <p className="lead-badges">
            <span className={`badge inbox-state inbox-state-${handoff.status}`}>{t(`state.${handoff.status}`)}</span>
            {lead ? <span className={`badge badge-${lead.temperature}`}>{tApp(`temperature.${lead.temperature}`)}</span> : null}
            {lead ? <span className="badge">{tApp(`kind.${lead.kind}`)}</span> : null}
          </p>
          <p className="lead-created">
            {t('detail.handedOff', { sdr: handoff.fromSdr, time: formatDateTime(handoff.createdAt, lang) })}
            {open ? ` · ${t('detail.waited', { age: formatAge(now - handoff.createdAt, tApp) })}` : ''}
          </p>
        </div>
      </header>

      <AnswerBar handoff={handoff} me={me} unsynced={unsynced} busy={busy} error={error} open={open} onAccept={onAccept} onReturn={onReturn} />

      <div className="inbox-grid">
        <div className="inbox-main">
          <Summary handoff={handoff} />
          <Answers rows={answers} />
          <Notes handoff={handoff} />
        </div>
        <div className="inbox-side">
          {lead ? <ContactChannels lead={lead} region={region} onOpenLink={onOpenLink} /> : null}
          <DealFacts handoff={handoff} lead={lead} productLines={productLines} />
          <Criteria handoff={handoff} />
          <Tags tags={handoff.tags} tagLabel={tagLabel} />
        </div>
      </div>
    </article>
  );
}

type AnswerBarProps = Pick<HandoffDetailProps, 'handoff' | 'me' | 'unsynced' | 'busy' | 'error' | 'onAccept' | 'onReturn'> & { readonly open: boolean };

function AnswerBar({ handoff, me, unsynced, busy, error, onAccept, onReturn, open }: AnswerBarProps) {
  const { t, i18n } = useTranslation('inbox');
  if (open) {
    return (
      <section className="inbox-actions" aria-label={t('actions.label')}>
        <div className="row-actions">
          <button type="button" className="btn btn-primary inbox-accept" onClick={onAccept} disabled={busy} aria-keyshortcuts="A" aria-describedby="inbox-accept-hint">
            <span aria-hidden="true">✓</span> {t('actions.accept')}
          </button>
          <button type="button" className="btn" onClick={onReturn} disabled={busy} aria-keyshortcuts="R">
            <span aria-hidden="true">↩</span> {t('actions.return')}
          </button>
        </div>
        <p id="inbox-accept-hint" className="field-hint">
          {t('actions.acceptHint')}
        </p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
    );
  }
  return (
    <section className={`handoff-status inbox-outcome inbox-outcome-${handoff.status}`} aria-label={t('actions.label')}>
      <p>
        <strong>{t(`actedBy.${handoff.status}`, { name: actorOf(handoff, me) })}</strong> · {t('detail.answeredAt', { time: formatDateTime(handoff.updatedAt, i18n.language) })}
      </p>
      {handoff.status === 'recalled' ? <p className="muted">{t('actions.recalled')}</p> : null}
      {handoff.statusReason ? <p className="inbox-pre">{t('detail.statusReason', { reason: handoff.statusReason })}</p> : null}
      {unsynced ? <p className="muted">{t('syncPending')}</p> : null}
      {!unsynced && handoff.crm ? <p className={`inbox-crm inbox-crm-${handoff.crm.status}`}>{t(`crm.${handoff.crm.status}`, { error: handoff.crm.lastError })}</p> : null}
    </section>
  );
}

import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handoff } from '../../../../shared/model/handoff';
import type { Lead } from '../../../../shared/model/lead';
import { localize } from '../../../../shared/model/localized';
import { latestRevisions } from '../../../../shared/model/note';
import { formatPhone, type PhoneRegion } from '../../../../shared/model/phone';
import type { ProductLine } from '../../../../shared/model/playbook';
import { formatDateTime } from '../../../ui/format';
import type { AnswerRow } from '../discoveryAnswers';
import { formatDealSize, productLineLabel } from '../format';

/** A titled card, named by its title so it can be found (and jumped to) as a region. */
function Card({ title, className, children }: { readonly title: string; readonly className?: string; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h3 id={id} className="card-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function ContactChannels({ lead, region, onOpenLink }: { readonly lead: Lead; readonly region: PhoneRegion; readonly onOpenLink?: (url: string) => void }) {
  const { t } = useTranslation('inbox');
  const channels: { kind: 'phone' | 'email' | 'wechat'; value: string; shown: string; url: string | null }[] = [
    ...lead.phones.map((phone) => ({ kind: 'phone' as const, value: phone, shown: formatPhone(phone, region), url: `tel:${phone}` })),
    ...(lead.email ? [{ kind: 'email' as const, value: lead.email, shown: lead.email, url: `mailto:${lead.email}` }] : []),
    ...(lead.wechatId ? [{ kind: 'wechat' as const, value: lead.wechatId, shown: lead.wechatId, url: null }] : []),
  ];
  return (
    <Card title={t('detail.contact')} className="inbox-contact">
      {channels.length === 0 ? <p className="muted">{t('detail.noContact')}</p> : null}
      <dl className="inbox-channels">
        {channels.map((c) => (
          <div key={`${c.kind}:${c.value}`}>
            <dt>{t(`detail.${c.kind}`)}</dt>
            <dd>
              {c.url && onOpenLink ? (
                <a
                  href={c.url}
                  className="inbox-channel-link"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpenLink(c.url!);
                  }}
                >
                  {c.shown}
                </a>
              ) : (
                <span className="inbox-channel-value">{c.shown}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export function DealFacts({ handoff, lead, productLines }: { readonly handoff: Handoff; readonly lead: Lead | undefined; readonly productLines: readonly ProductLine[] }) {
  const { t, i18n } = useTranslation('inbox');
  const { t: tApp } = useTranslation();
  const lang = i18n.language;
  const facts: [string, string][] = [
    [t('detail.productLine'), handoff.productLine ? productLineLabel(productLines, handoff.productLine, lang) : ''],
    [t('detail.dealSize'), handoff.dealSize !== null ? formatDealSize(handoff.dealSize, lang) : ''],
    [t('detail.source'), lead ? tApp(`source.${lead.sourceChannel}`) : ''],
    [t('detail.campaign'), lead?.campaign ?? ''],
    [t('detail.industry'), lead?.industry ?? ''],
    [t('detail.region'), lead?.region ?? ''],
  ];
  return (
    <dl className="lead-facts inbox-facts" aria-label={t('detail.facts')}>
      {facts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function Summary({ handoff }: { readonly handoff: Handoff }) {
  const { t } = useTranslation('inbox');
  return (
    <Card title={t('detail.summary')}>
      <p className="inbox-summary">{handoff.summary}</p>
    </Card>
  );
}

export function Criteria({ handoff }: { readonly handoff: Handoff }) {
  const { t, i18n } = useTranslation('inbox');
  const met = handoff.criteria.filter((c) => c.met).length;
  return (
    <Card title={t('detail.criteria')}>
      {handoff.criteria.length === 0 ? (
        <p className="muted">{t('detail.noCriteria')}</p>
      ) : (
        <>
          <p className={`qualify-score${met === handoff.criteria.length ? ' is-met' : ''}`}>{t('detail.score', { met, total: handoff.criteria.length })}</p>
          <ul className="criteria" aria-label={t('detail.criteria')}>
            {handoff.criteria.map((c) => (
              <li key={c.id} className={c.met ? 'is-met' : 'is-missing'}>
                <span aria-hidden="true">{c.met ? '✓' : '○'}</span> {localize(c.label, i18n.language)}
                <span className="visually-hidden">{c.met ? t('detail.met') : t('detail.missing')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {handoff.overrideReason ? (
        <div className="inbox-override">
          <p>{t('detail.override')}</p>
          <p className="inbox-pre">{handoff.overrideReason}</p>
        </div>
      ) : null}
    </Card>
  );
}

export function Answers({ rows }: { readonly rows: readonly AnswerRow[] }) {
  const { t } = useTranslation('inbox');
  return (
    <Card title={t('detail.answers')}>
      {rows.length === 0 ? (
        <p className="muted">{t('detail.noAnswers')}</p>
      ) : (
        <dl className="inbox-answers">
          {rows.map((row) => (
            <div key={row.questionId}>
              <dt>{row.question}</dt>
              <dd className="inbox-pre">{row.answer}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

export function Notes({ handoff }: { readonly handoff: Handoff }) {
  const { t, i18n } = useTranslation('inbox');
  const notes = latestRevisions(handoff.snapshot?.notes ?? []);
  return (
    <Card title={t('detail.notes')}>
      {notes.length === 0 ? <p className="muted">{t('detail.noNotes')}</p> : null}
      <ol className="timeline-list">
        {notes.map((note) => (
          <li key={note.rootId} className="inbox-note">
            <p className="tl-sub">
              {t('detail.noteBy', { author: note.author || '—', time: formatDateTime(note.createdAt, i18n.language) })}
              {note.revision > 1 ? ` · ${t('detail.edited')}` : ''}
            </p>
            <p className="tl-note">{note.text}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function Tags({ tags, tagLabel }: { readonly tags: readonly string[]; readonly tagLabel: (tag: string) => string }) {
  const { t } = useTranslation('inbox');
  return (
    <Card title={t('detail.tags')}>
      {tags.length === 0 ? (
        <p className="muted">{t('detail.noTags')}</p>
      ) : (
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="badge badge-tag">
              #{tagLabel(tag)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

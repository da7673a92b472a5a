import { useTranslation } from 'react-i18next';
import { talkSeconds } from '../../../../shared/model/call';
import { localize } from '../../../../shared/model/localized';
import type { Note } from '../../../../shared/model/note';
import type { Disposition } from '../../../../shared/model/playbook';
import type { Script } from '../../../../shared/model/script';
import { answerLabel } from '../../../../shared/rules/scriptBranching';
import { formatDateTime, formatDuration } from '../../../ui/format';
import type { TimelineItem } from '../timelineItems';

interface TimelineProps {
  readonly items: readonly TimelineItem[];
  readonly scripts: readonly Script[];
  readonly dispositions: readonly Disposition[];
  readonly tagLabel: (tag: string) => string;
  readonly onEditNote: (note: Note) => void;
}

/** The lead's history, newest first: calls with what was learned, notes, tags, status and hand-offs. */
export function Timeline({ items, scripts, dispositions, tagLabel, onEditNote }: TimelineProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="timeline card" aria-label={t('timeline.title')}>
      <h3 className="card-title">{t('timeline.title')}</h3>
      {items.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
      <ol className="timeline-list">
        {items.map((item) => (
          <li key={item.key} className={`tl-item tl-${item.kind}`}>
            <time className="tl-time" dateTime={new Date(item.at).toISOString()}>
              {formatDateTime(item.at, lang)}
            </time>
            <div className="tl-body">{renderItem(item)}</div>
          </li>
        ))}
      </ol>
    </section>
  );

  function renderItem(item: TimelineItem) {
    switch (item.kind) {
      case 'call': {
        const { call } = item;
        const disposition = dispositions.find((d) => d.id === call.disposition);
        const script = scripts.find((s) => s.id === call.scriptId && s.version === call.scriptVersion);
        const answered = script ? script.sections.flatMap((s) => s.questions).filter((q) => call.answers[q.id] !== undefined) : [];
        return (
          <>
            <p className="tl-title">
              <span aria-hidden="true">{call.channel === 'phone' ? '☎' : call.channel === 'wechat' ? '💬' : '✉'}</span> {t(`timeline.call.${call.channel}`)}
              {' · '}
              {call.wrappedUpAt === null ? t('timeline.call.open') : disposition ? localize(disposition.label, lang) : call.disposition}
              {call.channel === 'phone' && call.connectedAt !== null ? ` · ${formatDuration(talkSeconds(call, call.endedAt ?? call.connectedAt))}` : ''}
            </p>
            {call.callbackAt !== null ? <p className="tl-sub">{t('timeline.call.callback', { time: formatDateTime(call.callbackAt, lang) })}</p> : null}
            {answered.length > 0 ? (
              <details className="tl-answers">
                <summary>{t('timeline.call.answers', { count: answered.length, script: `${script?.name ?? ''} v${call.scriptVersion ?? ''}` })}</summary>
                <dl>
                  {answered.map((q) => (
                    <div key={q.id}>
                      <dt>{q.text}</dt>
                      <dd>{answerLabel(q, call.answers[q.id]!)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
          </>
        );
      }
      case 'note':
        return (
          <>
            <p className="tl-title">
              <span aria-hidden="true">✎</span> {t('timeline.note')}
              {item.note.author ? ` · ${item.note.author}` : ''}
              {item.note.revision > 1 ? <span className="muted"> · {t('timeline.edited', { time: formatDateTime(item.note.createdAt, lang) })}</span> : null}
              <button type="button" className="btn-link tl-edit" onClick={() => onEditNote(item.note)} aria-label={t('timeline.editNote')}>
                {t('timeline.edit')}
              </button>
            </p>
            <p className="tl-note">{item.note.text}</p>
            {item.revisions.length > 1 ? (
              <details className="tl-revisions">
                <summary>{t('timeline.revisions', { count: item.revisions.length - 1 })}</summary>
                <ol>
                  {item.revisions.slice(1).map((r) => (
                    <li key={r.id}>
                      <span className="muted">{formatDateTime(r.createdAt, lang)}</span> {r.text}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </>
        );
      case 'event': {
        const { event } = item;
        if (event.type === 'tags') {
          return (
            <p className="tl-title">
              <span aria-hidden="true">#</span>{' '}
              {[...event.added.map((tag) => `+${tagLabel(tag)}`), ...event.removed.map((tag) => `−${tagLabel(tag)}`)].join('  ')}
            </p>
          );
        }
        if (event.type === 'overwrite') {
          return (
            <p className="tl-title">
              <span aria-hidden="true">⇄</span> {t('timeline.overwrite', { field: t(`lead.fields.${event.field}`, { defaultValue: event.field }), value: shownValue(event.lostValue), who: event.lostBy })}
            </p>
          );
        }
        return (
          <>
            <p className="tl-title">
              <span aria-hidden="true">→</span> {t('timeline.status', { from: t(`status.${event.from}`), to: t(`status.${event.to}`) })}
            </p>
            {event.reason ? <p className="tl-sub">{t('timeline.reason', { reason: event.reason })}</p> : null}
            {event.nextTouchAt !== null ? <p className="tl-sub">{t('timeline.nextTouch', { time: formatDateTime(event.nextTouchAt, lang) })}</p> : null}
          </>
        );
      }
      case 'handoff':
        return (
          <>
            <p className="tl-title">
              <span aria-hidden="true">⇪</span> {t('timeline.handoff', { owner: item.handoff.owner.name })} · {t(`handoff.state.${item.handoff.status}`)}
            </p>
            {item.handoff.overrideReason ? <p className="tl-sub">{t('timeline.override', { reason: item.handoff.overrideReason })}</p> : null}
            {item.handoff.statusReason ? <p className="tl-sub">{t('timeline.reason', { reason: item.handoff.statusReason })}</p> : null}
            {item.handoff.actedBy ? <p className="tl-sub">{t('timeline.actedBy', { name: item.handoff.actedBy })}</p> : null}
            {item.handoff.crm ? <p className="tl-sub">{t(`timeline.crm.${item.handoff.crm.status}`, { error: item.handoff.crm.lastError })}</p> : null}
          </>
        );
    }
  }
}

/** An overwritten value is stored as JSON: show text as text and lists joined. */
function shownValue(json: string): string {
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.join(', ');
    return JSON.stringify(value);
  } catch {
    return json;
  }
}

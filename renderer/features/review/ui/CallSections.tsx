import { useTranslation } from 'react-i18next';
import type { ReviewCallDetail } from '../../../../shared/api/review';
import { talkSeconds } from '../../../../shared/model/call';
import { latestRevisions, type Note } from '../../../../shared/model/note';
import type { Disposition } from '../../../../shared/model/playbook';
import { formatDateTime, formatDuration } from '../../../ui/format';
import type { CallScriptView } from '../callScript';
import { callTimeline, handoffOutcome, type AroundItem } from '../callTimeline';
import { Card } from './Card';
import { dispositionLabel } from './CallRow';

/** The script as the SDR had it on this call, each question with what the prospect answered. */
export function ScriptAnswers({ view, scriptId, scriptVersion }: { readonly view: CallScriptView; readonly scriptId: string | null; readonly scriptVersion: number | null }) {
  const { t } = useTranslation('review');
  if (view.kind === 'none') {
    return (
      <Card title={t('script.title')}>
        <p className="muted">{t('script.none')}</p>
      </Card>
    );
  }
  if (view.kind === 'unknown') {
    return (
      <Card title={t('script.title')}>
        <p className="muted">{t('script.unknown', { id: scriptId ?? '—', version: scriptVersion ?? '—' })}</p>
        <RawAnswers answers={view.answers} />
      </Card>
    );
  }
  const questions = view.sections.flatMap((s) => s.questions);
  const answered = questions.filter((q) => q.answer !== null).length;
  return (
    <Card title={t('script.title')} aside={<span className="field-hint">{t('script.answered', { answered, total: questions.length })}</span>}>
      <p className="review-script-name">
        {view.script.name} <span className="muted">· {t('call.scriptVersion', { id: view.script.id, version: view.script.version })}</span>
      </p>
      {view.sections.map((section) => (
        <section key={section.id} className="review-script-section" aria-label={section.title}>
          <h4>{section.title}</h4>
          <dl className="review-answers">
            {section.questions.map((q) => (
              <div key={q.id} className={q.answer === null ? 'is-unanswered' : undefined}>
                <dt>{q.prompt}</dt>
                <dd>{q.answer ?? <span className="review-no-answer">{t('script.noAnswer')}</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {view.stray.length > 0 ? (
        <section className="review-script-section" aria-label={t('script.stray')}>
          <h4>{t('script.stray')}</h4>
          <RawAnswers answers={view.stray} />
        </section>
      ) : null}
    </Card>
  );
}

function RawAnswers({ answers }: { readonly answers: readonly { readonly questionId: string; readonly answer: string }[] }) {
  return (
    <dl className="review-answers">
      {answers.map((a) => (
        <div key={a.questionId}>
          <dt>{a.questionId}</dt>
          <dd>{a.answer}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The notes written on the call first, then the lead's other notes: what the SDR recorded. */
export function CallNotes({ notes, callId }: { readonly notes: readonly Note[]; readonly callId: string }) {
  const { t } = useTranslation('review');
  const latest = latestRevisions(notes);
  const onCall = latest.filter((n) => n.callId === callId);
  const other = latest.filter((n) => n.callId !== callId);
  return (
    <Card title={t('notes.title')}>
      {latest.length === 0 ? <p className="muted">{t('notes.none')}</p> : null}
      {onCall.length > 0 ? <NoteGroup title={t('notes.onCall')} notes={onCall} /> : null}
      {other.length > 0 ? <NoteGroup title={t('notes.other')} notes={other} /> : null}
    </Card>
  );
}

function NoteGroup({ title, notes }: { readonly title: string; readonly notes: readonly Note[] }) {
  const { t, i18n } = useTranslation('review');
  return (
    <section className="review-note-group" aria-label={title}>
      <h4>{title}</h4>
      <ul className="review-notes">
        {notes.map((note) => (
          <li key={note.rootId}>
            <p className="review-pre">{note.text}</p>
            <p className="field-hint">
              {t('notes.by', { author: note.author || '—', time: formatDateTime(note.createdAt, i18n.language) })}
              {note.revision > 1 ? ` · ${t('notes.edited')}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CallTags({ tags, tagLabel }: { readonly tags: readonly string[]; readonly tagLabel: (tag: string) => string }) {
  const { t } = useTranslation('review');
  return (
    <Card title={t('tags.title')}>
      {tags.length === 0 ? (
        <p className="muted">{t('tags.none')}</p>
      ) : (
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="badge badge-tag">
              {tagLabel(tag)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The lead's calls, status changes and hand-offs in order, the reviewed call marked. */
export function AroundTimeline({ detail, dispositions }: { readonly detail: ReviewCallDetail; readonly dispositions: readonly Disposition[] }) {
  const { t, i18n } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const lang = i18n.language;
  const items = callTimeline(detail);
  return (
    <Card title={t('timeline.title')}>
      <ol className="timeline-list review-timeline">
        {items.map((item) => (
          <li key={item.key} className={`tl-item${item.kind === 'call' && item.current ? ' is-current' : ''}`} aria-current={item.kind === 'call' && item.current ? 'true' : undefined}>
            <time className="tl-time" dateTime={new Date(item.at).toISOString()}>
              {formatDateTime(item.at, lang)}
            </time>
            <div>{describe(item)}</div>
          </li>
        ))}
      </ol>
    </Card>
  );

  function describe(item: AroundItem) {
    switch (item.kind) {
      case 'call': {
        const { call } = item;
        const disposition = dispositionLabel(dispositions, call.disposition, lang);
        const talk = call.connectedAt !== null ? formatDuration(talkSeconds(call, call.endedAt ?? call.connectedAt)) : null;
        return (
          <>
            <p className="tl-title">
              {item.current ? <span className="badge review-this-call">{t('timeline.thisCall')}</span> : null} {t('timeline.call', { channel: t(`channel.${call.channel}`), sdr: call.sdr || '—' })}
            </p>
            <p className="tl-sub">{[disposition ?? t('row.noDisposition'), talk].filter(Boolean).join(' · ')}</p>
          </>
        );
      }
      case 'status':
        return (
          <>
            <p className="tl-title">{t('timeline.status', { from: tApp(`status.${item.event.from}`), to: tApp(`status.${item.event.to}`), by: item.event.by || '—' })}</p>
            {item.event.reason ? <p className="tl-sub">{t('timeline.reason', { reason: item.event.reason })}</p> : null}
          </>
        );
      case 'handoff': {
        const { handoff } = item;
        const outcome = handoffOutcome(handoff);
        return (
          <>
            <p className="tl-title">
              {t('timeline.handoff', { owner: handoff.owner.name })} <span className={`badge review-outcome review-outcome-${outcome}`}>{t(`timeline.outcome.${outcome}`)}</span>
            </p>
            {handoff.statusReason ? <p className="tl-sub">{t('timeline.reason', { reason: handoff.statusReason })}</p> : null}
          </>
        );
      }
    }
  }
}

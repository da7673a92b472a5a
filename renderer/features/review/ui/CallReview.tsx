import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCallDetail } from '../../../../shared/api/review';
import { talkSeconds } from '../../../../shared/model/call';
import { formatDateTime, formatDuration } from '../../../ui/format';
import type { TeamPlaybook } from '../../playbook';
import { callScriptView, scriptOfCall } from '../callScript';
import { useCallReviews } from '../queries';
import { AroundTimeline, CallNotes, CallTags, ScriptAnswers } from './CallSections';
import { dispositionLabel } from './CallRow';
import { ReviewHistory } from './ReviewHistory';
import { ScorecardForm } from './ScorecardForm';

export interface CallReviewProps {
  readonly detail: ReviewCallDetail;
  readonly playbook: TeamPlaybook;
  readonly tagLabel: (tag: string) => string;
  readonly headingRef?: RefObject<HTMLHeadingElement | null>;
}

/**
 * One call, laid out for coaching: who and how it went, the script with what the prospect said,
 * the SDR's notes, tags and the lead's story around it; beside it the reviews and a new one.
 */
export function CallReview({ detail, playbook, tagLabel, headingRef }: CallReviewProps) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  const { call, lead } = detail;
  const view = useMemo(() => callScriptView(call, scriptOfCall(call, detail.script, playbook.allScripts)), [call, detail.script, playbook.allScripts]);
  const reviews = useCallReviews(call.id, detail.reviews);
  const disposition = dispositionLabel(playbook.dispositions, call.disposition, lang);
  const facts: readonly [string, string][] = [
    [t('call.sdr'), detail.sdrName || call.sdr || '—'],
    [t('call.date'), formatDateTime(call.startedAt, lang)],
    [t('call.channel'), t(`channel.${call.channel}`)],
    [t('call.disposition'), disposition ?? t('row.noDisposition')],
    [t('call.talkTime'), formatDuration(talkSeconds(call, call.endedAt ?? call.connectedAt ?? call.startedAt))],
    [t('call.script'), call.scriptId !== null ? t('call.scriptVersion', { id: call.scriptId, version: call.scriptVersion ?? '—' }) : t('call.noScript')],
  ];
  return (
    <article className="review-call" aria-labelledby="review-call-heading">
      <header className="lead-header review-call-header">
        <div>
          <h2 id="review-call-heading" ref={headingRef} tabIndex={-1}>
            {lead.company || '—'}
          </h2>
          <p className="lead-person">{[lead.contactName, lead.title].filter(Boolean).join(' · ') || '—'}</p>
        </div>
      </header>
      <dl className="lead-facts review-facts" aria-label={t('call.facts')}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="review-grid">
        <div className="review-main">
          <ScriptAnswers view={view} scriptId={call.scriptId} scriptVersion={call.scriptVersion} />
          <CallNotes notes={detail.notes} callId={call.id} />
          <CallTags tags={lead.tags} tagLabel={tagLabel} />
          <AroundTimeline detail={detail} dispositions={playbook.dispositions} />
        </div>
        <div className="review-side">
          <ScorecardForm key={call.id} callId={call.id} leadId={call.leadId} scorecard={playbook.scorecard} />
          <ReviewHistory reviews={reviews} />
        </div>
      </div>
    </article>
  );
}

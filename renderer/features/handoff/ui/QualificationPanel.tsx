import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canRecall, isOpenHandoff, type Handoff } from '../../../../shared/model/handoff';
import type { Lead, Temperature } from '../../../../shared/model/lead';
import { localize } from '../../../../shared/model/localized';
import type { RouteResult } from '../../../../shared/rules/handoffRouting';
import type { Qualification } from '../../../../shared/rules/qualification';
import { formatDateTime } from '../../../ui/format';

interface QualificationPanelProps {
  readonly lead: Lead;
  readonly qualification: Qualification;
  readonly route: RouteResult;
  readonly draftSummary: string;
  readonly handoff: Handoff | null;
  /** The hand-off sales sent back, while the lead waits for the SDR's next move. */
  readonly returned: Handoff | null;
  readonly busy: boolean;
  readonly onApplyTemperature: (temperature: Temperature) => void;
  readonly onHandOff: (summary: string, overrideReason: string) => void;
  readonly onRecall: (handoff: Handoff) => void;
  readonly onNurture: () => void;
  readonly onDisqualify: () => void;
}

const CAN_HAND_OFF: readonly Lead['status'][] = ['new', 'working', 'nurturing', 'returned'];

/**
 * The team's hand-off criteria as a live checklist, the routed sales owner and the one-click
 * hand-off. With criteria missing the button asks for a written reason instead.
 */
export function QualificationPanel(props: QualificationPanelProps) {
  const { lead, qualification, route, draftSummary, handoff, busy } = props;
  const { t, i18n } = useTranslation();
  const [editedSummary, setEditedSummary] = useState<string | null>(null);
  const [override, setOverride] = useState('');
  const summary = editedSummary ?? draftSummary;
  const active = handoff && isOpenHandoff(handoff.status) ? handoff : null;
  const suggested = qualification.suggestedTemperature;

  return (
    <section className="qualify card" aria-label={t('qualify.title')}>
      <header className="card-header">
        <h3 className="card-title">{t('qualify.title')}</h3>
        <span className={`qualify-score${qualification.qualified ? ' is-met' : ''}`}>{t('qualify.score', { met: qualification.met, total: qualification.total })}</span>
      </header>
      <ul className="criteria" aria-label={t('qualify.criteria')}>
        {qualification.results.map((c) => (
          <li key={c.id} className={c.met ? 'is-met' : 'is-missing'}>
            <span aria-hidden="true">{c.met ? '✓' : '○'}</span> {localize(c.label, i18n.language)}
            <span className="visually-hidden">{c.met ? t('qualify.met') : t('qualify.missing')}</span>
          </li>
        ))}
      </ul>
      <p className="qualify-temp">
        {t('qualify.suggested')} <span className={`badge badge-${suggested}`}>{t(`temperature.${suggested}`)}</span>
        {suggested !== lead.temperature && !active ? (
          <button type="button" className="btn-link" onClick={() => props.onApplyTemperature(suggested)}>
            {t('qualify.applyTemperature')}
          </button>
        ) : null}
      </p>

      {props.returned ? (
        <div className="handoff-status handoff-returned" role="alert" aria-label={t('handoff.returnedLabel')}>
          <p>
            <strong>{t('handoff.returnedBy', { name: props.returned.actedBy ?? props.returned.owner.name })}</strong> · {formatDateTime(props.returned.updatedAt, i18n.language)}
          </p>
          <p className="handoff-return-reason">{t('handoff.returnReason', { reason: props.returned.statusReason })}</p>
        </div>
      ) : null}
      {active ? (
        <HandoffStatusView handoff={active} language={i18n.language} onRecall={() => props.onRecall(active)} busy={busy} />
      ) : CAN_HAND_OFF.includes(lead.status) ? (
        <form
          className="handoff-form"
          aria-label={t('handoff.title')}
          onSubmit={(e) => {
            e.preventDefault();
            props.onHandOff(summary, override);
          }}
        >
          <p className="handoff-route">
            {t('handoff.routedTo')} <strong>{route.owner.name}</strong>
            <span className="muted"> · {route.ruleId ? t('handoff.byRule') : t('handoff.byFallback')}</span>
          </p>
          <label className="field-label" htmlFor={`summary-${lead.id}`}>
            {t('handoff.summary')}
          </label>
          <textarea id={`summary-${lead.id}`} className="input handoff-summary" rows={6} value={summary} maxLength={8000} onChange={(e) => setEditedSummary(e.target.value)} />
          {editedSummary !== null ? (
            <button type="button" className="btn-link" onClick={() => setEditedSummary(null)}>
              {t('handoff.redraft')}
            </button>
          ) : null}
          {!qualification.qualified ? (
            <>
              <label className="field-label" htmlFor={`override-${lead.id}`}>
                {t('handoff.overrideReason')}
              </label>
              <textarea id={`override-${lead.id}`} className="input" rows={2} maxLength={1000} value={override} onChange={(e) => setOverride(e.target.value)} aria-describedby={`override-${lead.id}-hint`} />
              <span id={`override-${lead.id}-hint`} className="field-hint">
                {t('handoff.overrideHint')}
              </span>
            </>
          ) : null}
          <div className="handoff-actions">
            <button
              type="submit"
              className="btn btn-primary btn-handoff"
              disabled={busy || summary.trim() === '' || (!qualification.qualified && override.trim() === '')}
              aria-keyshortcuts="Control+Shift+M"
            >
              {qualification.qualified ? t('handoff.handOff', { owner: route.owner.name }) : t('handoff.handOffAnyway')}
            </button>
            <button type="button" className="btn" onClick={props.onNurture}>
              {t('handoff.nurture')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={props.onDisqualify}>
              {t('handoff.disqualify')}
            </button>
          </div>
        </form>
      ) : (
        <div className="handoff-actions">
          {lead.status === 'disqualified' ? (
            <button type="button" className="btn" onClick={props.onNurture}>
              {t('handoff.nurture')}
            </button>
          ) : null}
          <p className="muted">{t('handoff.notAvailable', { status: t(`status.${lead.status}`) })}</p>
        </div>
      )}
    </section>
  );
}

function HandoffStatusView({ handoff, language, onRecall, busy }: { readonly handoff: Handoff; readonly language: string; readonly onRecall: () => void; readonly busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`handoff-status handoff-${handoff.status}`} role="status" aria-label={t('handoff.statusLabel')}>
      <p>
        <strong>{t(`handoff.state.${handoff.status}`)}</strong> · {t('handoff.to', { owner: handoff.owner.name })}
      </p>
      <p className="muted">{t('handoff.sentAt', { time: formatDateTime(handoff.createdAt, language) })}</p>
      {canRecall(handoff.status) ? (
        <button type="button" className="btn" onClick={onRecall} disabled={busy}>
          {t('handoff.recall')}
        </button>
      ) : null}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../../shared/model/call';
import { localize } from '../../../../shared/model/localized';
import type { Disposition } from '../../../../shared/model/playbook';
import { defaultDispositionFor } from '../../../../shared/model/sip';
import { isTyping } from '../../../app/useCommandShortcuts';
import { CallbackPicker } from './CallbackPicker';

interface WrapUpProps {
  readonly call: Call;
  readonly dispositions: readonly Disposition[];
  readonly leadTimeZone: string | null;
  readonly now: number;
  readonly onSave: (disposition: Disposition, callbackAt: number | null) => Promise<void>;
}

/**
 * The end of a call: a disposition from the team's list (number keys pick one), and a call-back
 * when one was agreed. Nothing is saved without a disposition.
 */
export function WrapUp({ call, dispositions, leadTimeZone, now, onSave }: WrapUpProps) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  // The softphone knows how the call ended (busy, not found…): that is where the wrap-up starts.
  const suggested = call.sip ? defaultDispositionFor(call.sip.outcome, dispositions) : null;
  const chosen = picked ?? suggested;
  const [callbackAt, setCallbackAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const disposition = dispositions.find((d) => d.id === chosen) ?? null;

  // The call just ended: move focus here so number keys pick the disposition and Ctrl+Enter
  // saves it, even if the SDR was typing a note a moment ago.
  useEffect(() => {
    formRef.current?.focus({ preventScroll: true });
  }, []);
  const needsCallback = disposition?.effect === 'callback';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, dispositions.length)) {
        e.preventDefault();
        setPicked(dispositions[n - 1]!.id);
        setError(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispositions]);

  const save = async () => {
    if (!disposition) return setError(t('wrapUp.dispositionRequired'));
    if (needsCallback && callbackAt === null) return setError(t('wrapUp.callbackRequired'));
    if (callbackAt !== null && callbackAt <= Date.now()) return setError(t('wrapUp.callbackPast'));
    setSaving(true);
    try {
      await onSave(disposition, callbackAt);
    } catch (err) {
      setError(String(err));
      setSaving(false);
    }
  };

  return (
    <form
      ref={formRef}
      tabIndex={-1}
      className="wrapup"
      data-save-scope=""
      data-save-default=""
      aria-label={t('wrapUp.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {call.sip ? (
        <p className="wrapup-sip" role="status">
          {t('softphone:outcome.label', { outcome: t(`softphone:outcome.${call.sip.outcome}`), status: call.sip.status ?? '—' })}
          {call.sip.reason ? ` · ${call.sip.reason}` : ''}
          {call.sip.quality ? ` · ${t('softphone:quality.summary', { loss: call.sip.quality.lossPct, jitter: Math.round(call.sip.quality.jitterMs), rtt: call.sip.quality.rttMs === null ? '—' : Math.round(call.sip.quality.rttMs) })}` : ''}
        </p>
      ) : null}
      <fieldset className="wrapup-dispositions" aria-describedby="wrapup-hint">
        <legend>
          {t('wrapUp.disposition')} <span className="q-required">*</span>
        </legend>
        <span id="wrapup-hint" className="field-hint">
          {t('wrapUp.keysHint')}
        </span>
        <div className="disposition-grid">
          {dispositions.map((d, i) => (
            <label key={d.id} className={`disposition${chosen === d.id ? ' is-on' : ''}${d.effect === 'doNotCall' ? ' is-danger' : ''}`}>
              <input
                type="radio"
                name={`disposition-${call.id}`}
                value={d.id}
                checked={chosen === d.id}
                onChange={() => {
                  setPicked(d.id);
                  setError(null);
                }}
              />
              {i < 9 ? (
                <kbd className="disposition-key" aria-hidden="true">
                  {i + 1}
                </kbd>
              ) : null}
              {localize(d.label, i18n.language)}
            </label>
          ))}
        </div>
      </fieldset>
      {disposition?.effect === 'doNotCall' ? <p className="wrapup-warning">{t('wrapUp.doNotCallWarning')}</p> : null}
      <div className="wrapup-footer">
        <CallbackPicker value={callbackAt} onChange={setCallbackAt} leadTimeZone={leadTimeZone} now={now} required={needsCallback} />
        <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+Enter">
          {t('wrapUp.save')}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

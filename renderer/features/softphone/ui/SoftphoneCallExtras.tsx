import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDialInput, type PhoneRegion } from '../../../../shared/model/phone';
import { transferTarget } from '../../../../shared/model/sip';
import { describeMediaError } from '../audio/devices';
import { MicProblemMessage } from '../audio/MicProblemMessage';
import { useSoftphoneStore } from '../state';
import { LevelMeter } from './LevelMeter';

const TONES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/**
 * What the softphone adds to a live call: the microphone level, a keypad for IVRs, blind
 * transfer, and a warning when the line turns bad.
 */
export function SoftphoneCallExtras({ region, onError, onMessage }: { readonly region: PhoneRegion; readonly onError: (error: unknown) => void; readonly onMessage: (text: string) => void }) {
  const { t } = useTranslation('softphone');
  const call = useSoftphoneStore((s) => s.snapshot.call);
  const mediaError = useSoftphoneStore((s) => s.snapshot.mediaError);
  const [panel, setPanel] = useState<'none' | 'keypad' | 'transfer'>('none');
  const [sent, setSent] = useState('');
  if (!call) return mediaError ? <MicProblemMessage problem={describeMediaError(mediaError)} /> : null;
  const established = call.phase === 'established';

  const tone = (key: string) => {
    const { phone } = useSoftphoneStore.getState();
    if (!phone) return;
    setSent((s) => (s + key).slice(-24));
    phone.sendDtmf(key).catch((error: unknown) => onError(new Error(t('dtmfFailed', { reason: error instanceof Error ? error.message : String(error) }))));
  };

  return (
    <div className="softphone-extras">
      <div className="softphone-extras-row">
        {established ? (
          <>
            <span className="softphone-mic" aria-hidden="true">
              {t('mic')}
            </span>
            <LevelMeter stream={call.localStream} label={t('microphone')} />
          </>
        ) : null}
        {call.held ? <span className="softphone-held">{t('onHold')}</span> : null}
        <button type="button" className="btn btn-small" aria-pressed={panel === 'keypad'} aria-expanded={panel === 'keypad'} disabled={!established} onClick={() => setPanel((p) => (p === 'keypad' ? 'none' : 'keypad'))}>
          {t('keypad')}
        </button>
        <button type="button" className="btn btn-small" aria-pressed={panel === 'transfer'} aria-expanded={panel === 'transfer'} disabled={!established} onClick={() => setPanel((p) => (p === 'transfer' ? 'none' : 'transfer'))}>
          {t('transfer')}
        </button>
      </div>
      {call.poorQuality ? (
        <p className="softphone-quality" role="alert">
          {t('quality.poor')}
        </p>
      ) : null}
      {established && panel === 'keypad' ? <ToneKeypad onTone={tone} sent={sent} /> : null}
      {established && panel === 'transfer' ? <TransferForm region={region} onDone={() => setPanel('none')} onMessage={onMessage} /> : null}
    </div>
  );
}

/** Keys send tones at once; typing digits while the keypad is open does the same. */
function ToneKeypad({ onTone, sent }: { readonly onTone: (key: string) => void; readonly sent: string }) {
  const { t } = useTranslation('softphone');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if ((TONES as readonly string[]).includes(e.key)) {
        e.preventDefault();
        onTone(e.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onTone]);
  return (
    <div className="softphone-keypad">
      <div className="dialpad" role="group" aria-label={t('keypadLabel')}>
        {TONES.map((key) => (
          <button key={key} type="button" className="dialpad-key" onClick={() => onTone(key)}>
            {key}
          </button>
        ))}
      </div>
      <p className="softphone-sent" aria-live="polite">
        {sent ? t('sentTones', { tones: sent }) : ''}
      </p>
    </div>
  );
}

function TransferForm({ region, onDone, onMessage }: { readonly region: PhoneRegion; readonly onDone: () => void; readonly onMessage: (text: string) => void }) {
  const { t } = useTranslation('softphone');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { phone, account } = useSoftphoneStore.getState();
    if (!phone || !account) return;
    const text = typed.trim();
    // An extension is short; anything that reads as a phone number goes through the dial rule.
    const number = /^\d{1,6}$/.test(text) ? null : parseDialInput(text, region);
    const target = transferTarget(account, text, number?.ok ? number.e164 : null);
    if (!target.ok) return setError(t('transferBad'));
    setBusy(true);
    try {
      await phone.transfer(target.uri);
      onMessage(t('transferred', { target: text }));
      onDone();
    } catch (err) {
      setError(t('transferFailed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="softphone-transfer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="transfer-target">{t('transferTo')}</label>
      <input id="transfer-target" className="input" autoFocus value={typed} placeholder={t('transferHint')} aria-invalid={error ? true : undefined} aria-describedby="transfer-error" onChange={(e) => {
        setTyped(e.target.value);
        setError(null);
      }} />
      <button type="submit" className="btn btn-primary btn-small" disabled={busy || typed.trim() === ''}>
        {t('transferGo')}
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
        {t('transferCancel')}
      </button>
      <span id="transfer-error" className={error ? 'field-error' : 'visually-hidden'} role={error ? 'alert' : undefined}>
        {error ?? ''}
      </span>
    </form>
  );
}

/** Under the dial box while the softphone cannot call: why, and "Log call only" to go on anyway. */
export function SoftphoneIdleNotice({ onLogOnly }: { readonly onLogOnly: () => void }) {
  const { t } = useTranslation('softphone');
  const setup = useSoftphoneStore((s) => s.setup);
  const registration = useSoftphoneStore((s) => s.snapshot.registration);
  const mediaError = useSoftphoneStore((s) => s.snapshot.mediaError);
  if (setup === 'notSip') return null;
  const reason =
    setup !== 'ready'
      ? t('unavailable.notSetUp')
      : registration.state === 'registered'
        ? null
        : registration.state === 'failed' && registration.reason === 'offline'
          ? t('unavailable.offline')
          : t('unavailable.notRegistered');
  return (
    <>
      {mediaError ? <MicProblemMessage problem={describeMediaError(mediaError)} /> : null}
      {reason ? (
        <div className="softphone-unavailable">
          <p>{reason}</p>
          <button type="button" className="btn btn-small" onClick={onLogOnly} title={t('logOnlyHint')}>
            {t('logOnly')}
          </button>
        </div>
      ) : null}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSipUri } from '../../../../shared/model/sip';
import { useSoftphoneStore } from '../state';
import '../softphone.css';

/**
 * The softphone's registration, always in the top bar while it is the dialer: an SDR must know
 * before dialing whether the phone will ring out. A failure says why; "Retry now" skips the backoff.
 */
export function SoftphoneStatus({ onOpenSettings }: { readonly onOpenSettings: () => void }) {
  const { t } = useTranslation('softphone');
  const setup = useSoftphoneStore((s) => s.setup);
  const registration = useSoftphoneStore((s) => s.snapshot.registration);
  const account = useSoftphoneStore((s) => s.account);
  const phone = useSoftphoneStore((s) => s.phone);
  const retryAt = registration.state === 'failed' ? registration.retryAt : null;
  const now = useSecondsWhile(retryAt !== null);
  if (setup === 'notSip') return null;

  let tone: 'ok' | 'busy' | 'bad' | 'muted' = 'bad';
  let text: string;
  let action: { label: string; run: () => void } | null = { label: t('status.openSettings'), run: onOpenSettings };
  if (setup === 'noAccount') text = t('status.notSetUp');
  else if (setup === 'noPassword') text = t('status.noPassword');
  else if (registration.state === 'registered') {
    tone = 'ok';
    text = t('status.registered');
    action = null;
  } else if (registration.state === 'connecting' || registration.state === 'off') {
    tone = 'busy';
    text = t('status.connecting');
    action = null;
  } else if (registration.reason === 'offline') {
    tone = 'muted';
    text = t('status.offline');
    action = null;
  } else {
    text = t(`status.failed.${registration.reason}`, { detail: registration.detail });
    const seconds = registration.retryAt === null ? null : Math.max(0, Math.ceil((registration.retryAt - now) / 1000));
    if (seconds !== null) text += ` · ${t('status.retryIn', { seconds })}`;
    if (registration.reason !== 'config' && phone) action = { label: t('status.retryNow'), run: () => phone.retryNow() };
  }
  const user = account ? parseSipUri(account.sipUri)?.user : undefined;
  return (
    <div className={`softphone-status softphone-${tone}`} role="status" aria-label={t('status.label')} title={user && tone === 'ok' ? t('status.registeredAs', { user }) : undefined}>
      <span className="status-dot" aria-hidden="true" />
      <span className="softphone-status-text">{text}</span>
      {action ? (
        <button type="button" className="btn btn-small softphone-status-action" onClick={action.run}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}

/** The time, ticking each second only while a countdown is shown. */
function useSecondsWhile(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

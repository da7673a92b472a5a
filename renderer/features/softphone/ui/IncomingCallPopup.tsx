import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, type PhoneRegion } from '../../../../shared/model/phone';
import type { Lead } from '../../../../shared/model/lead';
import type { Script } from '../../../../shared/model/script';
import { answerIncoming } from '../mutations';
import { useSoftphoneStore } from '../state';
import { startRinging } from './ringer';

export interface IncomingCallPopupProps {
  readonly region: PhoneRegion;
  readonly sdr: string;
  readonly scriptFor: (lead: Lead) => Script | null;
  readonly onAnswered: (lead: Lead | null) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * The ringing call, on top of whatever the SDR is doing: who calls, which lead (already opened
 * behind it: the screen pop), Answer (Ctrl+Shift+A) and Decline (Ctrl+Shift+H).
 */
export function IncomingCallPopup(props: IncomingCallPopupProps) {
  const { t } = useTranslation('softphone');
  const incoming = useSoftphoneStore((s) => s.incoming);
  const [busy, setBusy] = useState(false);
  const actions = useIncomingCallActions(props);
  const ringingKey = incoming?.key ?? null;
  useEffect(() => (ringingKey === null ? undefined : startRinging()), [ringingKey]);
  if (!incoming) return null;
  const caller = incoming.e164 ? formatPhone(incoming.e164, props.region) : incoming.user;
  // Many PBXs put the number itself in the display name: show it once.
  const nameIsNumber = incoming.name.replace(/\D/g, '') !== '' && caller.replace(/\D/g, '').endsWith(incoming.name.replace(/\D/g, '').slice(-8));
  const who = incoming.name && !nameIsNumber ? `${incoming.name} · ${caller}` : caller;
  return (
    <div className="incoming-call" role="alertdialog" aria-label={t('incoming.title')} aria-describedby="incoming-call-who">
      <p className="incoming-call-title">
        <span className="incoming-call-ring" aria-hidden="true">
          ☎
        </span>
        {t('incoming.title')}
      </p>
      <p id="incoming-call-who" className="incoming-call-who">
        {t('incoming.from', { caller: who })}
        <br />
        <span className="incoming-call-lead">
          {incoming.e164 === null ? t('incoming.internal') : incoming.company !== null ? t('incoming.lead', { company: incoming.company }) : t('incoming.unknown')}
        </span>
      </p>
      <div className="incoming-call-actions">
        <button
          type="button"
          className="btn btn-call"
          disabled={busy}
          aria-keyshortcuts="Control+Shift+A"
          onClick={() => {
            setBusy(true);
            void actions.answer().finally(() => setBusy(false));
          }}
        >
          {t('incoming.answer')}
        </button>
        <button type="button" className="btn btn-hangup" disabled={busy} aria-keyshortcuts="Control+Shift+H" onClick={() => void actions.decline()}>
          {t('incoming.decline')}
        </button>
      </div>
    </div>
  );
}

/** Answer and decline, for the pop-up's buttons and the app's Ctrl+Shift+A / Ctrl+Shift+H. */
export function useIncomingCallActions({ region, sdr, scriptFor, onAnswered, onError }: IncomingCallPopupProps) {
  const { t } = useTranslation('softphone');
  return {
    answer: async (): Promise<void> => {
      const { phone, incoming } = useSoftphoneStore.getState();
      if (!phone || !incoming) return;
      useSoftphoneStore.setState({ incoming: null });
      try {
        const unknownCompany = (e164: string) => t('incoming.newLeadCompany', { number: formatPhone(e164, region) });
        onAnswered(await answerIncoming({ phone, incoming, sdr, scriptFor, unknownCompany, onError }));
      } catch (error) {
        onError(error);
      }
    },
    decline: async (): Promise<void> => {
      useSoftphoneStore.setState({ incoming: null });
      await useSoftphoneStore.getState().phone?.decline().catch(onError);
    },
  };
}

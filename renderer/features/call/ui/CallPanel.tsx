import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { callState, type Call } from '../../../../shared/model/call';
import type { Lead } from '../../../../shared/model/lead';
import { formatPhone, parseDialInput, type PhoneRegion } from '../../../../shared/model/phone';
import type { Disposition } from '../../../../shared/model/playbook';
import { CallTimer } from './CallTimer';
import { DialPad } from './DialPad';
import { WrapUp } from './WrapUp';

export interface CallActions {
  dial(e164: string): Promise<void>;
  /** The call is only logged: the SDR dials on another phone (the softphone cannot call now). */
  dialLogOnly(e164: string): Promise<void>;
  logTouch(channel: 'wechat' | 'email'): Promise<void>;
  markConnected(): Promise<void>;
  hangUp(): Promise<void>;
  wrapUp(disposition: Disposition, callbackAt: number | null): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setHeld(held: boolean): Promise<void>;
}

interface CallPanelProps {
  readonly lead: Lead;
  /** The open call on this lead, if any. */
  readonly call: Call | null;
  /** An open call on another lead blocks dialing here. */
  readonly otherCall: { readonly company: string; readonly leadId: string } | null;
  readonly region: PhoneRegion;
  readonly dispositions: readonly Disposition[];
  readonly leadTimeZone: string | null;
  readonly controlsAudio: boolean;
  /** The dialer says itself when the call connects: no "Connected" button. */
  readonly reportsProgress: boolean;
  /** The built-in softphone's notice under the dial box (why it cannot call), given "log only" for the number typed. */
  readonly idleExtras?: (logOnly: () => void) => ReactNode;
  /** The built-in softphone's tools on a live call (keypad, transfer, level, quality). */
  readonly callExtras?: ReactNode;
  readonly now: number;
  readonly actions: CallActions;
  readonly onGoToCall: (leadId: string) => void;
}

/** The softphone: number and dial pad when idle, call controls on a call, the wrap-up after it. */
export function CallPanel(props: CallPanelProps) {
  const { lead, call, otherCall } = props;
  const { t } = useTranslation();
  const state = call ? callState(call) : 'idle';
  return (
    <section className={`call-panel call-${state}`} aria-label={t('call.title')}>
      {otherCall ? (
        <p className="call-elsewhere" role="status">
          {t('call.onOtherLead', { company: otherCall.company })}{' '}
          <button type="button" className="btn btn-small" onClick={() => props.onGoToCall(otherCall.leadId)}>
            {t('call.goToCall')}
          </button>
        </p>
      ) : call && state !== 'done' ? (
        <ActiveCall {...props} call={call} />
      ) : (
        <IdleDialer {...props} key={lead.id} />
      )}
    </section>
  );
}

function IdleDialer({ lead, region, actions, idleExtras }: CallPanelProps) {
  const { t } = useTranslation();
  const first = lead.phones[0];
  const [number, setNumber] = useState(first ? formatPhone(first, region) : '');
  const [error, setError] = useState<string | null>(null);
  const [pad, setPad] = useState(false);
  const [busy, setBusy] = useState(false);

  const dial = async (raw: string, logOnly = false) => {
    if (lead.doNotCall) return setError(t('call.doNotCall'));
    const parsed = parseDialInput(raw, region);
    if (!parsed.ok) return setError(t(`errors.${parsed.code}`));
    setNumber(formatPhone(parsed.e164, region));
    setError(null);
    setBusy(true);
    try {
      await (logOnly ? actions.dialLogOnly(parsed.e164) : actions.dial(parsed.e164));
    } catch (err) {
      setError(t('call.dialFailed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialer">
      <form
        className="dialer-row"
        onSubmit={(e) => {
          e.preventDefault();
          void dial(number);
        }}
      >
        <label htmlFor="dial-number" className="visually-hidden">
          {t('call.number')}
        </label>
        <input
          id="dial-number"
          className="input dial-input"
          inputMode="tel"
          autoComplete="off"
          value={number}
          aria-invalid={error ? true : undefined}
          aria-describedby="dial-error"
          onChange={(e) => {
            setNumber(e.target.value);
            setError(null);
          }}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData('text');
            const parsed = parseDialInput(pasted, region);
            if (parsed.ok) {
              e.preventDefault();
              setNumber(formatPhone(parsed.e164, region));
            }
          }}
        />
        <button type="submit" className="btn btn-call" disabled={busy || lead.doNotCall} aria-keyshortcuts="Control+D">
          <span aria-hidden="true">☎</span> {t('call.dial')}
        </button>
        <button type="button" className="btn btn-ghost" aria-pressed={pad} onClick={() => setPad((p) => !p)}>
          {t('call.keypad')}
        </button>
        <span className="dialer-sep" aria-hidden="true" />
        <button type="button" className="btn" disabled={!lead.wechatId} onClick={() => void actions.logTouch('wechat')}>
          {t('call.logWechat')}
        </button>
        <button type="button" className="btn" disabled={!lead.email} onClick={() => void actions.logTouch('email')}>
          {t('call.logEmail')}
        </button>
      </form>
      <p id="dial-error" className={error ? 'field-error' : 'visually-hidden'} role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
      {lead.doNotCall ? <p className="call-dnc">{t('call.doNotCall')}</p> : null}
      {idleExtras?.(() => void dial(number, true))}
      {pad ? <DialPad onKey={(key) => setNumber((n) => n + key)} /> : null}
    </div>
  );
}

function ActiveCall({ call, dispositions, leadTimeZone, controlsAudio, reportsProgress, callExtras, now, actions, region }: CallPanelProps & { readonly call: Call }) {
  const { t } = useTranslation();
  const state = callState(call);
  const [muted, setMuted] = useState(false);
  const [held, setHeld] = useState(false);
  const who = call.channel === 'phone' ? formatPhone(call.number, region) : t(`call.channel.${call.channel}`);
  // A refused hold (the PBX rejected the re-INVITE) leaves the button as it was; the action reports why.
  const toggle = async (kind: 'mute' | 'hold') => {
    try {
      if (kind === 'mute') {
        await actions.setMuted(!muted);
        setMuted(!muted);
      } else {
        await actions.setHeld(!held);
        setHeld(!held);
      }
    } catch {
      // Reported by the action.
    }
  };
  return (
    <div className="active-call">
      <div className="call-status-row">
        <span className={`call-state call-state-${state}`} role="status">
          {t(`call.state.${state}`)}
        </span>
        <span className="call-who">{who}</span>
        <CallTimer since={call.connectedAt ?? call.startedAt} until={call.endedAt} label={state === 'dialing' ? t('call.ringTime') : t('call.talkTime')} />
        {state === 'dialing' || state === 'connected' ? (
          <div className="call-controls">
            {state === 'dialing' && !reportsProgress ? (
              <button type="button" className="btn btn-call" onClick={() => void actions.markConnected()} aria-keyshortcuts="Control+Shift+A">
                {t('call.connected')}
              </button>
            ) : null}
            <button type="button" className="btn" aria-pressed={muted} disabled={!controlsAudio} title={controlsAudio ? undefined : t('call.audioOnPhone')} onClick={() => void toggle('mute')}>
              {muted ? t('call.unmute') : t('call.mute')}
            </button>
            <button type="button" className="btn" aria-pressed={held} disabled={!controlsAudio} title={controlsAudio ? undefined : t('call.audioOnPhone')} onClick={() => void toggle('hold')}>
              {held ? t('call.resume') : t('call.hold')}
            </button>
            <button type="button" className="btn btn-hangup" onClick={() => void actions.hangUp()} aria-keyshortcuts="Control+Shift+H">
              {state === 'dialing' && reportsProgress ? t('softphone:cancelCall') : t('call.hangUp')}
            </button>
          </div>
        ) : null}
      </div>
      {/* In the wrap-up too: why a softphone call failed (a blocked microphone) stays in view. */}
      {callExtras}
      {state === 'wrapUp' ? <WrapUp key={call.id} call={call} dispositions={dispositions} leadTimeZone={leadTimeZone} now={now} onSave={actions.wrapUp} /> : null}
    </div>
  );
}

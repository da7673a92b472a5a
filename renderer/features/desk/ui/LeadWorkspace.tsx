import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callState, type Call } from '../../../../shared/model/call';
import { isOpenHandoff, type Handoff } from '../../../../shared/model/handoff';
import type { DialerSetting } from '../../../../shared/model/dialer';
import type { Lead, Temperature } from '../../../../shared/model/lead';
import type { Note } from '../../../../shared/model/note';
import { timeZoneForPhone, type PhoneRegion } from '../../../../shared/model/phone';
import { mergeAnswers, type AnswerValue, type Answers } from '../../../../shared/model/script';
import { pickScript } from '../../../../shared/rules/scriptBranching';
import { useUiStore } from '../../../state/uiStore';
import { CallPanel, DialError, createDialer, endCall, logOnlyDialer, logTouch, markConnected, saveAnswers, startCall, wrapUpCall, type CallActions, type Dialer } from '../../call';
import { QualificationPanel, ReasonDialog, TransitionRefused, handOff, moveLead, recallHandoff } from '../../handoff';
import { updateLeadPatch } from '../../leads';
import { NotesEditor } from '../../notes';
import { findScript, usePlaybook } from '../../playbook';
import { ScriptPanel } from '../../script';
import { SoftphoneCallExtras, SoftphoneIdleNotice, sipDialer } from '../../softphone';
import { TagPicker, changeTags } from '../../tags';
import { Timeline, timelineItems } from '../../timeline';
import { currentCall, leadActivity } from '../queries';
import { useLeadQualification } from './useLeadQualification';

export interface WorkspaceApi {
  dial(e164?: string): void;
  markConnected(): void;
  hangUp(): void;
  handOff(): void;
  focusNotes(): void;
}

interface LeadWorkspaceProps {
  readonly lead: Lead;
  readonly region: PhoneRegion;
  readonly sdr: string;
  readonly dialerSetting: DialerSetting;
  readonly openExternal: (url: string) => Promise<void>;
  readonly now: number;
  readonly apiRef: React.Ref<WorkspaceApi>;
  /** A tag as people read it (the taxonomy's label, or the free tag itself). */
  readonly tagLabel: (tag: string) => string;
}

const EMPTY: Answers = {};

/** The softphone's refusals, as the softphone namespace words them. */
const SIP_DIAL_ERRORS = {
  'sip.notSetUp': 'notSetUp',
  'sip.notRegistered': 'notRegistered',
  'sip.offline': 'offline',
  'sip.busy': 'busy',
  'sip.target.number': 'number',
  'sip.target.template': 'template',
} as const;

/** Everything an SDR does with one lead: the call, the script, qualification, tags, notes, history. */
export function LeadWorkspace({ lead, region, sdr, dialerSetting, openExternal, now, apiRef, tagLabel }: LeadWorkspaceProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const playbook = usePlaybook();
  const activity = useLiveQuery(() => leadActivity(lead.id), [lead.id]);
  const current = useLiveQuery(currentCall, []);
  const { showToast, select } = useUiStore.getState();
  const dialer = useMemo(() => createDialer(dialerSetting, openExternal, sipDialer), [dialerSetting, openExternal]);
  // The dialer of the call on screen: "log only" when the softphone could not place it.
  const [callDialer, setCallDialer] = useState<Dialer>(dialer);
  const [pending, setPending] = useState<Readonly<Record<string, AnswerValue | null>>>({});
  const [editing, setEditing] = useState<Note | null>(null);
  const [reason, setReason] = useState<{ kind: 'nurturing' | 'disqualified' | 'recall'; error: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  // The hand-off as this window last wrote it: shown at once, while the activity read (which
  // queues behind the queue's re-read at 100,000 leads) catches up.
  const [written, setWritten] = useState<Handoff | null>(null);
  // The call just placed, before the live query shows it: a hang-up pressed at once still ends it.
  const justStarted = useRef<Call | null>(null);
  const notesRef = useRef<HTMLDivElement>(null);
  const handoffRef = useRef<HTMLDivElement>(null);

  const open = current?.call ?? null;
  useEffect(() => {
    // The live query has caught up with the call placed here: it takes over from the ref.
    if (open && open.id === justStarted.current?.id) justStarted.current = null;
  }, [open]);
  const openHere = open && open.leadId === lead.id ? open : null;
  const calls = activity?.calls ?? [];
  const lastCall = calls[0] ?? null;
  const shownCall = openHere ?? lastCall;
  const newCallScript = pickScript(playbook.scripts, lead, language);
  const script = (shownCall && findScript(playbook.allScripts, shownCall.scriptId, shownCall.scriptVersion)) ?? (openHere ? null : newCallScript);
  const answers = useMemo(() => {
    const stored = shownCall && shownCall.scriptId === script?.id ? shownCall.answers : EMPTY;
    if (!openHere || Object.keys(pending).length === 0) return stored;
    return mergeAnswers(stored, pending);
  }, [shownCall, script, openHere, pending]);

  const { qualification, route, routingInput, summary } = useLeadQualification({
    lead,
    playbook,
    calls,
    notes: activity?.notes ?? [],
    script,
    answers,
    openCallId: openHere?.id ?? null,
    tagLabel,
    language,
  });
  // A call in the log tells which dialer carries it (after a reload too): only a softphone call has audio controls.
  const shownVia = openHere?.via ?? null;
  const activeDialer = shownVia === null || shownVia === callDialer.via ? callDialer : shownVia === 'sip' ? sipDialer : logOnlyDialer;
  const leadTimeZone = lead.timeZone || (lead.phones[0] ? timeZoneForPhone(lead.phones[0]) : undefined) || null;

  const errorText = (err: unknown) =>
    err instanceof TransitionRefused
      ? t(`errors.${err.error.code}`)
      : err instanceof DialError && err.code !== 'dial.refused'
        ? t(`softphone:unavailable.${SIP_DIAL_ERRORS[err.code]}`)
        : err instanceof Error
          ? err.message
          : String(err);
  const fail = (err: unknown) => showToast(errorText(err));

  const placeCall = async (e164: string, using: Dialer) => {
    if (open || justStarted.current) throw new Error(t('call.alreadyOnCall'));
    setCallDialer(using);
    try {
      await startCall(
        { lead, e164, dialer: using, script: newCallScript, sdr },
        Date.now(),
        (call) => {
          justStarted.current = call;
        },
        fail,
      );
    } catch (err) {
      throw new Error(errorText(err));
    }
  };
  const actions: CallActions = {
    dial: (e164) => placeCall(e164, dialer),
    dialLogOnly: (e164) => placeCall(e164, logOnlyDialer),
    logTouch: async (channel) => {
      if (open) return showToast(t('call.alreadyOnCall'));
      await logTouch(lead, channel, sdr, newCallScript).catch(fail);
    },
    markConnected: async () => {
      if (openHere) await markConnected(openHere.id).catch(fail);
    },
    hangUp: async () => {
      const call = openHere ?? justStarted.current;
      if (!call) return;
      await activeDialer.hangUp().catch(fail);
      await endCall(call.id).catch(fail);
    },
    wrapUp: async (disposition, callbackAt) => {
      if (!openHere) return;
      await wrapUpCall({ ...openHere, answers }, disposition, callbackAt, script);
      setPending({});
      showToast(t('wrapUp.saved'));
    },
    setMuted: (muted) => activeDialer.setMuted(muted).catch((err: unknown) => {
      fail(err);
      throw err;
    }),
    setHeld: (held) => activeDialer.setHeld(held).catch((err: unknown) => {
      showToast(t('softphone:holdFailed', { reason: errorText(err) }));
      throw err;
    }),
  };

  const answer = (questionId: string, value: AnswerValue | null) => {
    if (!openHere || !script) return;
    setPending((p) => ({ ...p, [questionId]: value }));
    // The overlay stays until the call is wrapped up: dropping it when the write resolves would
    // flash the old answer until the live query catches up.
    saveAnswers(openHere.id, script, { [questionId]: value }).catch((err: unknown) => {
      setPending((p) => {
        if (p[questionId] !== value) return p;
        const { [questionId]: _unsaved, ...rest } = p;
        return rest;
      });
      fail(err);
    });
  };

  useImperativeHandle(apiRef, () => ({
    dial: (e164) => {
      const target = e164 ?? lead.phones[0];
      if (lead.doNotCall) return showToast(t('call.doNotCall'));
      if (!target) return showToast(t('call.noNumber'));
      actions.dial(target).catch(fail);
    },
    markConnected: () => void actions.markConnected(),
    hangUp: () => void actions.hangUp(),
    handOff: () => handoffRef.current?.querySelector<HTMLElement>('.btn-handoff, textarea')?.focus(),
    focusNotes: () => notesRef.current?.querySelector('textarea')?.focus(),
  }));

  const stored = written ? activity?.handoffs.find((h) => h.id === written.id) : undefined;
  const latest = written && (!stored || stored.updatedAt < written.updatedAt) ? [written, ...(activity?.handoffs ?? [])] : (activity?.handoffs ?? []);
  const activeHandoff = latest.find((h) => isOpenHandoff(h.status)) ?? null;
  const items = activity ? timelineItems(activity.calls, activity.notes, activity.events, activity.handoffs) : [];

  return (
    <div className="workspace-lead">
      <CallPanel
        lead={lead}
        call={openHere}
        otherCall={open && !openHere ? { company: current?.lead?.company ?? '', leadId: open.leadId } : null}
        region={region}
        dispositions={playbook.dispositions}
        leadTimeZone={leadTimeZone}
        controlsAudio={activeDialer.controlsAudio}
        reportsProgress={activeDialer.reportsProgress}
        idleExtras={dialer.via === 'sip' ? (logOnly) => <SoftphoneIdleNotice onLogOnly={logOnly} /> : undefined}
        callExtras={activeDialer.via === 'sip' ? <SoftphoneCallExtras region={region} onError={fail} onMessage={showToast} /> : undefined}
        now={now}
        actions={actions}
        onGoToCall={select}
      />
      <div className="desk-grid">
        <ScriptPanel script={script} answers={answers} recording={openHere !== null && callState(openHere) !== 'done'} onAnswer={answer} />
        <div className="desk-side">
          <div ref={handoffRef}>
            <QualificationPanel
              key={lead.id}
              lead={lead}
              qualification={qualification}
              route={route}
              draftSummary={summary}
              handoff={activeHandoff}
              returned={lead.status === 'returned' ? (latest.find((h) => h.status === 'returned') ?? null) : null}
              busy={busy}
              onApplyTemperature={(temperature: Temperature) => void updateLeadPatch(lead, { temperature }).catch(fail)}
              onHandOff={(text, override) => {
                setBusy(true);
                handOff({
                  lead,
                  sdr,
                  route,
                  productLine: routingInput.productLine,
                  dealSize: routingInput.dealSize,
                  summary: text,
                  qualification,
                  overrideReason: override,
                  callId: shownCall?.id ?? null,
                  answers,
                })
                  .then((handoff) => {
                    setWritten(handoff);
                    showToast(t('handoff.queued', { owner: route.owner.name }));
                  })
                  .catch(fail)
                  .finally(() => setBusy(false));
              }}
              onRecall={() => setReason({ kind: 'recall', error: null })}
              onNurture={() => setReason({ kind: 'nurturing', error: null })}
              onDisqualify={() => setReason({ kind: 'disqualified', error: null })}
            />
          </div>
          <div ref={notesRef} className="card notes-card">
            <NotesEditor
              key={`${lead.id}:${editing?.rootId ?? 'new'}`}
              leadId={lead.id}
              author={sdr}
              callId={openHere?.id ?? null}
              editing={editing}
              onDone={() => setEditing(null)}
              onSaved={() => showToast(t('notes.saved'))}
            />
          </div>
          <TagPicker tags={lead.tags} taxonomy={playbook.taxonomy} onChange={(added, removed) => void changeTags(lead, added, removed, sdr).catch(fail)} />
          <Timeline items={items} scripts={playbook.allScripts} dispositions={playbook.dispositions} tagLabel={tagLabel} onEditNote={(note) => {
            setEditing(note);
            notesRef.current?.scrollIntoView({ block: 'nearest' });
          }} />
        </div>
      </div>
      {reason ? (
        <ReasonDialog
          kind={reason.kind}
          error={reason.error}
          now={now}
          onClose={() => setReason(null)}
          onSubmit={(text, nextTouchAt) => {
            const done =
              reason.kind === 'recall'
                ? activeHandoff
                  ? recallHandoff(activeHandoff, lead, sdr, text).then(() => setWritten({ ...activeHandoff, status: 'recalled', updatedAt: Date.now() }))
                  : Promise.resolve()
                : moveLead(lead, reason.kind, sdr, text, nextTouchAt);
            done
              .then(() => {
                setReason(null);
                showToast(t(`reason.done.${reason.kind}`));
              })
              .catch((err: unknown) => setReason({ ...reason, error: errorText(err) }));
          }}
        />
      ) : null}
    </div>
  );
}

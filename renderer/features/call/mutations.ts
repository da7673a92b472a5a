import { v7 as uuidv7 } from 'uuid';
import { db, mutate } from '../../db';
import type { Call, CallChannel } from '../../../shared/model/call';
import type { Lead } from '../../../shared/model/lead';
import type { Disposition } from '../../../shared/model/playbook';
import type { AnswerValue, Script } from '../../../shared/model/script';
import { answerLabel, visibleQuestions } from '../../../shared/rules/scriptBranching';
import type { CallSip } from '../../../shared/model/sip';
import type { Dialer, DialProgress } from './dialers';

interface StartCall {
  readonly lead: Lead;
  readonly e164: string;
  readonly dialer: Dialer;
  readonly script: Script | null;
  readonly sdr: string;
}

function newCall(lead: Lead, sdr: string, script: Script | null, now: number, fields: Pick<Call, 'channel' | 'via' | 'number'> & Partial<Pick<Call, 'direction'>>): Call {
  return {
    id: uuidv7(),
    leadId: lead.id,
    direction: 'outbound',
    sdr,
    startedAt: now,
    connectedAt: null,
    endedAt: null,
    wrappedUpAt: null,
    disposition: null,
    callbackAt: null,
    scriptId: script?.id ?? null,
    scriptVersion: script?.version ?? null,
    answers: {},
    ...fields,
  };
}

/**
 * Saves the call before dialing, so a crash or a dialer that never returns still leaves it in the
 * log. A dialer that cannot place it now refuses before anything is saved; one that refuses later
 * leaves the call open for the SDR to wrap up (as "no answer", say).
 */
export async function startCall({ lead, e164, dialer, script, sdr }: StartCall, now: number = Date.now(), onSaved?: (call: Call) => void, onError?: (error: unknown) => void): Promise<Call> {
  dialer.check(e164);
  const call = newCall(lead, sdr, script, now, { channel: 'phone', via: dialer.via, number: e164 });
  await mutate(db, 'call.start', { call }, now);
  onSaved?.(call);
  await dialer.dial(e164, callProgress(call.id, onError));
  return call;
}

/** An answered inbound call on the softphone, logged like an outbound one. */
export async function startInboundCall(lead: Lead, e164: string, script: Script | null, sdr: string, now: number = Date.now()): Promise<Call> {
  const call = newCall(lead, sdr, script, now, { channel: 'phone', via: 'sip', number: e164, direction: 'inbound' });
  await mutate(db, 'call.start', { call }, now);
  return call;
}

/** Writes what a dialer that reports progress learns: connected, then ended with its SIP outcome. */
export function callProgress(callId: string, onError: (error: unknown) => void = () => undefined): DialProgress {
  return {
    onConnected: (at) => void markConnected(callId, at).catch(onError),
    onEnded: (at, sip) => void recordCallEnd(callId, at, sip).catch(onError),
  };
}

async function recordCallEnd(callId: string, at: number, sip: CallSip): Promise<void> {
  await mutate(db, 'call.progress', { id: callId, endedAt: at, sip }, at);
}

/** A WeChat message or e-mail logged as a contact: it goes straight to its wrap-up. */
export async function logTouch(lead: Lead, channel: Exclude<CallChannel, 'phone'>, sdr: string, script: Script | null, now: number = Date.now()): Promise<Call> {
  const call = { ...newCall(lead, sdr, script, now, { channel, via: 'touch', number: '' }), connectedAt: now, endedAt: now };
  await mutate(db, 'call.start', { call }, now);
  return call;
}

export async function markConnected(callId: string, now: number = Date.now()): Promise<void> {
  await mutate(db, 'call.progress', { id: callId, connectedAt: now }, now);
}

export async function endCall(callId: string, now: number = Date.now()): Promise<void> {
  await mutate(db, 'call.progress', { id: callId, endedAt: now }, now);
}

export async function saveAnswers(callId: string, script: Script, changes: Readonly<Record<string, AnswerValue | null>>, now: number = Date.now()): Promise<void> {
  await mutate(db, 'call.answers', { id: callId, scriptId: script.id, scriptVersion: script.version, answers: changes }, now);
}

/** The lead's custom fields that this call's visible answers fill, as people read them. */
export function filledLeadFields(script: Script | null, answers: Call['answers']): Record<string, string> {
  if (!script) return {};
  const fields: Record<string, string> = {};
  for (const question of visibleQuestions(script, answers)) {
    const value = answers[question.id];
    if (question.fills && value !== undefined) fields[question.fills] = answerLabel(question, value).slice(0, 2000);
  }
  return fields;
}

export async function wrapUpCall(call: Call, disposition: Disposition, callbackAt: number | null, script: Script | null, now: number = Date.now()): Promise<void> {
  await mutate(
    db,
    'call.wrapUp',
    {
      id: call.id,
      wrappedUpAt: now,
      disposition: disposition.id,
      doNotCall: disposition.effect === 'doNotCall',
      callbackAt,
      leadFields: filledLeadFields(script, call.answers),
    },
    now,
  );
}

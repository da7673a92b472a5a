import { v7 as uuidv7 } from 'uuid';
import { db, mutate } from '../../db';
import type { Handoff } from '../../../shared/model/handoff';
import type { Lead, LeadStatus } from '../../../shared/model/lead';
import type { StatusEvent } from '../../../shared/model/leadEvent';
import type { Answers } from '../../../shared/model/script';
import type { RouteResult } from '../../../shared/rules/handoffRouting';
import { planTransition, type TransitionError } from '../../../shared/rules/lifecycle';
import type { Qualification } from '../../../shared/rules/qualification';

/** A lifecycle move the state machine refused; nothing was written. */
export class TransitionRefused extends Error {
  constructor(readonly error: TransitionError) {
    super(error.code);
    this.name = 'TransitionRefused';
  }
}

function statusEvent(lead: Lead, to: LeadStatus, by: string, reason: string, nextTouchAt: number | null, now: number): StatusEvent {
  return { type: 'status', id: uuidv7(), leadId: lead.id, at: now, by, from: lead.status, to, reason, nextTouchAt };
}

interface HandOff {
  readonly lead: Lead;
  readonly sdr: string;
  readonly route: RouteResult;
  readonly productLine: string | null;
  readonly dealSize: number | null;
  readonly summary: string;
  readonly qualification: Qualification;
  /** Required when the criteria are not all met. */
  readonly overrideReason: string;
  readonly callId: string | null;
  readonly answers: Answers;
}

/** The lead becomes an MQL here and now; the hand-off waits in the outbox until sync delivers it. */
export async function handOff(input: HandOff, now: number = Date.now()): Promise<Handoff> {
  const { lead } = input;
  const plan = planTransition(lead, { to: 'mql', via: 'handoff', now });
  if (!plan.ok) throw new TransitionRefused(plan.error);
  const override = input.overrideReason.trim();
  if (!input.qualification.qualified && override === '') throw new TransitionRefused({ code: 'lifecycle.reasonRequired', to: 'mql' });
  const handoff: Handoff = {
    id: uuidv7(),
    leadId: lead.id,
    fromSdr: input.sdr,
    owner: input.route.owner,
    ruleId: input.route.ruleId,
    productLine: input.productLine,
    dealSize: input.dealSize,
    summary: input.summary.trim(),
    overrideReason: input.qualification.qualified ? null : override,
    criteria: input.qualification.results.map(({ id, label, met }) => ({ id, label, met })),
    callId: input.callId,
    answers: input.answers,
    tags: [...lead.tags],
    status: 'queued',
    statusReason: '',
    createdAt: now,
    updatedAt: now,
  };
  await mutate(db, 'handoff.create', { handoff, event: statusEvent(lead, 'mql', input.sdr, override, null, now) }, now);
  return handoff;
}

export async function recallHandoff(handoff: Pick<Handoff, 'id'>, lead: Lead, sdr: string, reason: string, now: number = Date.now()): Promise<void> {
  const plan = planTransition(lead, { to: 'working', via: 'recall', now });
  if (!plan.ok) throw new TransitionRefused(plan.error);
  await mutate(db, 'handoff.recall', { id: handoff.id, event: statusEvent(lead, 'working', sdr, reason.trim(), null, now) }, now);
}

/** Back to nurturing (with a reason and the next touch) or disqualified (with a reason). */
export async function moveLead(lead: Lead, to: 'nurturing' | 'disqualified' | 'working', sdr: string, reason: string, nextTouchAt: number | null, now: number = Date.now()): Promise<void> {
  const plan = planTransition(lead, { to, via: 'manual', reason, nextTouchAt, now });
  if (!plan.ok) throw new TransitionRefused(plan.error);
  await mutate(db, 'lead.transition', { event: statusEvent(lead, to, sdr, reason.trim(), plan.patch.nextCallbackAt ?? null, now) }, now);
}

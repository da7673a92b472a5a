import { v7 as uuidv7 } from 'uuid';
import type { Call } from '../../shared/model/call';
import type { Handoff } from '../../shared/model/handoff';
import type { Lead, LeadStatus } from '../../shared/model/lead';
import type { LeadEvent } from '../../shared/model/leadEvent';
import type { Note } from '../../shared/model/note';

export type StatusEvent = Extract<LeadEvent, { type: 'status' }>;
export type TagsEvent = Extract<LeadEvent, { type: 'tags' }>;

/** An outbound phone call to the lead's first number, just placed (open, nothing answered). */
export function makeCall(lead: Pick<Lead, 'id' | 'phones'>, overrides: Partial<Call> = {}): Call {
  return {
    id: uuidv7(),
    leadId: lead.id,
    channel: 'phone',
    direction: 'outbound',
    via: 'tel',
    number: lead.phones[0] ?? '+8613800138000',
    sdr: '李雷',
    startedAt: 1_750_000_100_000,
    connectedAt: null,
    endedAt: null,
    wrappedUpAt: null,
    disposition: null,
    callbackAt: null,
    scriptId: null,
    scriptVersion: null,
    answers: {},
    ...overrides,
  };
}

export function makeStatusEvent(lead: Pick<Lead, 'id' | 'status'>, to: LeadStatus, overrides: Partial<StatusEvent> = {}): StatusEvent {
  return {
    type: 'status',
    id: uuidv7(),
    leadId: lead.id,
    at: 1_750_000_200_000,
    by: '李雷',
    from: lead.status,
    to,
    reason: '',
    nextTouchAt: null,
    ...overrides,
  };
}

export function makeTagsEvent(lead: Pick<Lead, 'id'>, added: string[], removed: string[], at = 1_750_000_200_000): TagsEvent {
  return { type: 'tags', id: uuidv7(), leadId: lead.id, at, by: '李雷', added, removed };
}

export function makeNote(lead: Pick<Lead, 'id'>, overrides: Partial<Note> = {}): Note {
  const id = uuidv7();
  return { id, leadId: lead.id, callId: null, rootId: id, revision: 1, text: '预算已批，Q3 上线', author: '李雷', createdAt: 1_750_000_300_000, ...overrides };
}

export function makeHandoff(lead: Pick<Lead, 'id' | 'tags'>, overrides: Partial<Handoff> = {}): Handoff {
  return {
    id: uuidv7(),
    leadId: lead.id,
    fromSdr: '李雷',
    owner: { id: 'east-ent', name: '张伟' },
    ruleId: 'east-enterprise',
    productLine: 'automation',
    dealSize: 500_000,
    summary: 'Budget approved; wants a demo next week.',
    overrideReason: null,
    criteria: [],
    callId: null,
    answers: {},
    tags: [...lead.tags],
    status: 'queued',
    statusReason: '',
    createdAt: 1_750_000_400_000,
    updatedAt: 1_750_000_400_000,
    ...overrides,
  };
}

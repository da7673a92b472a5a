import type { Lead, LeadStatus } from '../model/lead';

/**
 * Lead lifecycle. Some moves belong to a flow, not to the lead form: an MQL comes only from a
 * hand-off, SQL or "returned" only from sales answering it, and an MQL goes back to working only
 * when its hand-off is recalled. planTransition() checks a move and who makes it.
 */
export const TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['working', 'nurturing', 'mql', 'disqualified'],
  working: ['nurturing', 'mql', 'disqualified'],
  nurturing: ['working', 'mql', 'disqualified'],
  mql: ['sql', 'returned', 'working'],
  sql: ['recycled'],
  returned: ['working', 'nurturing', 'mql', 'disqualified'],
  disqualified: ['working', 'nurturing'],
  recycled: ['working', 'nurturing', 'disqualified'],
};

/** Who or what moves the lead: the SDR by hand, a hand-off, its recall, sales, or a call being placed. */
export type TransitionVia = 'manual' | 'handoff' | 'recall' | 'sales' | 'call';

export type TransitionError =
  | { code: 'lifecycle.invalid'; from: LeadStatus; to: LeadStatus }
  | { code: 'lifecycle.reasonRequired'; to: LeadStatus }
  | { code: 'lifecycle.nextTouchRequired' }
  | { code: 'lifecycle.nextTouchPast' }
  | { code: 'lifecycle.viaNotAllowed'; to: LeadStatus; via: TransitionVia };

export interface TransitionRequest {
  to: LeadStatus;
  via: TransitionVia;
  /** Required for nurturing and disqualified: the next person to pick the lead up reads it. */
  reason?: string;
  /** Required for nurturing: when to touch the lead again (ms since the epoch). */
  nextTouchAt?: number | null;
  now: number;
}

export type TransitionPatch = { status: LeadStatus; nextCallbackAt?: number | null };
export type TransitionPlan = { ok: true; patch: TransitionPatch } | { ok: false; error: TransitionError };

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Whether `via` may make the move from → to (an edge TRANSITIONS already allows). */
function viaAllows(from: LeadStatus, to: LeadStatus, via: TransitionVia): boolean {
  switch (via) {
    case 'handoff':
      return to === 'mql';
    case 'recall':
      return from === 'mql' && to === 'working';
    case 'sales':
      return to === 'sql' || to === 'returned' || to === 'recycled';
    case 'call':
      // Placing the first call starts working the lead; any other status is the SDR's decision.
      return from === 'new' && to === 'working';
    case 'manual':
      return !(to === 'mql' || to === 'sql' || to === 'returned' || to === 'recycled' || from === 'mql');
  }
}

/** Whether `via` may move a lead from → to: the edge exists and belongs to that flow. */
export function canTransitionVia(from: LeadStatus, to: LeadStatus, via: TransitionVia): boolean {
  return canTransition(from, to) && viaAllows(from, to, via);
}

const fail = (error: TransitionError): TransitionPlan => ({ ok: false, error });

/**
 * Checks one lifecycle move and returns the lead fields it sets. Staying in the same status is a
 * no-op for the SDR's own moves (the form saving an unchanged status, a call on a lead already
 * being worked); a flow that repeats itself (a second hand-off of an MQL) is refused.
 */
export function planTransition(lead: Pick<Lead, 'status' | 'firstContactedAt'>, req: TransitionRequest): TransitionPlan {
  const from = lead.status;
  const { to, via } = req;
  if (from === to && (via === 'manual' || via === 'call')) return { ok: true, patch: { status: to } };
  if (from === to || !TRANSITIONS[from].includes(to)) return fail({ code: 'lifecycle.invalid', from, to });
  if (!viaAllows(from, to, via)) return fail({ code: 'lifecycle.viaNotAllowed', to, via });

  const reason = req.reason?.trim() ?? '';
  if (to === 'nurturing') {
    if (reason === '') return fail({ code: 'lifecycle.reasonRequired', to });
    const next = req.nextTouchAt;
    if (next === undefined || next === null || !Number.isFinite(next)) return fail({ code: 'lifecycle.nextTouchRequired' });
    if (next <= req.now) return fail({ code: 'lifecycle.nextTouchPast' });
    return { ok: true, patch: { status: to, nextCallbackAt: next } };
  }
  if (to === 'disqualified') {
    if (reason === '') return fail({ code: 'lifecycle.reasonRequired', to });
    // Nobody calls a disqualified lead back.
    return { ok: true, patch: { status: to, nextCallbackAt: null } };
  }
  return { ok: true, patch: { status: to } };
}

const VIA_WORDS: Readonly<Record<TransitionVia, string>> = {
  manual: 'by hand',
  handoff: 'by a hand-off',
  recall: 'by recalling a hand-off',
  sales: 'by sales',
  call: 'by placing a call',
};

/** Plain English for logs and tests; the UI translates the code itself. */
export function describeTransitionError(e: TransitionError): string {
  switch (e.code) {
    case 'lifecycle.invalid':
      return e.from === e.to ? `A lead in status ${e.from} cannot be moved to ${e.to} again` : `A lead in status ${e.from} cannot move to ${e.to}`;
    case 'lifecycle.reasonRequired':
      return `Moving a lead to ${e.to} needs a reason`;
    case 'lifecycle.nextTouchRequired':
      return 'Moving a lead to nurturing needs the date of the next touch';
    case 'lifecycle.nextTouchPast':
      return 'The next touch of a nurtured lead must be in the future';
    case 'lifecycle.viaNotAllowed':
      return `A lead cannot be moved to ${e.to} ${VIA_WORDS[e.via]}`;
  }
}

/** Statuses the lead form offers for a lead now in `current` (current first). */
export function manualStatusChoices(current: LeadStatus | null): LeadStatus[] {
  if (current === null) return ['new', 'working', 'nurturing'];
  return [current, ...TRANSITIONS[current].filter((to) => viaAllows(current, to, 'manual'))];
}

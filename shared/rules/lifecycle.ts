import type { LeadStatus } from '../model/lead';

/**
 * Lead lifecycle. Some moves belong to a flow, not to the lead form: an MQL comes only from a
 * hand-off, SQL or "returned" only from sales answering it. MANUAL_TRANSITIONS lists what an SDR
 * may set by hand.
 */
export const TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['working', 'nurturing', 'mql', 'disqualified'],
  working: ['nurturing', 'mql', 'disqualified'],
  nurturing: ['working', 'mql', 'disqualified'],
  mql: ['sql', 'returned'],
  sql: ['recycled'],
  returned: ['working', 'nurturing', 'mql', 'disqualified'],
  disqualified: ['working', 'nurturing'],
  recycled: ['working', 'nurturing', 'disqualified'],
};

const BY_FLOW_ONLY: ReadonlySet<LeadStatus> = new Set(['mql', 'sql', 'returned', 'recycled']);

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Statuses the lead form offers for a lead now in `current` (current first). */
export function manualStatusChoices(current: LeadStatus | null): LeadStatus[] {
  if (current === null) return ['new', 'working', 'nurturing'];
  return [current, ...TRANSITIONS[current].filter((s) => !BY_FLOW_ONLY.has(s))];
}

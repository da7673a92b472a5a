import type { Handoff } from '../../../shared/model/handoff';

export interface InboxLists {
  /** Delivered (or not yet synced) and not answered: newest hand-off first. */
  readonly waiting: readonly Handoff[];
  /** Accepted, returned or recalled: the latest answer first. */
  readonly answered: readonly Handoff[];
}

export type InboxTab = keyof InboxLists;

/** Splits a rep's hand-offs into what still waits for an answer and what has one. */
export function inboxLists(handoffs: readonly Handoff[]): InboxLists {
  const waiting: Handoff[] = [];
  const answered: Handoff[] = [];
  for (const h of handoffs) (h.status === 'queued' || h.status === 'delivered' ? waiting : answered).push(h);
  waiting.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  answered.sort((a, b) => b.updatedAt - a.updatedAt || b.id.localeCompare(a.id));
  return { waiting, answered };
}

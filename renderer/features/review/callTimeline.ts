import type { HandoffOutcome, ReviewCallDetail } from '../../../shared/api/review';
import type { Call } from '../../../shared/model/call';
import type { Handoff } from '../../../shared/model/handoff';
import type { StatusEvent } from '../../../shared/model/leadEvent';

export type AroundItem =
  | { readonly kind: 'call'; readonly at: number; readonly key: string; readonly call: Call; readonly current: boolean }
  | { readonly kind: 'status'; readonly at: number; readonly key: string; readonly event: StatusEvent }
  | { readonly kind: 'handoff'; readonly at: number; readonly key: string; readonly handoff: Handoff };

/**
 * The lead's story the reviewed call sits in, oldest first so that what came before and after
 * reads in order: every call, status change and hand-off. Notes are shown on their own.
 */
export function callTimeline(detail: Pick<ReviewCallDetail, 'call' | 'calls' | 'events' | 'handoffs'>): AroundItem[] {
  const calls = detail.calls.some((c) => c.id === detail.call.id) ? detail.calls : [...detail.calls, detail.call];
  const items: AroundItem[] = [
    ...calls.map((call) => ({ kind: 'call' as const, at: call.startedAt, key: `c:${call.id}`, call, current: call.id === detail.call.id })),
    // A hand-off's creation shows as the hand-off itself, not also as "moved to MQL".
    ...detail.events.flatMap((event) => (event.type === 'status' && event.to !== 'mql' ? [{ kind: 'status' as const, at: event.at, key: `e:${event.id}`, event }] : [])),
    ...detail.handoffs.map((handoff) => ({ kind: 'handoff' as const, at: handoff.createdAt, key: `h:${handoff.id}`, handoff })),
  ];
  return items.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** A hand-off as the review list's outcome filter names it. */
export function handoffOutcome(handoff: Pick<Handoff, 'status'>): HandoffOutcome | 'recalled' {
  switch (handoff.status) {
    case 'accepted':
    case 'returned':
    case 'recalled':
      return handoff.status;
    case 'queued':
    case 'delivered':
      return 'pending';
  }
}

import type { Lead, Temperature } from '../model/lead';

/**
 * The queue answers "who do I call next". Its order is kept in an index as (bucket, sort), so the
 * app reads the whole order as keys without loading leads:
 *  - bucket 0: inbound leads nobody has contacted yet, oldest first: speed to lead.
 *  - bucket 1: everyone still to be worked: first the leads sales returned (someone is waiting
 *    for the SDR's answer), then by priority, then temperature, then least recently touched, so
 *    a lead just called sinks.
 *  - bucket 2: leads out of the SDR's hands (handed off, accepted, disqualified, do not call).
 * Due call-backs are time-dependent, so they are not in the index: the queue lifts them to just
 * after bucket 0 when it reads (see orderQueue).
 */
export const QUEUE_BUCKET = { fresh: 0, working: 1, closed: 2 } as const;

const CLOSED_STATUSES: ReadonlySet<Lead['status']> = new Set(['mql', 'sql', 'disqualified']);
const TEMPERATURE_RANK: Readonly<Record<Temperature, number>> = { hot: 0, warm: 1, cold: 2 };
/** Milliseconds stay below 1e13 until the year 2286, so they fit under the rank digits. */
const TIME_SPAN = 1e13;

export interface QueueKey {
  readonly queueBucket: number;
  readonly queueSort: number;
}

export function queueKey(
  lead: Pick<Lead, 'kind' | 'status' | 'doNotCall' | 'firstContactedAt' | 'lastContactedAt' | 'createdAt' | 'priority' | 'temperature'>,
): QueueKey {
  if (CLOSED_STATUSES.has(lead.status) || lead.doNotCall) {
    return { queueBucket: QUEUE_BUCKET.closed, queueSort: lead.lastContactedAt ?? lead.createdAt };
  }
  if (lead.kind === 'inbound' && lead.status === 'new' && lead.firstContactedAt === null) {
    return { queueBucket: QUEUE_BUCKET.fresh, queueSort: lead.createdAt };
  }
  // Below every rank: returned leads, the longest-waiting first.
  if (lead.status === 'returned') return { queueBucket: QUEUE_BUCKET.working, queueSort: -TIME_SPAN + (lead.lastContactedAt ?? lead.createdAt) };
  const rank = (lead.priority - 1) * 3 + TEMPERATURE_RANK[lead.temperature];
  return { queueBucket: QUEUE_BUCKET.working, queueSort: rank * TIME_SPAN + (lead.lastContactedAt ?? lead.createdAt) };
}

export interface QueueBuckets {
  readonly fresh: readonly string[];
  readonly working: readonly string[];
  readonly closed: readonly string[];
}

/**
 * Puts due call-backs (ordered by due time; leads still being worked only) at the top, ahead of
 * the fresh inbound leads: a promised call-back is a commitment to a person who expects the call.
 * They are removed from where the index placed them.
 */
export function orderQueue(buckets: QueueBuckets, dueCallbackIds: readonly string[]): string[] {
  if (dueCallbackIds.length === 0) return [...buckets.fresh, ...buckets.working, ...buckets.closed];
  const lifted = new Set(dueCallbackIds);
  return [...dueCallbackIds, ...buckets.fresh, ...buckets.working.filter((id) => !lifted.has(id)), ...buckets.closed];
}

import { db } from '../../db';
import type { CallRow, LeadRow } from '../../db/schema';
import { QUEUE_BUCKET } from '../../../shared/rules/leadQueue';

/** The call in progress or waiting for its wrap-up, on any lead; at most one. */
export function openCall(): Promise<CallRow | undefined> {
  return db.calls.where('isOpen').equals(1).first();
}

export function callsForLead(leadId: string): Promise<CallRow[]> {
  return db.calls.where('[leadId+startedAt]').between([leadId, 0], [leadId, Infinity]).reverse().toArray();
}

/** Leads still being worked whose call-back fell due in (from, to], by due time. */
export async function callbacksDueBetween(from: number, to: number): Promise<LeadRow[]> {
  const ranges = (['inbound', 'outbound'] as const).flatMap((kind) =>
    [QUEUE_BUCKET.fresh, QUEUE_BUCKET.working].map((bucket) =>
      db.leads.where('[kind+queueBucket+nextCallbackAt]').between([kind, bucket, from], [kind, bucket, to], false, true).toArray(),
    ),
  );
  return (await Promise.all(ranges)).flat().sort((a, b) => (a.nextCallbackAt ?? 0) - (b.nextCallbackAt ?? 0));
}

import type { Call } from '../../../shared/model/call';
import type { Handoff } from '../../../shared/model/handoff';
import type { LeadEvent } from '../../../shared/model/leadEvent';
import { latestRevisions, type Note } from '../../../shared/model/note';

export type TimelineItem =
  | { readonly kind: 'call'; readonly at: number; readonly key: string; readonly call: Call }
  | { readonly kind: 'note'; readonly at: number; readonly key: string; readonly note: Note; readonly revisions: readonly Note[] }
  | { readonly kind: 'event'; readonly at: number; readonly key: string; readonly event: LeadEvent }
  | { readonly kind: 'handoff'; readonly at: number; readonly key: string; readonly handoff: Handoff };

/**
 * Everything that happened to a lead, newest first. A note appears once, at its first writing,
 * showing its newest text; a hand-off's own status changes are status events of the lead.
 */
export function timelineItems(calls: readonly Call[], notes: readonly Note[], events: readonly LeadEvent[], handoffs: readonly Handoff[]): TimelineItem[] {
  const firstWritten = new Map<string, number>();
  for (const n of notes) firstWritten.set(n.rootId, Math.min(firstWritten.get(n.rootId) ?? Infinity, n.createdAt));
  const items: TimelineItem[] = [
    ...calls.map((call) => ({ kind: 'call' as const, at: call.startedAt, key: `c:${call.id}`, call })),
    ...latestRevisions(notes).map((note) => ({
      kind: 'note' as const,
      at: firstWritten.get(note.rootId) ?? note.createdAt,
      key: `n:${note.rootId}`,
      note,
      revisions: notes.filter((n) => n.rootId === note.rootId).sort((a, b) => b.revision - a.revision),
    })),
    // A hand-off's creation shows as the hand-off itself, not also as "moved to MQL".
    ...events.filter((e) => !(e.type === 'status' && e.to === 'mql')).map((event) => ({ kind: 'event' as const, at: event.at, key: `e:${event.id}`, event })),
    ...handoffs.map((handoff) => ({ kind: 'handoff' as const, at: handoff.createdAt, key: `h:${handoff.id}`, handoff })),
  ];
  return items.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
}

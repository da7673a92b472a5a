import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { LeadKind } from '../../../shared/model/lead';
import type { PhoneRegion } from '../../../shared/model/phone';
import { searchClauses } from '../../../shared/rules/leadSearch';
import type { QueueFilters } from '../../state/uiStore';
import { orderQueue } from '../../../shared/rules/leadQueue';
import { dueCallbacks, matchingIds, queueBuckets, queueCount, queueHead } from './queries';
import { leadSearchIndex } from './searchIndex';

export interface QueueResult {
  /** Ids in calling order, or undefined while the first read runs. */
  readonly ids: readonly string[] | undefined;
  /** The search text these ids answer; lags the typed text by one read. */
  readonly answeredSearch: string;
  /** The filters these ids answer, as a key (see filterKey). */
  readonly answeredFilters: string;
  readonly narrowed: boolean;
  /** Matches of the same search in the other view. */
  readonly otherViewMatches: number;
  readonly counts: Readonly<Record<LeadKind, number | undefined>>;
  /** The whole order is read (not just the head): heavier reads may start. */
  readonly complete: boolean;
  /** Search answers from the in-memory token index (else from IndexedDB). */
  readonly searchIndexReady: boolean;
}

const HEAD_SIZE = 60;

/**
 * `firstRowsShown`: the rows of the head are on screen. The full order waits for it, because
 * IndexedDB would otherwise serve the seconds-long key scan before the few rows the SDR sees first.
 */
export function useQueue(view: LeadKind, search: string, filters: QueueFilters, region: PhoneRegion, now: number, firstRowsShown: boolean): QueueResult {
  // Due call-backs move once a minute; rounding keeps the order query from re-running on every render.
  const minute = Math.floor(now / 60_000) * 60_000;
  // IndexedDB serves one request after another, so what the SDR sees first is read first: the
  // head (top of the queue, a limited read), then the full order (every key), then the other
  // view's count. At 100,000 leads each full read takes a second or more.
  const head = useLiveQuery(async () => ({ view, ids: await queueHead(view, minute, HEAD_SIZE) }), [view, minute]);
  const headReady = head?.view === view;
  const startFull = headReady && firstRowsShown;
  // The full scans re-run when leads change; the clock only moves the few due call-backs, read
  // apart, so the minute tick never repeats a scan of every key (a long task at 100,000 leads).
  const buckets = useLiveQuery(async () => (startFull ? { view, buckets: await queueBuckets(view) } : undefined), [view, startFull]);
  const due = useLiveQuery(async () => ({ view, ids: await dueCallbacks(view, minute) }), [view, minute]);
  const full = useMemo(
    () => (buckets?.view === view && due?.view === view ? { view, ids: orderQueue(buckets.buckets, due.ids) } : undefined),
    [buckets, due, view],
  );
  const fullReady = full?.view === view;
  const order = fullReady ? full.ids : headReady ? head.ids : undefined;
  const other: LeadKind = view === 'inbound' ? 'outbound' : 'inbound';
  const otherCount = useLiveQuery(async () => (fullReady ? { other, count: await queueCount(other) } : undefined), [fullReady, other]);
  // Once the queue is on screen, the token index builds in the background; search answers from
  // it when ready (its version changes with every lead write) and from IndexedDB before that.
  useEffect(() => {
    if (fullReady) leadSearchIndex.start();
  }, [fullReady]);
  const indexVersion = useSyncExternalStore(leadSearchIndex.subscribe, leadSearchIndex.getVersion);
  const clauses = useMemo(() => searchClauses(search, region), [search, region]);
  const matches = useLiveQuery(
    async () => ({
      search,
      filters: filterKey(filters),
      ids: await matchingIds(clauses, filters, leadSearchIndex.ready ? leadSearchIndex : null),
    }),
    [clauses, filters, search, indexVersion],
  );
  const viewCount = fullReady ? full.ids.length : undefined;
  // Where each lead stands in the queue: lets a narrow search sort its few matches instead of
  // walking the whole order.
  const position = useMemo(() => new Map(order?.map((id, i) => [id, i])), [order]);
  const otherViewCount = otherCount?.other === other ? otherCount.count : undefined;

  return useMemo(() => {
    const counts = { [view]: viewCount, [other]: otherViewCount } as Record<LeadKind, number | undefined>;
    const searchIndexReady = indexVersion > 0 && leadSearchIndex.ready;
    if (!order || !matches) return { ids: undefined, answeredSearch: '', answeredFilters: '', narrowed: false, otherViewMatches: 0, counts, complete: false, searchIndexReady };
    const answered = { answeredSearch: matches.search, answeredFilters: matches.filters, complete: viewCount !== undefined, searchIndexReady };
    const matched = matches.ids;
    if (matched === null) return { ids: order, ...answered, narrowed: false, otherViewMatches: 0, counts };
    const ids = inQueueOrder(matched, order, position);
    // With only the head read, matches below it are not in the other view: count once complete.
    return { ids, ...answered, narrowed: true, otherViewMatches: answered.complete ? matched.size - ids.length : 0, counts };
  }, [order, position, matches, view, other, viewCount, otherViewCount, indexVersion]);
}

export function filterKey(filters: QueueFilters): string {
  return [filters.status, filters.temperature, filters.tag, filters.sourceChannel, filters.owner].join('|');
}

function inQueueOrder(matched: ReadonlySet<string>, order: readonly string[], position: ReadonlyMap<string, number>): string[] {
  if (matched.size * 8 > order.length) return order.filter((id) => matched.has(id));
  return [...matched].filter((id) => position.has(id)).sort((a, b) => position.get(a)! - position.get(b)!);
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import type { LeadKind } from '../../../shared/model/lead';
import type { PhoneRegion } from '../../../shared/model/phone';
import { searchClauses } from '../../../shared/rules/leadSearch';
import type { QueueFilters } from '../../state/uiStore';
import { matchingIds, queueCount, queueHead, queueOrder } from './queries';

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
}

const HEAD_SIZE = 60;

export function useQueue(view: LeadKind, search: string, filters: QueueFilters, region: PhoneRegion, now: number): QueueResult {
  const deferredSearch = useDeferredValue(search);
  // Due call-backs move once a minute; rounding keeps the order query from re-running on every render.
  const minute = Math.floor(now / 60_000) * 60_000;
  // The head shows the top of the queue at once; the full order (all keys) replaces it when read.
  const head = useLiveQuery(() => queueHead(view, minute, HEAD_SIZE), [view, minute]);
  const full = useLiveQuery(async () => ({ view, ids: await queueOrder(view, minute) }), [view, minute]);
  const order = full?.view === view ? full.ids : head;
  const clauses = useMemo(() => searchClauses(deferredSearch, region), [deferredSearch, region]);
  const matches = useLiveQuery(
    async () => ({ search: deferredSearch, filters: filterKey(filters), ids: await matchingIds(clauses, filters) }),
    [clauses, filters, deferredSearch],
  );
  const inbound = useLiveQuery(() => queueCount('inbound'), []);
  const outbound = useLiveQuery(() => queueCount('outbound'), []);

  return useMemo(() => {
    const counts = { inbound, outbound };
    if (!order || !matches) return { ids: undefined, answeredSearch: '', answeredFilters: '', narrowed: false, otherViewMatches: 0, counts };
    const answered = { answeredSearch: matches.search, answeredFilters: matches.filters };
    const matched = matches.ids;
    if (matched === null) return { ids: order, ...answered, narrowed: false, otherViewMatches: 0, counts };
    const ids = order.filter((id) => matched.has(id));
    return { ids, ...answered, narrowed: true, otherViewMatches: matched.size - ids.length, counts };
  }, [order, matches, inbound, outbound]);
}

export function filterKey(filters: QueueFilters): string {
  return [filters.status, filters.temperature, filters.tag, filters.sourceChannel, filters.owner].join('|');
}

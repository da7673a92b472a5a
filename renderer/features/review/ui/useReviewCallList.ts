import { useEffect, useRef, useState } from 'react';
import type { ReviewCallRow } from '../../../../shared/api/review';
import type { ServerTransport } from '../../../platform/server';
import { listReviewCalls, type ApiProblem } from '../reviewApi';

interface Loaded {
  /** The list these pages belong to: query string and attempt. */
  readonly key: string;
  readonly calls: readonly ReviewCallRow[];
  readonly total: number;
  readonly nextCursor: string | null;
}

interface Failure {
  readonly key: string;
  readonly problem: ApiProblem;
}

export interface ReviewCallList {
  /** The rows of the current query; [] while its first page loads or when there is no query. */
  readonly calls: readonly ReviewCallRow[];
  readonly total: number | null;
  readonly loading: boolean;
  /** The server cannot be reached (or the app knows it is offline). */
  readonly offline: boolean;
  /** Why the list could not be read, other than being offline. */
  readonly problem: ApiProblem | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly moreProblem: ApiProblem | null;
  readonly loadMore: () => void;
  readonly retry: () => void;
}

/**
 * The server's list for one query string (null: the filters are not valid, nothing is asked), page
 * by page. A change of query starts over; answers to an older query are dropped.
 */
export function useReviewCallList(server: ServerTransport, query: string | null, online: boolean): ReviewCallList {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [more, setMore] = useState<{ readonly key: string; readonly cursor: string; readonly problem: ApiProblem | null } | null>(null);
  const inFlight = useRef<string | null>(null);
  const key = `${attempt}:${query ?? ''}`;

  useEffect(() => {
    if (query === null || !online) return;
    let current = true;
    void listReviewCalls(server, query, null).then((result) => {
      if (!current) return;
      if (result.ok) {
        setLoaded({ key, ...result.value });
        setFailure(null);
      } else {
        setFailure({ key, problem: result.problem });
      }
    });
    return () => {
      current = false;
    };
  }, [server, query, online, key]);

  const mine = loaded !== null && loaded.key === key ? loaded : null;
  const failed = failure !== null && failure.key === key ? failure.problem : null;
  const offline = !online || failed?.kind === 'unreachable';
  const moreHere = more !== null && more.key === key ? more : null;

  const loadMore = () => {
    if (!online || mine === null || mine.nextCursor === null || inFlight.current === mine.nextCursor) return;
    const cursor = mine.nextCursor;
    inFlight.current = cursor;
    setMore({ key, cursor, problem: null });
    void listReviewCalls(server, query ?? '', cursor).then((result) => {
      inFlight.current = null;
      if (!result.ok) {
        setMore((m) => (m && m.key === key && m.cursor === cursor ? { ...m, problem: result.problem } : m));
        return;
      }
      setMore((m) => (m && m.key === key && m.cursor === cursor ? null : m));
      setLoaded((page) => {
        if (page === null || page.key !== key || page.nextCursor !== cursor) return page;
        const known = new Set(page.calls.map((c) => c.id));
        return { key, calls: [...page.calls, ...result.value.calls.filter((c) => !known.has(c.id))], total: result.value.total, nextCursor: result.value.nextCursor };
      });
    });
  };

  return {
    calls: query === null ? [] : (mine?.calls ?? []),
    total: mine?.total ?? null,
    loading: query !== null && online && mine === null && failed === null,
    offline,
    problem: failed !== null && failed.kind !== 'unreachable' ? failed : null,
    hasMore: mine !== null && mine.nextCursor !== null,
    loadingMore: moreHere !== null && moreHere.problem === null,
    moreProblem: moreHere?.problem ?? null,
    loadMore,
    retry: () => {
      inFlight.current = null;
      setAttempt((n) => n + 1);
    },
  };
}

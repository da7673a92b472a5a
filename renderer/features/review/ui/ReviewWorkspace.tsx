import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCallRow } from '../../../../shared/api/review';
import type { Member } from '../../../../shared/sync/protocol';
import type { ServerTransport } from '../../../platform/server';
import type { TeamPlaybook } from '../../playbook';
import { useCachedCalls, useUnsyncedReviews } from '../queries';
import type { FieldProblem } from '../reviewApi';
import { browserTimeZone, checkPeriod, defaultFilters, periodMessage, reviewQueryString, type Message, type ReviewFilters } from '../reviewQuery';
import { CallFilters, FILTER_FIELDS, type FilterField } from './CallFilters';
import { CallList } from './CallList';
import { CallPane } from './CallPane';
import { ProblemNotice } from './ProblemNotice';
import { useDebounced } from './useDebounced';
import { useReviewCallList } from './useReviewCallList';
import '../review.css';

export interface ReviewWorkspaceProps {
  readonly server: ServerTransport;
  /** false when the app knows it has no connection: the server is not asked, this device's copies are shown. */
  readonly online?: boolean;
  /** The team (settings 'teamMembers'): SDRs and leads are the callers to filter by. */
  readonly members: readonly Member[];
  readonly playbook: TeamPlaybook;
  /** A tag as people read it (the team taxonomy's label, or the free tag itself). */
  readonly tagLabel: (tag: string) => string;
  /** Today, for the default period (the last 30 days). */
  readonly now: number;
}

const SEARCH_DEBOUNCE_MS = 300;

/** True when a key press belongs to the field being typed in, not to a single-key shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
}

/** The server names fields by query parameter; the search box is `q`. */
function filterFieldOf(path: string): FilterField | null {
  const name = path.split('.')[0] ?? path;
  if (name === 'q') return 'search';
  return (FILTER_FIELDS as readonly string[]).includes(name) ? (name as FilterField) : null;
}

/**
 * The team lead's call review: every call of the team in a period, filtered and searched on the
 * server, and the opened call beside it with its script, notes, story and reviews. Calls opened
 * here are kept on this device, so when the server is out of reach they can still be reviewed.
 * Keys: j/k move through the list, Enter opens the call.
 */
export function ReviewWorkspace({ server, online = true, members, playbook, tagLabel, now }: ReviewWorkspaceProps) {
  const { t, i18n } = useTranslation('review');
  const [tz] = useState(browserTimeZone);
  const [filters, setFilters] = useState<ReviewFilters>(() => defaultFilters(now, tz));
  const search = useDebounced(filters.search, SEARCH_DEBOUNCE_MS);
  const period = checkPeriod(filters.from, filters.to, tz);
  const query = period.ok ? reviewQueryString(period.period, { ...filters, search }) : null;
  const list = useReviewCallList(server, query, online);
  const cached = useCachedCalls();
  const unsynced = useUnsyncedReviews();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [opened, setOpened] = useState<ReviewCallRow | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const rows = list.offline ? (cached ?? []) : list.calls;
  const activeIndex = activeId === null ? -1 : rows.findIndex((row) => row.id === activeId);

  const say = (message: Message) => t(message.key, message.values);
  const errors: Partial<Record<FilterField, string>> = {};
  if (!period.ok) errors[period.field] = say(periodMessage(period.message));
  const unplaced: FieldProblem[] = [];
  if (list.problem?.kind === 'refused') {
    for (const problem of list.problem.fields) {
      const field = filterFieldOf(problem.path);
      if (field === null) unplaced.push(problem);
      else errors[field] ??= field === 'from' || field === 'to' ? say(periodMessage(problem.message)) : problem.message;
    }
  }
  const banner = list.problem && (list.problem.kind !== 'refused' || list.problem.fields.length === 0 || unplaced.length > 0) ? list.problem : null;

  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  });
  const openById = useCallback((id: string) => {
    const row = rowsRef.current.find((r) => r.id === id);
    if (!row) return;
    setActiveId(id);
    setOpened(row);
  }, [setActiveId, setOpened]);
  const move = (delta: number) => {
    if (rows.length === 0) return;
    const next = activeIndex < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, activeIndex + delta));
    setActiveId(rows[next]!.id);
  };
  const openActive = () => {
    const row = rows[activeIndex];
    if (!row) return;
    openById(row.id);
    paneRef.current?.focus();
  };
  const jump = (to: 'first' | 'last') => {
    if (rows.length > 0) setActiveId(rows[to === 'first' ? 0 : rows.length - 1]!.id);
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    // Another dialog of the app is open: its keys are its own.
    if (e.target instanceof Element && e.target.closest('[aria-modal="true"]')) return;
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      move(e.key === 'j' ? 1 : -1);
      listRef.current?.focus();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const changeFilter = (field: FilterField, value: string) => setFilters((f) => ({ ...f, [field]: value }));
  const clearFilters = () => setFilters((f) => ({ ...defaultFilters(now, tz), from: f.from, to: f.to }));

  const status = list.offline
    ? null
    : query === null
      ? t('list.fixPeriod')
      : list.loading
        ? t('list.loading')
        : list.total !== null
          ? t('list.total', { count: list.total, total: new Intl.NumberFormat(i18n.language).format(list.total) })
          : '';
  const empty = rows.length > 0 || list.loading ? null : list.offline ? (cached === undefined ? null : t('offline.none')) : query === null || banner ? null : t('list.empty');

  return (
    <div className="review">
      <section className="queue review-column" aria-labelledby="review-title">
        <header className="review-head">
          <h1 id="review-title" className="review-title">
            {t('title')}
          </h1>
          <span className="review-total" role="status" aria-live="polite">
            {status}
          </span>
        </header>
        <CallFilters filters={filters} tz={tz} errors={errors} members={members} playbook={playbook} disabled={list.offline} onChange={changeFilter} onClear={clearFilters} />
        {list.offline ? (
          <div className="review-offline" role="status">
            <p>
              <strong>{cached && cached.length > 0 ? t('offline.banner', { count: cached.length }) : t('offline.title')}</strong>
            </p>
            <p className="field-hint">{t('offline.hint')}</p>
            {online ? (
              <button type="button" className="btn btn-small" onClick={list.retry}>
                {t('offline.retry')}
              </button>
            ) : null}
          </div>
        ) : null}
        {banner ? <ProblemNotice problem={banner} details={unplaced} onRetry={list.retry} /> : null}
        <CallList
          rows={rows}
          label={list.offline ? t('list.offlineLabel') : t('list.label')}
          busy={list.loading}
          loadingMore={list.loadingMore}
          activeIndex={activeIndex}
          openedId={opened?.id ?? null}
          unsynced={unsynced}
          dispositions={playbook.dispositions}
          canLoadMore={!list.offline && list.hasMore && !list.loadingMore && list.moreProblem === null}
          listRef={listRef}
          empty={empty}
          onMove={move}
          onJump={jump}
          onOpenActive={openActive}
          onOpen={openById}
          onNearEnd={list.loadMore}
        />
        {list.moreProblem ? (
          <div className="review-more-problem" role="alert">
            <span>{t('list.moreFailed')}</span>
            <button type="button" className="btn btn-small" onClick={list.loadMore}>
              {t('list.retry')}
            </button>
          </div>
        ) : null}
        <p className="queue-hint">{t('list.keyboardHint')}</p>
      </section>
      <section ref={paneRef} className="lead-panel review-pane" aria-label={t('call.label')} tabIndex={-1}>
        {opened ? (
          <CallPane key={opened.id} server={server} online={online} row={opened} playbook={playbook} tagLabel={tagLabel} headingRef={headingRef} />
        ) : (
          <p className="lead-panel-empty review-none">{t('call.none')}</p>
        )}
      </section>
    </div>
  );
}

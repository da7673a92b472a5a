import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_KINDS, type LeadKind } from '../../../../shared/model/lead';
import type { PhoneRegion } from '../../../../shared/model/phone';
import { useNow } from '../../../app/hooks/useNow';
import { useUiStore } from '../../../state/uiStore';
import { filterKey, useQueue } from '../useQueue';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueRow, optionId } from './QueueRow';
import { useVisibleLeads } from './useVisibleLeads';

const ROW_HEIGHT = 72;

interface LeadQueueProps {
  readonly region: PhoneRegion;
  readonly searchRef: React.RefObject<HTMLInputElement | null>;
  readonly listRef: React.RefObject<HTMLDivElement | null>;
  readonly onOpen: () => void;
  /** Lets app-wide shortcuts (j/k, menu Next/Previous) move the selection. */
  readonly apiRef: React.RefObject<QueueApi | null>;
  readonly tagLabel: (tag: string) => string;
}

export interface QueueApi {
  move(delta: number): void;
}

export function LeadQueue({ region, searchRef, listRef, onOpen, apiRef, tagLabel }: LeadQueueProps) {
  const { t } = useTranslation();
  const view = useUiStore((s) => s.view);
  const search = useUiStore((s) => s.search);
  const filters = useUiStore((s) => s.filters);
  const selectedLeadId = useUiStore((s) => s.selectedLeadId);
  const { setView, setSearch, select } = useUiStore.getState();
  const now = useNow(30_000);
  const [firstRowsShown, setFirstRowsShown] = useState(false);
  const queue = useQueue(view, search, filters, region, now, firstRowsShown);
  const ids = queue.ids ?? [];

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for plain hooks; this component is not compiled by React Compiler.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const visibleIds = items.map((item) => ids[item.index]!).filter(Boolean);
  const rows = useVisibleLeads(visibleIds);
  const shown = queue.ids !== undefined && (ids.length === 0 || rows.size > 0);
  useEffect(() => {
    if (shown) setFirstRowsShown(true);
  }, [shown]);
  const selectedIndex = selectedLeadId ? ids.indexOf(selectedLeadId) : -1;

  // Keep the selected lead in view when it moves by keyboard or the order changes under it.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const move = (delta: number) => {
    if (ids.length === 0) return;
    const next = selectedIndex < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, selectedIndex + delta));
    select(ids[next]!);
  };

  useEffect(() => {
    apiRef.current = { move };
  });

  // With nothing picked yet, the lead to call next is the top of the queue.
  const first = queue.ids?.[0];
  useEffect(() => {
    if (first && useUiStore.getState().selectedLeadId === null && useUiStore.getState().panel.mode === 'view') select(first);
  }, [first, select]);

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      move(step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      if (ids.length > 0) select(ids[e.key === 'Home' ? 0 : ids.length - 1]!);
    } else if (e.key === 'Enter' && selectedLeadId) {
      e.preventDefault();
      onOpen();
    }
  };

  const otherView: LeadKind = view === 'inbound' ? 'outbound' : 'inbound';
  const busy = queue.ids === undefined || queue.answeredSearch !== search || queue.answeredFilters !== filterKey(filters);

  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" className="visually-hidden">
        {t('queue.title')}
      </h2>
      <div className="queue-tabs" role="tablist" aria-label={t('queue.views')}>
        {LEAD_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            id={`queue-tab-${kind}`}
            aria-selected={view === kind}
            aria-controls="queue-list"
            className={`queue-tab${view === kind ? ' is-active' : ''}`}
            onClick={() => setView(kind)}
          >
            {t(`queue.${kind}`)}
            <span className="queue-tab-count">{queue.counts[kind] ?? '…'}</span>
          </button>
        ))}
      </div>
      <div className="queue-search">
        <input
          ref={searchRef}
          type="search"
          className="input"
          aria-label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              if (ids.length > 0 && (selectedIndex < 0 || e.key === 'Enter')) select(ids[0]!);
              listRef.current?.focus();
            } else if (e.key === 'Escape' && search) {
              e.preventDefault();
              setSearch('');
            }
          }}
        />
      </div>
      <QueueFilterBar ready={queue.complete} tagLabel={tagLabel} />
      <div className="queue-status" role="status" aria-live="polite">
        {queue.ids === undefined ? t('queue.loading') : t('queue.count', { count: queue.narrowed ? ids.length : (queue.counts[view] ?? ids.length) })}
        {queue.narrowed && queue.otherViewMatches > 0 ? (
          <button type="button" className="btn btn-small btn-ghost queue-other" onClick={() => setView(otherView)}>
            {t('queue.otherViewMatches', { count: queue.otherViewMatches, view: t(`queue.${otherView}`) })}
          </button>
        ) : null}
      </div>
      <div
        ref={listRef}
        id="queue-list"
        className="queue-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('queue.list')}
        aria-activedescendant={selectedLeadId && selectedIndex >= 0 ? optionId(selectedLeadId) : undefined}
        aria-busy={busy}
        data-results-for={queue.answeredSearch}
        data-filters-for={queue.answeredFilters}
        data-search-index={queue.searchIndexReady ? 'memory' : 'indexeddb'}
        onKeyDown={onListKey}
      >
        {queue.ids !== undefined && ids.length === 0 ? (
          <p className="queue-empty">{queue.narrowed ? t('queue.noMatch') : t('queue.empty')}</p>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids[item.index]!;
            return (
              <div key={id} className="queue-row-slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <QueueRow id={id} lead={rows.get(id)} selected={id === selectedLeadId} now={now} region={region} onSelect={select} />
              </div>
            );
          })}
        </div>
      </div>
      <p className="queue-hint">{t('queue.keyboardHint')}</p>
    </section>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handoff } from '../../../../shared/model/handoff';
import type { ProductLine } from '../../../../shared/model/playbook';
import type { InboxTab } from '../inboxLists';
import { InboxRow, inboxOptionId } from './InboxRow';

const ROW_HEIGHT = 76;
const TABS: readonly InboxTab[] = ['waiting', 'answered'];

interface InboxListProps {
  readonly tab: InboxTab;
  readonly counts: Readonly<Record<InboxTab, number | null>>;
  /** undefined while the first read runs. */
  readonly items: readonly Handoff[] | undefined;
  readonly selectedIndex: number;
  readonly now: number;
  readonly me: string;
  readonly unsynced: ReadonlySet<string>;
  readonly productLines: readonly ProductLine[];
  readonly notice: string | null;
  readonly listRef: RefObject<HTMLDivElement | null>;
  readonly onTab: (tab: InboxTab) => void;
  readonly onSelect: (id: string) => void;
  readonly onMove: (delta: number) => void;
  readonly onJump: (to: 'first' | 'last') => void;
  readonly onOpen: () => void;
}

/** The two tabs and the virtualized list of hand-offs: thousands of rows scroll at frame rate. */
export function InboxList(props: InboxListProps) {
  const { tab, counts, items, selectedIndex, listRef } = props;
  const { t } = useTranslation('inbox');
  const rows = items ?? [];
  const tabRefs = useRef<Partial<Record<InboxTab, HTMLButtonElement | null>>>({});

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for plain hooks; this component is not compiled by React Compiler.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const virtualItems = virtualizer.getVirtualItems();

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const step = ({ ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 } as Partial<Record<string, number>>)[e.key];
    if (step !== undefined) {
      e.preventDefault();
      props.onMove(step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      props.onJump(e.key === 'Home' ? 'first' : 'last');
    } else if (e.key === 'Enter' && selectedIndex >= 0) {
      e.preventDefault();
      props.onOpen();
    }
  };

  // Tabs follow the ARIA pattern: arrows move between them, the active one is the tab stop.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    props.onTab(next);
    tabRefs.current[next]?.focus();
  };

  const selected = rows[selectedIndex];
  return (
    <section className="queue inbox-list" aria-labelledby="inbox-title">
      <h2 id="inbox-title" className="visually-hidden">
        {t('title')}
      </h2>
      <div className="queue-tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`inbox-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="inbox-listbox"
            tabIndex={tab === name ? 0 : -1}
            className={`queue-tab${tab === name ? ' is-active' : ''}`}
            onClick={() => props.onTab(name)}
            onKeyDown={onTabKey}
          >
            {t(`tabs.${name}`)}
            <span className="queue-tab-count">{counts[name] ?? '…'}</span>
          </button>
        ))}
      </div>
      <div className="queue-status" role="status" aria-live="polite">
        {props.notice ?? (items === undefined ? t('list.loading') : t('list.count', { count: rows.length }))}
      </div>
      <div
        ref={listRef}
        id="inbox-listbox"
        className="queue-list"
        role="listbox"
        tabIndex={0}
        aria-label={t(`list.${tab}`)}
        aria-activedescendant={selected ? inboxOptionId(selected.id) : undefined}
        aria-busy={items === undefined}
        onKeyDown={onListKey}
      >
        {items !== undefined && rows.length === 0 ? <p className="queue-empty">{tab === 'waiting' ? t('list.emptyWaiting') : t('list.emptyAnswered')}</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((item) => {
            const handoff = rows[item.index];
            if (!handoff) return null;
            return (
              <div key={handoff.id} className="queue-row-slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <InboxRow
                  handoff={handoff}
                  selected={item.index === selectedIndex}
                  now={props.now}
                  me={props.me}
                  unsynced={props.unsynced.has(handoff.id)}
                  productLines={props.productLines}
                  onSelect={props.onSelect}
                />
              </div>
            );
          })}
        </div>
      </div>
      <p className="queue-hint">{t('list.keyboardHint')}</p>
    </section>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCallRow } from '../../../../shared/api/review';
import type { Disposition } from '../../../../shared/model/playbook';
import type { Review } from '../../../../shared/model/review';
import { reviewMark } from '../reviewMark';
import { CallRow, callOptionId } from './CallRow';

const ROW_HEIGHT = 78;
/** Ask for the next page while this many rows are still below the viewport. */
const PREFETCH_ROWS = 10;

interface CallListProps {
  readonly rows: readonly ReviewCallRow[];
  readonly label: string;
  /** The first page is loading. */
  readonly busy: boolean;
  readonly loadingMore: boolean;
  readonly activeIndex: number;
  readonly openedId: string | null;
  readonly unsynced: ReadonlyMap<string, readonly Review[]>;
  readonly dispositions: readonly Disposition[];
  /** The next page can be asked for now. */
  readonly canLoadMore: boolean;
  readonly listRef: RefObject<HTMLDivElement | null>;
  readonly empty: string | null;
  readonly onMove: (delta: number) => void;
  readonly onJump: (to: 'first' | 'last') => void;
  readonly onOpenActive: () => void;
  readonly onOpen: (id: string) => void;
  readonly onNearEnd: () => void;
}

/** The calls as a virtualized listbox: thousands of rows scroll at frame rate, pages load as it nears the end. */
export function CallList(props: CallListProps) {
  const { rows, activeIndex, listRef, canLoadMore, onNearEnd } = props;
  const { t } = useTranslation('review');

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for plain hooks; this component is not compiled by React Compiler.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastShown = virtualItems[virtualItems.length - 1]?.index ?? -1;

  const nearEnd = useEffectEvent(() => onNearEnd());
  useEffect(() => {
    if (canLoadMore && lastShown >= rows.length - PREFETCH_ROWS) nearEnd();
  }, [canLoadMore, lastShown, rows.length]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const step = ({ ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: 10, PageUp: -10 } as Partial<Record<string, number>>)[e.key];
    if (step !== undefined) {
      e.preventDefault();
      // j/k are also window shortcuts: handled here, they must not move twice.
      e.stopPropagation();
      props.onMove(step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      props.onJump(e.key === 'Home' ? 'first' : 'last');
    } else if (e.key === 'Enter' && activeIndex >= 0) {
      e.preventDefault();
      props.onOpenActive();
    }
  };

  const active = rows[activeIndex];
  return (
    <div
      ref={listRef}
      className="queue-list review-list"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={active ? callOptionId(active.id) : undefined}
      aria-busy={props.busy}
      onKeyDown={onKey}
    >
      {props.empty !== null ? <p className="queue-empty">{props.empty}</p> : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const mark = reviewMark(row, props.unsynced.get(row.id));
          return (
            <div key={row.id} className="queue-row-slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <CallRow
                row={row}
                active={item.index === activeIndex}
                opened={row.id === props.openedId}
                reviewed={mark.reviewed}
                lastScore={mark.lastScore}
                dispositions={props.dispositions}
                onOpen={props.onOpen}
              />
            </div>
          );
        })}
      </div>
      {props.loadingMore ? <p className="queue-empty">{t('list.loadingMore')}</p> : null}
    </div>
  );
}

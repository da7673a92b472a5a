import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import type { LeadRow } from '../../../db';
import { leadsByIds } from '../queries';

/**
 * Rows for the ids on screen, read live so an edit shows at once. Rows read before are kept while a
 * new window loads, so scrolling never flashes empty rows.
 */
export function useVisibleLeads(ids: readonly string[]): ReadonlyMap<string, LeadRow> {
  const cache = useRef(new Map<string, LeadRow>());
  const key = ids.join(',');
  const rows = useLiveQuery(() => leadsByIds(ids), [key]);
  if (rows) {
    const next = new Map<string, LeadRow>();
    for (const id of ids) {
      const fresh = rows.find((r) => r?.id === id);
      const known = fresh ?? cache.current.get(id);
      if (known) next.set(id, known);
    }
    cache.current = next;
  }
  return cache.current;
}

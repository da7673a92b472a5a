import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LeadRow } from '../../../db';
import { leadsByIds } from '../queries';

/**
 * Rows for the ids on screen (plus overscan), read live so an edit shows at once. useLiveQuery
 * keeps the previous window's rows until the new read lands, and consecutive windows overlap, so
 * scrolling does not flash empty rows.
 */
export function useVisibleLeads(ids: readonly string[]): ReadonlyMap<string, LeadRow> {
  const key = ids.join(',');
  const rows = useLiveQuery(() => leadsByIds(ids), [key]);
  return useMemo(() => new Map((rows ?? []).flatMap((row) => (row ? [[row.id, row] as const] : []))), [rows]);
}

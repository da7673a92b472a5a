import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../reportColumns';
import { sortRows, type SortDirection } from '../sortRows';

export interface SortState {
  readonly column: string;
  readonly direction: SortDirection;
}

export interface TableSort<Row> {
  readonly rows: readonly Row[];
  readonly sort: SortState | null;
  readonly onSort: (column: string) => void;
}

/**
 * A table's sort, kept by the card so the CSV export follows the order on screen. A new column
 * starts with the biggest numbers first (who leads) or names A–Z; a second click reverses it.
 */
export function useTableSort<Row>(columns: readonly Column<Row>[], rows: readonly Row[], initial: SortState | null): TableSort<Row> {
  const { i18n } = useTranslation();
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
    return sort && column ? sortRows(rows, column.value, sort.direction, i18n.language) : rows;
  }, [columns, rows, sort, i18n.language]);
  const onSort = (id: string) => {
    const column = columns.find((c) => c.id === id);
    if (!column) return;
    setSort((current) =>
      current?.column === id
        ? { column: id, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column: id, direction: column.kind === 'text' ? 'ascending' : 'descending' },
    );
  };
  return { rows: sorted, sort, onSort };
}

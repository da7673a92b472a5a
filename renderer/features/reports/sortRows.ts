import type { CellValue } from './reportColumns';

export type SortDirection = 'ascending' | 'descending';

/** A stable sort on one value; missing values go last whichever way, as they compare to nothing. */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => CellValue, direction: SortDirection, language: string): Row[] {
  const collator = new Intl.Collator(language, { numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map((entry) => entry.row);
}

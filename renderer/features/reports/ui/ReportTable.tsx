import { useTranslation } from 'react-i18next';
import { cellText, type CellKind, type Column } from '../reportColumns';
import type { SortState } from './useTableSort';
import { useReportFormat } from './useReportFormat';

interface ReportTableProps<Row> {
  /** The id of the card title that names the table. */
  readonly labelledBy: string;
  readonly name: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** Rows kept at the bottom whatever the sort: the team's total. */
  readonly totals?: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly empty: string;
  /** Absent: the table is not sortable. */
  readonly sort?: { readonly state: SortState | null; readonly onSort: (column: string) => void };
  readonly highlighted?: (row: Row) => boolean;
  /** A table beside a chart stops at a few rows' height and scrolls inside its card. */
  readonly capped?: boolean;
}

const alignEnd = (kind: CellKind) => kind !== 'text' && kind !== 'date';
const cellClass = <Row,>(column: Column<Row>) => (alignEnd(column.kind) ? 'is-num' : column.wide ? 'is-wide' : undefined);

/** One of the reports' tables: the numbers screen readers, tests and the CSV export all read. */
export function ReportTable<Row>({ labelledBy, name, columns, rows, totals = [], rowKey, empty, sort, highlighted, capped = false }: ReportTableProps<Row>) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();

  const cells = (row: Row) =>
    columns.map((column, index) => {
      const content = (
        <>
          {cellText(column.kind, column.value(row), format)}
          {column.extra?.(row)}
        </>
      );
      const className = cellClass(column);
      return index === 0 ? (
        <th key={column.id} scope="row" className={className}>
          {content}
        </th>
      ) : (
        <td key={column.id} className={className}>
          {content}
        </td>
      );
    });

  return (
    <div className={capped ? 'report-table-scroll is-capped' : 'report-table-scroll'} tabIndex={0} role="region" aria-label={t('table.scroll', { name })}>
      <table className="report report-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction = sort?.state?.column === column.id ? sort.state.direction : undefined;
              return (
                <th key={column.id} scope="col" aria-sort={direction} className={cellClass(column)}>
                  {sort ? (
                    <button type="button" className="report-sort" onClick={() => sort.onSort(column.id)}>
                      {column.label}
                      <span className="report-sort-mark" aria-hidden="true">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="report-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className={highlighted?.(row) ? 'is-highlighted' : undefined}>
                {cells(row)}
              </tr>
            ))
          )}
        </tbody>
        {totals.length > 0 ? (
          <tfoot>
            {totals.map((row) => (
              <tr key={rowKey(row)} className="report-total">
                {cells(row)}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

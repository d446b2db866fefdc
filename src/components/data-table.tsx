import type { ReactNode } from 'react';
import { formatCount } from '../lib/format.ts';
import './data-table.css';

export type DataTableColumn<K extends string = string> = {
  /** Column header text. */
  header: string;
  /** Names the column for sorting (`sort`); defaults to the header. */
  key?: K;
  /** Right-align numbers. */
  numeric?: boolean;
  /** A class for the column's body cells. */
  className?: string;
};

/** A cell: numbers are shown as counts (1,234), anything else as given. */
export type DataTableCell = ReactNode;

export type DataTableRow = {
  /** Stable row key; the value the row stands for when its header is a toggle. */
  key: string;
  /** One cell per column; the first one is the row header. */
  cells: readonly DataTableCell[];
};

export type DataTableSort<K extends string = string> = {
  column: K;
  direction: 'asc' | 'desc';
  onSort: (column: K) => void;
};

export type DataTableProps<K extends string = string> = {
  id?: string;
  caption: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  columns: readonly DataTableColumn<K>[];
  rows: readonly DataTableRow[];
  /** Optional last row (e.g. totals), rendered in a <tfoot>. */
  footer?: readonly DataTableCell[];
  /** Each row header is a toggle button (aria-pressed) for the row's key. */
  toggle?: { selected: readonly string[]; onToggle: (key: string) => void };
  /** Column headers are sort buttons; the sorted one has aria-sort. */
  sort?: DataTableSort<K>;
  /** One full-width row shown when there are no rows. */
  empty?: ReactNode;
  /** Body cells carry their column's header in data-label (for card layouts). */
  labelCells?: boolean;
  className?: string;
  'aria-describedby'?: string;
};

function show(cell: DataTableCell): ReactNode {
  return typeof cell === 'number' ? formatCount(cell) : cell;
}

function cellClass(column: DataTableColumn | undefined, extra?: string): string | undefined {
  const classes = [column?.numeric ? 'data-table-num' : undefined, extra].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

function keyOf<K extends string>(column: DataTableColumn<K>): K {
  return column.key ?? (column.header as K);
}

function SortHeader<K extends string>({
  column,
  sort,
}: {
  column: DataTableColumn<K>;
  sort: DataTableSort<K>;
}) {
  const key = keyOf(column);
  const direction = sort.column === key ? sort.direction : null;
  const ariaSort =
    direction === null ? undefined : direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={ariaSort} className={cellClass(column)}>
      <button type="button" className="data-table-sort" onClick={() => sort.onSort(key)}>
        {column.header}
        <span className="data-table-sort-icon" aria-hidden="true">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The one accessible data table: a caption, column headers (scope="col"), row headers (the first
 * cell, scope="row"), right-aligned numbers, an optional footer, and optionally toggle-button row
 * headers (aria-pressed) or sort-button column headers (aria-sort).
 */
export function DataTable<K extends string = string>({
  id,
  caption,
  captionHidden,
  columns,
  rows,
  footer,
  toggle,
  sort,
  empty,
  labelCells,
  className,
  'aria-describedby': describedBy,
}: DataTableProps<K>) {
  return (
    <div className="data-table-scroll">
      <table
        id={id}
        className={className ? `data-table ${className}` : 'data-table'}
        aria-describedby={describedBy}
      >
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              sort ? (
                <SortHeader key={keyOf(column)} column={column} sort={sort} />
              ) : (
                <th key={keyOf(column)} scope="col" className={cellClass(column)}>
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => {
                  const column = columns[index];
                  if (index > 0) {
                    return (
                      <td
                        key={index}
                        className={cellClass(column, column?.className)}
                        data-label={labelCells ? column?.header : undefined}
                      >
                        {show(cell)}
                      </td>
                    );
                  }
                  return (
                    <th key={index} scope="row" className={cellClass(column, column?.className)}>
                      {toggle ? (
                        <button
                          type="button"
                          className="data-table-toggle"
                          aria-pressed={toggle.selected.includes(row.key)}
                          onClick={() => toggle.onToggle(row.key)}
                        >
                          {show(cell)}
                        </button>
                      ) : (
                        show(cell)
                      )}
                    </th>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
        {footer ? (
          <tfoot>
            <tr>
              {footer.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {show(cell)}
                  </th>
                ) : (
                  <td key={index} className={cellClass(columns[index])}>
                    {show(cell)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

import type { ReactNode } from 'react';
import { formatCount } from '../lib/format.ts';

export type DataTableColumn = {
  /** Column header text. */
  header: string;
  /** Right-align numbers. */
  numeric?: boolean;
};

export type DataTableProps = {
  id?: string;
  caption: ReactNode;
  columns: readonly DataTableColumn[];
  /** One array of cells per row; the first cell is the row header. */
  rows: readonly (readonly (string | number)[])[];
  /** Optional last row (e.g. totals), rendered in a <tfoot>. */
  footer?: readonly (string | number)[];
};

function Cells({
  cells,
  columns,
}: {
  cells: readonly (string | number)[];
  columns: readonly DataTableColumn[];
}) {
  return cells.map((cell, index) => {
    const numeric = columns[index]?.numeric === true;
    const className = numeric ? 'num' : undefined;
    const text = typeof cell === 'number' ? formatCount(cell) : cell;
    return index === 0 ? (
      <th key={index} scope="row" className={className}>
        {text}
      </th>
    ) : (
      <td key={index} className={className}>
        {text}
      </td>
    );
  });
}

/** A plain, accessible data table with a caption, column headers and row headers. */
export function DataTable({ id, caption, columns, rows, footer }: DataTableProps) {
  return (
    <div className="table-scroll">
      <table id={id} className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${String(row[0])}-${index}`}>
              <Cells cells={row} columns={columns} />
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr>
              <Cells cells={footer} columns={columns} />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

import { useId, useState, type ReactNode } from 'react';
import { DataTable, type DataTableProps } from './data-table.tsx';

export type ChartPanelProps = {
  title: string;
  /** One short sentence under the title: what is counted and how. */
  description?: ReactNode;
  /** The chart itself. Give its SVG role="img" and an aria-label summarising it. */
  children: ReactNode;
  /** The same numbers as a table, revealed by the "Show data table" toggle. */
  table: Omit<DataTableProps, 'id'>;
  className?: string;
};

/**
 * A titled chart panel: a section named by its heading, the chart, and a toggle that reveals the
 * chart's numbers as a real table (for screen readers, keyboard users and anyone who wants the figures).
 */
export function ChartPanel({ title, description, children, table, className }: ChartPanelProps) {
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {title}
      </h2>
      {description ? <p className="panel-description">{description}</p> : null}
      <div className="chart">{children}</div>
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {showTable ? 'Hide data table' : 'Show data table'}
      </button>
      <div id={tableId} hidden={!showTable}>
        {showTable ? <DataTable {...table} /> : null}
      </div>
    </section>
  );
}

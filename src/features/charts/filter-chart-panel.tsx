import { useContext, useId, useRef, useState, type ReactNode } from 'react';
import { ChartActions } from '../../components/chart-actions.tsx';
import { ChartDataDateContext } from '../../components/chart-source.tsx';
import {
  DataTable,
  type DataTableCell,
  type DataTableColumn,
  type DataTableRow,
} from '../../components/data-table.tsx';
import {
  useElementWidth,
  useHeldWhileAway,
  useNearViewport,
} from '../../components/use-near-viewport.ts';
import { chartSourceLine } from '../../domain/export/provenance.ts';
import { FIRST_SCREEN } from '../../lib/first-screen.ts';
import { ChartWidthContext, chartDrawingsAfterFirstScreen } from './chart-drawings.tsx';

export type CrossFilter = {
  /** Values currently selected in the matching filter. */
  selected: readonly string[];
  /** Toggle one value (a bar click, or the row's button in the data table). */
  onToggle: (key: string) => void;
};

export type FilterChartPanelProps = {
  /** The panel's name (its heading, stable: "Trials by disease"). */
  title: string;
  /** The title that states the finding for the current filters ("Multiple sclerosis leads: …"). */
  finding?: string | undefined;
  /** What the numbers are ("Number of trials"), first in the line under the title. */
  unit?: string;
  /** Trials the chart is about, for its source line. */
  count?: number;
  /** One line shown instead of the chart when it has nothing to show. */
  empty?: string | undefined;
  description?: ReactNode;
  /** The chart. Give its SVG role="img" and an aria-label summarising it. */
  children: ReactNode;
  /** Height of the drawing in pixels, kept free while it loads or waits to be drawn (nothing shifts). */
  drawingHeight?: number;
  table: {
    caption: string;
    columns: readonly DataTableColumn[];
    rows: readonly DataTableRow[];
    footer?: readonly DataTableCell[];
  };
  /** When given, each row header of the data table is a toggle button (the keyboard path to cross-filtering). */
  filter?: CrossFilter;
  /** Always show the table (for panels that are a table). */
  tableOnly?: boolean;
  className?: string;
};

function PanelTable({ table, filter }: Pick<FilterChartPanelProps, 'table' | 'filter'>) {
  return <DataTable {...table} {...(filter ? { toggle: filter } : {})} />;
}

/**
 * A titled chart panel whose data table (components/data-table) doubles as the keyboard
 * route to cross-filtering: every row header is a toggle button with aria-pressed.
 */
export function FilterChartPanel({
  title,
  finding,
  unit,
  count,
  empty,
  description,
  children,
  drawingHeight,
  table,
  filter,
  tableOnly,
  className,
}: FilterChartPanelProps) {
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(chartRef, undefined, chartDrawingsAfterFirstScreen);
  // Far off-screen, the chart keeps its drawing until it comes near (or the page is idle or printed):
  // a filter click repaints the charts on screen first.
  const drawing = useHeldWhileAway(chartRef, children, near);
  const width = useElementWidth(chartRef, !tableOnly && !empty);
  const dataAsOf = useContext(ChartDataDateContext);
  const source = count === undefined ? undefined : chartSourceLine(dataAsOf, count);
  const subtitle =
    unit && typeof description === 'string' ? `${unit}. ${description}` : (unit ?? undefined);
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={headingId}
      // Focus in the panel (its table buttons, downloads) brings a held drawing up to date first.
      onFocus={drawing.refresh}
    >
      <h2 id={headingId} className="panel-title" elementtiming={FIRST_SCREEN}>
        {title}
      </h2>
      {finding && !empty ? <p className="panel-finding">{finding}</p> : null}
      {unit || description ? (
        <p className="panel-description">
          {unit ? <span className="panel-unit">{unit}.</span> : null} {description}
        </p>
      ) : null}
      {tableOnly ? (
        <PanelTable table={table} {...(filter ? { filter } : {})} />
      ) : empty ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <>
          <div
            className={
              near ? (drawing.stale ? 'chart chart-stale' : 'chart') : 'chart chart-pending'
            }
            ref={chartRef}
            style={drawingHeight === undefined ? undefined : { minHeight: drawingHeight }}
            aria-busy={drawing.stale || undefined}
          >
            {near ? <ChartWidthContext value={width}>{drawing.shown}</ChartWidthContext> : null}
          </div>
          {source ? <p className="chart-source">{source}</p> : null}
          <ChartActions
            title={title}
            chart={chartRef}
            finding={finding}
            subtitle={subtitle}
            source={source}
          />
          {filter ? (
            <p className="panel-hint">
              Select a bar to filter by it; the data table has the same choices as buttons.
            </p>
          ) : null}
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
            {showTable ? <PanelTable table={table} {...(filter ? { filter } : {})} /> : null}
          </div>
        </>
      )}
    </section>
  );
}

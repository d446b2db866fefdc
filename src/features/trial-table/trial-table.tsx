import { useCallback, useId, useMemo, useState, type MouseEvent } from 'react';
import { ChangeBadge } from '../../components/change-badge.tsx';
import type { TrialChangeMark } from '../../domain/changes.ts';
import { designSummary } from '../../domain/design-facets.ts';
import { DISEASE_LABELS } from '../../domain/diseases.ts';
import {
  PHASE_LABELS,
  siteStatusLabel,
  THERAPY_LABELS,
  TRANSPLANT_TYPE_LABELS,
  type Trial,
} from '../../domain/trial.ts';
import { formatCount, formatDate, pluralize } from '../../lib/format.ts';
import {
  serializeUrlState,
  useSelectedTrial,
  useTableSort,
  useTrialFilters,
  useView,
  type SortColumn,
  type SortDirection,
} from '../../state/url-state.ts';
import { sortTrials } from './sort-trials.ts';
import './trial-table.css';

export type TrialTableProps = {
  trials: Trial[];
  /** New / changed since the last visit, by NCT id: a badge in the title cell. */
  changes?: ReadonlyMap<string, TrialChangeMark>;
};

export const PAGE_SIZES = [25, 50, 100, 250] as const;
const DEFAULT_PAGE_SIZE = 50;
const MAX_COUNTRIES_SHOWN = 3;

type Column = {
  id: SortColumn;
  header: string;
  numeric?: boolean;
  firstDirection: SortDirection;
  /** Shown until the reader hides it in the "Columns" picker; the others start hidden. */
  shownByDefault: boolean;
};

const COLUMNS: readonly Column[] = [
  { id: 'nctId', header: 'NCT id', firstDirection: 'asc', shownByDefault: true },
  { id: 'title', header: 'Title', firstDirection: 'asc', shownByDefault: true },
  { id: 'diseases', header: 'Diseases', firstDirection: 'asc', shownByDefault: true },
  {
    id: 'therapy',
    header: 'Therapy and transplant type',
    firstDirection: 'asc',
    shownByDefault: true,
  },
  { id: 'phase', header: 'Phase', firstDirection: 'asc', shownByDefault: true },
  { id: 'status', header: 'Status', firstDirection: 'asc', shownByDefault: true },
  { id: 'start', header: 'Start', firstDirection: 'desc', shownByDefault: true },
  {
    id: 'enrollment',
    header: 'Enrollment',
    numeric: true,
    firstDirection: 'desc',
    shownByDefault: true,
  },
  { id: 'sponsor', header: 'Sponsor', firstDirection: 'asc', shownByDefault: false },
  { id: 'countries', header: 'Countries', firstDirection: 'asc', shownByDefault: false },
  { id: 'design', header: 'Design', firstDirection: 'asc', shownByDefault: false },
];

/**
 * The link of a trial's detail: the current query string (filters, view, sort, and any parameter
 * this page does not own, such as embed=1) plus trial=NCT….
 */
function useTrialHref(): (nctId: string) => string {
  const [filters] = useTrialFilters();
  const [view] = useView();
  const [sort] = useTableSort();
  return useCallback(
    (nctId: string) => {
      const base = typeof window === 'undefined' ? '' : window.location.search;
      const search = serializeUrlState(base, { ...filters, view, sort, trial: nctId });
      return search === '' ? '?' : search;
    },
    [filters, view, sort],
  );
}

function countriesText(countries: readonly string[]): string {
  if (countries.length <= MAX_COUNTRIES_SHOWN) return countries.join(', ');
  const more = countries.length - MAX_COUNTRIES_SHOWN;
  return `${countries.slice(0, MAX_COUNTRIES_SHOWN).join(', ')} +${more} more`;
}

function enrollmentText(trial: Trial): string {
  if (trial.enrollment === undefined) return '';
  const count = formatCount(trial.enrollment.count);
  return trial.enrollment.type === 'ESTIMATED' ? `${count} (est.)` : count;
}

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

function SortHeader({
  column,
  direction,
  onSort,
}: {
  column: Column;
  direction: SortDirection | null;
  onSort: (column: Column) => void;
}) {
  const ariaSort =
    direction === null ? undefined : direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={ariaSort} className={column.numeric ? 'num' : undefined}>
      <button type="button" className="trial-table-sort" onClick={() => onSort(column)}>
        {column.header}
        <span className="trial-table-sort-icon" aria-hidden="true">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The content of one trial's cell in a column. */
function cellContent(id: SortColumn, trial: Trial, change: TrialChangeMark | undefined) {
  switch (id) {
    case 'nctId':
      return trial.nctId;
    case 'title':
      return (
        <>
          {trial.title}
          {trial.acronym !== undefined ? (
            <span className="trial-table-muted"> ({trial.acronym})</span>
          ) : null}
          {change !== undefined ? (
            <ChangeBadge kind={change.mark} details={change.changes.map((c) => c.text)} />
          ) : null}
        </>
      );
    case 'diseases':
      return trial.diseases.length > 0
        ? trial.diseases.map((d) => DISEASE_LABELS[d]).join(', ')
        : '—';
    case 'therapy':
      return (
        <>
          {THERAPY_LABELS[trial.therapy]}
          <span className="trial-table-muted">
            {' · '}
            {TRANSPLANT_TYPE_LABELS[trial.transplantType]}
          </span>
        </>
      );
    case 'phase':
      return PHASE_LABELS[trial.phase];
    case 'status':
      return siteStatusLabel(trial.status);
    case 'start':
      return trial.startDate !== undefined ? formatDate(trial.startDate) : '';
    case 'enrollment':
      return enrollmentText(trial);
    case 'sponsor':
      return trial.sponsor?.name ?? '';
    case 'countries':
      return countriesText(trial.countries);
    case 'design':
      return designSummary(trial.design) || '—';
  }
}

const CELL_CLASSES: Partial<Record<SortColumn, string>> = {
  title: 'trial-table-title',
  enrollment: 'num',
};

function Row({
  trial,
  columns,
  href,
  onOpen,
  change,
}: {
  trial: Trial;
  columns: readonly Column[];
  href: string;
  onOpen: (event: MouseEvent<HTMLAnchorElement>, nctId: string) => void;
  change?: TrialChangeMark | undefined;
}) {
  return (
    <tr>
      <th scope="row">
        <a href={href} onClick={(event) => onOpen(event, trial.nctId)}>
          {trial.nctId}
        </a>
      </th>
      {columns
        .filter((column) => column.id !== 'nctId')
        .map((column) => (
          // data-label names the field when a narrow screen shows the row as a card.
          <td key={column.id} className={CELL_CLASSES[column.id]} data-label={column.header}>
            {cellContent(column.id, trial, change)}
          </td>
        ))}
    </tr>
  );
}

function ColumnPicker({
  shown,
  locked,
  onToggle,
}: {
  shown: ReadonlySet<SortColumn>;
  locked: SortColumn;
  onToggle: (id: SortColumn, show: boolean) => void;
}) {
  return (
    <fieldset className="trial-table-columns">
      <legend>Columns</legend>
      {COLUMNS.filter((column) => column.id !== 'nctId').map((column) => (
        <label key={column.id}>
          <input
            type="checkbox"
            checked={shown.has(column.id) || column.id === locked}
            disabled={column.id === locked}
            onChange={(event) => onToggle(column.id, event.target.checked)}
          />
          {column.header}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The trials as a sortable, paginated table named "Trials". Sort lives in the URL (sort=); each row
 * links to the trial detail (trial=NCT…), a real link that also opens in a new tab.
 */
export function TrialTable({ trials, changes }: TrialTableProps) {
  const [sort, setSort] = useTableSort();
  const [, setSelectedTrial] = useSelectedTrial();
  const trialHref = useTrialHref();
  const [pageSize, setPageSize] = useState<number>(DEFAULT_PAGE_SIZE);
  const [requestedPage, setPage] = useState(0);
  // A different result set (the filters changed) starts again at the first page.
  const resultSignature = `${trials.length}:${trials[0]?.nctId ?? ''}:${trials.at(-1)?.nctId ?? ''}`;
  const [pagedSignature, setPagedSignature] = useState(resultSignature);
  if (pagedSignature !== resultSignature) {
    setPagedSignature(resultSignature);
    setPage(0);
  }
  const [shownIds, setShownIds] = useState<ReadonlySet<SortColumn>>(
    () => new Set(COLUMNS.filter((column) => column.shownByDefault).map((column) => column.id)),
  );
  // The NCT id links each row, and the sorted column always shows what the order is by.
  const columns = COLUMNS.filter(
    (column) => column.id === 'nctId' || column.id === sort.column || shownIds.has(column.id),
  );
  const onToggleColumn = (id: SortColumn, show: boolean) => {
    const next = new Set(shownIds);
    if (show) next.add(id);
    else next.delete(id);
    setShownIds(next);
  };
  const pageSizeId = useId();
  const summaryId = useId();

  const sorted = useMemo(
    () => sortTrials(trials, sort.column, sort.direction),
    [trials, sort.column, sort.direction],
  );
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(requestedPage, pageCount - 1);
  const first = page * pageSize;
  const rows = sorted.slice(first, first + pageSize);

  const onSort = (column: Column) => {
    const direction =
      sort.column === column.id
        ? sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : column.firstDirection;
    setSort({ column: column.id, direction });
    setPage(0);
  };

  const onOpen = (event: MouseEvent<HTMLAnchorElement>, nctId: string) => {
    if (!isPlainClick(event)) return; // new tab / window: let the browser follow the link
    event.preventDefault();
    setSelectedTrial(nctId);
  };

  const summary =
    sorted.length === 0
      ? 'No trials match the filters.'
      : `Showing ${formatCount(first + 1)}–${formatCount(first + rows.length)} of ${pluralize(sorted.length, 'trial')}`;

  return (
    <div className="trial-table">
      <ColumnPicker shown={shownIds} locked={sort.column} onToggle={onToggleColumn} />
      <div className="table-scroll">
        <table className="data-table trial-table-grid" aria-describedby={summaryId}>
          <caption>Trials</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <SortHeader
                  key={column.id}
                  column={column}
                  direction={sort.column === column.id ? sort.direction : null}
                  onSort={onSort}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>No trials match the filters.</td>
              </tr>
            ) : (
              rows.map((trial) => (
                <Row
                  key={trial.nctId}
                  trial={trial}
                  columns={columns}
                  href={trialHref(trial.nctId)}
                  onOpen={onOpen}
                  change={changes?.get(trial.nctId)}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="trial-table-footer">
        <p id={summaryId} className="trial-table-summary" role="status">
          {summary}
        </p>
        <div className="trial-table-page-size">
          <label htmlFor={pageSizeId}>Rows per page</label>
          <select
            id={pageSizeId}
            value={pageSize}
            onChange={(event) => {
              setPageSize(Number(event.target.value));
              setPage(0);
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        {pageCount > 1 ? (
          <nav className="trial-table-pages" aria-label="Trial table pages">
            <button
              type="button"
              className="button button-quiet"
              disabled={page === 0}
              onClick={() => setPage(0)}
            >
              First
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>
            <span className="trial-table-page-number">
              Page {formatCount(page + 1)} of {formatCount(pageCount)}
            </span>
            <button
              type="button"
              className="button button-quiet"
              disabled={page >= pageCount - 1}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={page >= pageCount - 1}
              onClick={() => setPage(pageCount - 1)}
            >
              Last
            </button>
          </nav>
        ) : null}
      </div>
    </div>
  );
}

import { useCallback, useId, useMemo, useState, type MouseEvent } from 'react';
import { ChangeBadge } from '../../components/change-badge.tsx';
import { DataTable, type DataTableColumn } from '../../components/data-table.tsx';
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

type Column = DataTableColumn<SortColumn> & {
  key: SortColumn;
  firstDirection: SortDirection;
  /** Shown until the reader hides it in the "Columns" picker; the others start hidden. */
  shownByDefault: boolean;
};

const COLUMNS: readonly Column[] = [
  { key: 'nctId', header: 'NCT id', firstDirection: 'asc', shownByDefault: true },
  {
    key: 'title',
    header: 'Title',
    className: 'trial-table-title',
    firstDirection: 'asc',
    shownByDefault: true,
  },
  { key: 'diseases', header: 'Diseases', firstDirection: 'asc', shownByDefault: true },
  {
    key: 'therapy',
    header: 'Therapy and transplant type',
    firstDirection: 'asc',
    shownByDefault: true,
  },
  { key: 'phase', header: 'Phase', firstDirection: 'asc', shownByDefault: true },
  { key: 'status', header: 'Status', firstDirection: 'asc', shownByDefault: true },
  { key: 'start', header: 'Start', firstDirection: 'desc', shownByDefault: true },
  {
    key: 'enrollment',
    header: 'Enrollment',
    numeric: true,
    firstDirection: 'desc',
    shownByDefault: true,
  },
  { key: 'sponsor', header: 'Sponsor', firstDirection: 'asc', shownByDefault: false },
  { key: 'countries', header: 'Countries', firstDirection: 'asc', shownByDefault: false },
  { key: 'design', header: 'Design', firstDirection: 'asc', shownByDefault: false },
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
      {COLUMNS.filter((column) => column.key !== 'nctId').map((column) => (
        <label key={column.key}>
          <input
            type="checkbox"
            checked={shown.has(column.key) || column.key === locked}
            disabled={column.key === locked}
            onChange={(event) => onToggle(column.key, event.target.checked)}
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
    () => new Set(COLUMNS.filter((column) => column.shownByDefault).map((column) => column.key)),
  );
  // The NCT id links each row, and the sorted column always shows what the order is by.
  const columns = COLUMNS.filter(
    (column) => column.key === 'nctId' || column.key === sort.column || shownIds.has(column.key),
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

  const onSort = (key: SortColumn) => {
    const column = COLUMNS.find((c) => c.key === key);
    if (column === undefined) return;
    const direction =
      sort.column === column.key
        ? sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : column.firstDirection;
    setSort({ column: column.key, direction });
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
      <DataTable
        className="trial-table-grid"
        aria-describedby={summaryId}
        caption="Trials"
        columns={columns}
        sort={{ ...sort, onSort }}
        labelCells
        empty="No trials match the filters."
        rows={rows.map((trial) => ({
          key: trial.nctId,
          cells: [
            <a href={trialHref(trial.nctId)} onClick={(event) => onOpen(event, trial.nctId)}>
              {trial.nctId}
            </a>,
            ...columns
              .filter((column) => column.key !== 'nctId')
              .map((column) => cellContent(column.key, trial, changes?.get(trial.nctId))),
          ],
        }))}
      />
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

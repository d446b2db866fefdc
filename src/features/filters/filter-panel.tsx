import { memo, useDeferredValue, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import {
  FILTER_KEYS,
  FILTER_SCHEMA,
  type FlagFilterKey,
  type ListFilterKey,
} from '../../domain/filter-schema.ts';
import { facetCounts, type FacetCounts, type TrialFilters } from '../../domain/filters.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount, pluralWord } from '../../lib/format.ts';
import './filters.css';

export type FilterChange = (
  next: Partial<TrialFilters>,
  options?: { history?: 'push' | 'replace' },
) => void;

export type FilterPanelProps = {
  /** All loaded trials (the panel counts facets itself). */
  trials: readonly Trial[];
  filters: TrialFilters;
  onChange: FilterChange;
};

type Option = { value: string; label: string };

/**
 * One option: a native checkbox (keyboard, form semantics and screen readers for free, and cheap to
 * render: the panel has a hundred of them) drawn as the styled box next to it.
 */
function FacetCheckbox({
  value,
  checked,
  onChange,
  className = 'filters-facet-option',
  children,
}: {
  /** The option's value (also the input's form value). */
  value?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        className="filters-facet-input"
        {...(value === undefined ? {} : { value })}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="filters-facet-box" aria-hidden="true" />
      {children}
    </label>
  );
}

function FacetCount({ n }: { n: number }) {
  return (
    <span
      className={n === 0 ? 'filters-facet-count filters-facet-count-zero' : 'filters-facet-count'}
    >
      {formatCount(n)} <span className="visually-hidden">{pluralWord(n, 'trial')}</span>
    </span>
  );
}

function CheckboxFacet({
  label,
  options,
  counts,
  value,
  onChange,
  hideEmpty = false,
  scroll = false,
}: {
  label: string;
  options: readonly Option[];
  counts: Map<string, number>;
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Leave out options with no trial (unless selected). */
  hideEmpty?: boolean;
  scroll?: boolean;
}) {
  const shown = hideEmpty
    ? options.filter((o) => (counts.get(o.value) ?? 0) > 0 || value.includes(o.value))
    : options;
  return (
    <fieldset className="filters-facet">
      <legend className="filters-facet-label">{label}</legend>
      <div
        className={scroll ? 'filters-facet-options filters-facet-scroll' : 'filters-facet-options'}
      >
        {shown.length === 0 ? <p className="filters-facet-empty">No options with trials.</p> : null}
        {shown.map((o) => (
          <FacetCheckbox
            key={o.value}
            value={o.value}
            checked={value.includes(o.value)}
            onChange={(checked) =>
              onChange(checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          >
            <span className="filters-facet-text">{o.label}</span>{' '}
            <FacetCount n={counts.get(o.value) ?? 0} />
          </FacetCheckbox>
        ))}
      </div>
    </fieldset>
  );
}

function YearSelect({
  label,
  value,
  years,
  onChange,
}: {
  label: string;
  value: number | null;
  years: readonly number[];
  onChange: (year: number | null) => void;
}) {
  const id = useId();
  const options =
    value !== null && !years.includes(value) ? [...years, value].sort((a, b) => a - b) : years;
  return (
    <div className="filters-facet-year">
      <label htmlFor={id} className="filters-facet-label">
        {label}
      </label>
      <select
        id={id}
        className="filters-select"
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">Any</option>
        {options.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

function SearchBox({ value, onChange }: { value: string; onChange: FilterChange }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [urlValue, setUrlValue] = useState(value);
  // Follow the URL (back/forward, Clear all, a chip removed) when it changes.
  if (value !== urlValue) {
    setUrlValue(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange({ q: text }, { history: 'replace' }), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="filters-facet filters-facet-search">
      <label htmlFor={id} className="filters-facet-label">
        {FILTER_SCHEMA.q.label}
      </label>
      <input
        id={id}
        type="search"
        className="filters-input"
        placeholder="Title, acronym, NCT id, sponsor, intervention"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Escape empties the box at once (as the browser's own clear button does).
          if (e.key === 'Escape' && text !== '') {
            e.preventDefault();
            setText('');
            onChange({ q: '' });
          }
        }}
      />
    </div>
  );
}

/**
 * The options of a list facet: its values in schema order, then (for `dataValues`) the other values
 * the trials have or the link selected, most trials first.
 */
function listOptions(
  key: ListFilterKey,
  counts: FacetCounts,
  selected: readonly string[],
): Option[] {
  const spec = FILTER_SCHEMA[key];
  const known: readonly string[] = spec.values;
  const options = known.map((value) => ({ value, label: spec.valueLabel(value) }));
  if (!spec.panel.dataValues) return options;
  const n = counts[key];
  const extra = [...new Set([...n.keys(), ...selected])]
    .filter((value) => !known.includes(value))
    .sort((a, b) => (n.get(b) ?? 0) - (n.get(a) ?? 0) || a.localeCompare(b))
    .map((value) => ({ value, label: spec.valueLabel(value) }));
  return [...options, ...extra];
}

type ListFacetProps = {
  filterKey: ListFilterKey;
  counts: FacetCounts;
  selected: readonly string[];
  onChange: FilterChange;
};

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

function sameListFacet(a: ListFacetProps, b: ListFacetProps): boolean {
  return (
    a.filterKey === b.filterKey &&
    a.counts === b.counts &&
    a.onChange === b.onChange &&
    sameValues(a.selected, b.selected)
  );
}

/**
 * One list facet. A click re-renders only the facet whose selection changed (the counts, the same object
 * for every facet until the deferred counts arrive, are compared by identity).
 */
const ListFacet = memo(function ListFacet({
  filterKey,
  counts,
  selected,
  onChange,
}: ListFacetProps) {
  const spec = FILTER_SCHEMA[filterKey];
  const options = useMemo(
    () => listOptions(filterKey, counts, selected),
    [filterKey, counts, selected],
  );
  return (
    <CheckboxFacet
      label={spec.label}
      options={options}
      counts={counts[filterKey]}
      value={selected}
      onChange={(v) => onChange({ [filterKey]: v })}
      hideEmpty={spec.panel.hideEmpty ?? false}
      scroll={spec.panel.scroll ?? false}
    />
  );
}, sameListFacet);

function FlagFacet({
  filterKey,
  counts,
  filters,
  onChange,
}: {
  filterKey: FlagFilterKey;
  counts: FacetCounts;
  filters: TrialFilters;
  onChange: FilterChange;
}) {
  const count = filterKey === 'results' ? (counts.results.get('yes') ?? 0) : undefined;
  return (
    <div className="filters-facet">
      <FacetCheckbox
        className="filters-facet-option filters-facet-single"
        checked={filters[filterKey]}
        onChange={(on) => onChange({ [filterKey]: on })}
      >
        <span className="filters-facet-text">{FILTER_SCHEMA[filterKey].label}</span>
        {count === undefined ? null : (
          <>
            {' '}
            <FacetCount n={count} />
          </>
        )}
      </FacetCheckbox>
    </div>
  );
}

/**
 * The faceted filters, one per filter of the schema in its order (the search first): every option
 * shows how many trials it would match under the other active filters.
 */
export function FilterPanel({ trials, filters, onChange }: FilterPanelProps) {
  // A click shows its own tick at once, with the result count and the charts on screen; the counts of
  // every option follow in the background (a deferred render), so they do not hold up the charts. Until
  // they have caught up the panel is marked busy and the counts are dimmed: never old counts as current.
  const countedTrials = useDeferredValue(trials);
  const countedFilters = useDeferredValue(filters);
  const counting = countedTrials !== trials || countedFilters !== filters;
  const counts = useMemo(
    () => facetCounts(countedTrials, countedFilters),
    [countedTrials, countedFilters],
  );
  const years = useMemo(() => [...counts.year.keys()].map(Number).sort((a, b) => a - b), [counts]);
  const recruitingOnly = filters.status.length === 1 && filters.status[0] === 'RECRUITING';
  const facet = (key: (typeof FILTER_KEYS)[number]): ReactNode => {
    const spec = FILTER_SCHEMA[key];
    const props = { counts, filters, onChange };
    const list = (filterKey: ListFilterKey) => ({
      filterKey,
      counts,
      selected: filters[filterKey],
      onChange,
    });
    if (key === 'status') {
      return (
        <div className="filters-facet-with-action" key={key}>
          <button
            type="button"
            className="button button-small"
            aria-pressed={recruitingOnly}
            onClick={() => onChange({ status: recruitingOnly ? [] : ['RECRUITING'] })}
          >
            Recruiting now
          </button>
          <ListFacet {...list('status')} />
        </div>
      );
    }
    if (spec.kind === 'list') return <ListFacet key={key} {...list(key as ListFilterKey)} />;
    if (spec.kind === 'flag' && spec.inPanel)
      return <FlagFacet key={key} filterKey={key as FlagFilterKey} {...props} />;
    if (key === 'from') {
      return (
        <fieldset className="filters-facet filters-facet-years" key="years">
          <legend className="visually-hidden">Start year</legend>
          <YearSelect
            label={FILTER_SCHEMA.from.label}
            value={filters.from}
            years={years}
            onChange={(from) => onChange({ from })}
          />
          <YearSelect
            label={FILTER_SCHEMA.to.label}
            value={filters.to}
            years={years}
            onChange={(to) => onChange({ to })}
          />
        </fieldset>
      );
    }
    return null;
  };
  return (
    <div
      className={counting ? 'filters-panel filters-panel-counting' : 'filters-panel'}
      aria-busy={counting || undefined}
    >
      <SearchBox value={filters.q} onChange={onChange} />
      {FILTER_KEYS.map(facet)}
    </div>
  );
}

import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { sponsorClassLabel } from '../../domain/aggregate.ts';
import {
  DESIGN_FILTER_KEYS,
  DESIGN_FILTERS,
  designValueLabel,
} from '../../domain/design-facets.ts';
import { DISEASE_IDS, DISEASE_LABELS } from '../../domain/diseases.ts';
import { facetCounts, type FacetCounts, type TrialFilters } from '../../domain/filters.ts';
import {
  PHASES,
  PHASE_LABELS,
  SPONSOR_CLASSES,
  STATUSES,
  STATUS_LABELS,
  THERAPIES,
  THERAPY_LABELS,
  TRANSPLANT_TYPES,
  TRANSPLANT_TYPE_LABELS,
  type KnownStatus,
  type Trial,
} from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
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
  className = 'facet-option',
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
        className="facet-input"
        {...(value === undefined ? {} : { value })}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="facet-box" aria-hidden="true" />
      {children}
    </label>
  );
}

function FacetCount({ n }: { n: number }) {
  return (
    <span className={n === 0 ? 'facet-count facet-count-zero' : 'facet-count'}>
      {formatCount(n)} <span className="visually-hidden">{n === 1 ? 'trial' : 'trials'}</span>
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
    <fieldset className="facet">
      <legend className="facet-label">{label}</legend>
      <div className={scroll ? 'facet-options facet-scroll' : 'facet-options'}>
        {shown.length === 0 ? <p className="facet-empty">No options with trials.</p> : null}
        {shown.map((o) => (
          <FacetCheckbox
            key={o.value}
            value={o.value}
            checked={value.includes(o.value)}
            onChange={(checked) =>
              onChange(checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          >
            <span className="facet-text">{o.label}</span>{' '}
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
    <div className="facet-year">
      <label htmlFor={id} className="facet-label">
        {label}
      </label>
      <select
        id={id}
        className="select"
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
    <div className="facet facet-search">
      <label htmlFor={id} className="facet-label">
        Search
      </label>
      <input
        id={id}
        type="search"
        className="input"
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

function statusOptions(counts: FacetCounts, selected: readonly string[]): Option[] {
  const known: Option[] = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
  const extra = [...counts.status.keys(), ...selected]
    .filter((s) => !(STATUSES as readonly string[]).includes(s))
    .map((s) => ({ value: s, label: STATUS_LABELS[s as KnownStatus] ?? s }));
  return [...known, ...extra];
}

/** The faceted filters: every option shows how many trials it would match under the other active filters. */
export function FilterPanel({ trials, filters, onChange }: FilterPanelProps) {
  const counts = useMemo(() => facetCounts(trials, filters), [trials, filters]);
  const years = useMemo(() => [...counts.year.keys()].map(Number).sort((a, b) => a - b), [counts]);
  const countries: Option[] = useMemo(
    () =>
      [...new Set([...counts.country.keys(), ...filters.country])]
        .sort(
          (a, b) =>
            (counts.country.get(b) ?? 0) - (counts.country.get(a) ?? 0) || a.localeCompare(b),
        )
        .map((c) => ({ value: c, label: c })),
    [counts, filters.country],
  );
  const recruitingOnly = filters.status.length === 1 && filters.status[0] === 'RECRUITING';
  return (
    <div className="filter-panel">
      <SearchBox value={filters.q} onChange={onChange} />
      <CheckboxFacet
        label="Disease"
        options={DISEASE_IDS.map((d) => ({ value: d, label: DISEASE_LABELS[d] }))}
        counts={counts.disease}
        value={filters.disease}
        onChange={(v) => onChange({ disease: v as TrialFilters['disease'] })}
        hideEmpty
        scroll
      />
      <CheckboxFacet
        label="Therapy"
        options={THERAPIES.map((t) => ({ value: t, label: THERAPY_LABELS[t] }))}
        counts={counts.therapy}
        value={filters.therapy}
        onChange={(v) => onChange({ therapy: v as TrialFilters['therapy'] })}
      />
      <CheckboxFacet
        label="Transplant type"
        options={TRANSPLANT_TYPES.map((t) => ({ value: t, label: TRANSPLANT_TYPE_LABELS[t] }))}
        counts={counts.type}
        value={filters.type}
        onChange={(v) => onChange({ type: v as TrialFilters['type'] })}
      />
      <CheckboxFacet
        label="Phase"
        options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
        counts={counts.phase}
        value={filters.phase}
        onChange={(v) => onChange({ phase: v as TrialFilters['phase'] })}
        hideEmpty
      />
      <div className="facet-with-action">
        <button
          type="button"
          className="button button-small"
          aria-pressed={recruitingOnly}
          onClick={() => onChange({ status: recruitingOnly ? [] : ['RECRUITING'] })}
        >
          Recruiting now
        </button>
        <CheckboxFacet
          label="Status"
          options={statusOptions(counts, filters.status)}
          counts={counts.status}
          value={filters.status}
          onChange={(v) => onChange({ status: v })}
          hideEmpty
        />
      </div>
      <CheckboxFacet
        label="Country"
        options={countries}
        counts={counts.country}
        value={filters.country}
        onChange={(v) => onChange({ country: v })}
        scroll
      />
      <fieldset className="facet facet-years">
        <legend className="visually-hidden">Start year</legend>
        <YearSelect
          label="Start year from"
          value={filters.from}
          years={years}
          onChange={(from) => onChange({ from })}
        />
        <YearSelect
          label="Start year to"
          value={filters.to}
          years={years}
          onChange={(to) => onChange({ to })}
        />
      </fieldset>
      <CheckboxFacet
        label="Sponsor class"
        options={SPONSOR_CLASSES.map((s) => ({ value: s, label: sponsorClassLabel(s) }))}
        counts={counts.sponsor}
        value={filters.sponsor}
        onChange={(v) => onChange({ sponsor: v })}
        hideEmpty
      />
      <div className="facet">
        <FacetCheckbox
          className="facet-option facet-single"
          checked={filters.results}
          onChange={(results) => onChange({ results })}
        >
          <span className="facet-text">Has results</span>{' '}
          <FacetCount n={counts.results.get('yes') ?? 0} />
        </FacetCheckbox>
      </div>
      {DESIGN_FILTER_KEYS.map((key) => (
        <CheckboxFacet
          key={key}
          label={DESIGN_FILTERS[key].label}
          options={DESIGN_FILTERS[key].values.map((v) => ({
            value: v,
            label: designValueLabel(key, v),
          }))}
          counts={counts[key]}
          value={filters[key]}
          onChange={(v) => onChange({ [key]: v })}
          hideEmpty
        />
      ))}
      <div className="facet">
        <FacetCheckbox
          className="facet-option facet-single"
          checked={filters.pmid}
          onChange={(pmid) => onChange({ pmid })}
        >
          <span className="facet-text">Lists result publications (PMID)</span>{' '}
          <FacetCount n={counts.pmid.get('yes') ?? 0} />
        </FacetCheckbox>
      </div>
    </div>
  );
}

import { FILTER_KEYS, FILTER_SCHEMA, type ListFilterKey } from '../../domain/filter-schema.ts';
import {
  DEFAULT_FILTERS,
  isDefaultFilters,
  type ChangeMark,
  type TrialFilters,
} from '../../domain/filters.ts';
import { FIRST_SCREEN } from '../../lib/first-screen.ts';
import { formatCount, pluralWord } from '../../lib/format.ts';
import type { SearchGap } from '../../queries/trial-sites-query.ts';
import { CHANGE_MARKS } from '../../state/changes-state.ts';
import './active-filters.css';

export type ActiveFiltersProps = {
  filters: TrialFilters;
  /** Number of trials that pass the filters. */
  count: number;
  onChange: (next: Partial<TrialFilters> | null) => void;
  /**
   * The `changed` filter ("what changed since my last visit"), kept apart from TrialFilters. Optional:
   * without `onChangedChange` (embed mode) no chip is shown for it and "Clear all" leaves it alone.
   */
  changed?: readonly ChangeMark[];
  onChangedChange?: (next: readonly ChangeMark[]) => void;
  /** What the text search has not looked in yet (useFilteredTrials). */
  searchGap?: SearchGap | undefined;
};

type Chip = { key: string; label: string; remove: Partial<TrialFilters> };

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/**
 * One chip per selected value of a list filter. A filter whose default is not empty (therapy) shows no
 * chip at its default, and one chip "Therapy: all" (back to the default) when it is off.
 */
function listChips(filters: TrialFilters, key: ListFilterKey): Chip[] {
  const spec = FILTER_SCHEMA[key];
  const values: readonly string[] = filters[key];
  const fallback: readonly string[] = DEFAULT_FILTERS[key];
  if (fallback.length > 0) {
    if (sameValues(values, fallback)) return [];
    if (values.length === 0) {
      const word = 'allWord' in spec ? spec.allWord : 'all';
      return [
        {
          key: `${key}:${word}`,
          label: `${spec.label}: ${word}`,
          remove: { [key]: [...fallback] },
        },
      ];
    }
  }
  return values.map((value) => ({
    key: `${key}:${value}`,
    label: `${spec.label}: ${spec.valueLabel(value)}`,
    remove: { [key]: values.filter((v) => v !== value) },
  }));
}

function yearChip(from: number | null, to: number | null): Chip[] {
  if (from === null && to === null) return [];
  const label =
    from !== null && to !== null
      ? from === to
        ? `Started in ${from}`
        : `Started ${from}–${to}`
      : from !== null
        ? `Started since ${from}`
        : `Started up to ${to}`;
  return [{ key: 'years', label, remove: { from: null, to: null } }];
}

/** Chips for every active filter (removable one by one), in filter order with the search first. */
export function chipsOf(filters: TrialFilters): Chip[] {
  const chips: Chip[] = [];
  if (filters.q.trim() !== '')
    chips.push({ key: 'q', label: `Search: “${filters.q.trim()}”`, remove: { q: '' } });
  for (const key of FILTER_KEYS) {
    const spec = FILTER_SCHEMA[key];
    if (spec.kind === 'list') chips.push(...listChips(filters, key as ListFilterKey));
    else if (key === 'from') chips.push(...yearChip(filters.from, filters.to));
    else if (spec.kind === 'flag' && filters[key] === true)
      chips.push({ key, label: spec.label, remove: { [key]: false } });
  }
  return chips;
}

const CHANGE_MARK_LABELS: Record<ChangeMark, string> = {
  new: 'Changed: new since last visit',
  updated: 'Changed: updated since last visit',
};

type ChangedChip = { key: string; label: string; remaining: ChangeMark[] };

/** One chip per mark of the `changed` filter (in canonical order); removing it keeps the other marks. */
export function changedChipsOf(changed: readonly ChangeMark[]): ChangedChip[] {
  const marks = CHANGE_MARKS.filter((mark) => changed.includes(mark));
  return marks.map((mark) => ({
    key: `changed:${mark}`,
    label: CHANGE_MARK_LABELS[mark],
    remaining: marks.filter((m) => m !== mark),
  }));
}

/**
 * Says that the count of a text search is not final: the texts it also searches (official titles,
 * conditions, interventions) are loading, or could not be loaded (with the reason and a retry).
 */
export function SearchGapNote({ gap }: { gap: SearchGap | undefined }) {
  if (gap === undefined) return null;
  if (gap.state === 'loading') {
    return (
      <p className="active-filters-note" role="status">
        Searching titles, acronyms, sponsors and diseases so far: the official titles, conditions
        and interventions are still loading.
      </p>
    );
  }
  return (
    <p className="active-filters-note" role="alert">
      The search did not look in the official titles, conditions and interventions: {gap.problem}{' '}
      <button type="button" className="button button-quiet" onClick={gap.retry}>
        Retry
      </button>
    </p>
  );
}

export function ActiveFilters({
  filters,
  count,
  onChange,
  changed = [],
  onChangedChange,
  searchGap,
}: ActiveFiltersProps) {
  const changedChips = onChangedChange ? changedChipsOf(changed) : [];
  const chips = [
    ...chipsOf(filters).map((chip) => ({
      key: chip.key,
      label: chip.label,
      onRemove: () => onChange(chip.remove),
    })),
    ...changedChips.map((chip) => ({
      key: chip.key,
      label: chip.label,
      onRemove: () => onChangedChange?.(chip.remaining),
    })),
  ];
  const filtersActive = !isDefaultFilters(filters);
  const clearAll = () => {
    if (filtersActive) onChange(null);
    if (changedChips.length > 0) onChangedChange?.([]);
  };
  return (
    <div className="active-filters">
      <p
        className="active-filters-count"
        role="status"
        aria-live="polite"
        elementtiming={FIRST_SCREEN}
      >
        <strong>{formatCount(count)}</strong> {pluralWord(count, 'trial')}
      </p>
      <SearchGapNote gap={searchGap} />
      {chips.length > 0 ? (
        <ul className="active-filters-chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.key}>
              <button
                type="button"
                className="active-filters-chip"
                aria-label={`Remove filter ${chip.label}`}
                onClick={chip.onRemove}
              >
                <span>{chip.label}</span>
                <span className="active-filters-chip-x" aria-hidden="true">
                  ×
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {filtersActive || changedChips.length > 0 ? (
        <button type="button" className="button button-quiet" onClick={clearAll}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}

/**
 * Cross-filter props for the charts (a bar toggles a filter value), shared by the dashboard and the
 * embedded view. Without a change handler (a locked embed, a static chart) a chart gets none and its
 * bars are not clickable.
 */
import { toggleValue, type TrialFilters } from '../../domain/filters.ts';
import type { CrossFilter } from './filter-chart-panel.tsx';

export type CrossFilterKey = 'disease' | 'type' | 'phase' | 'status' | 'country' | 'sponsor';
type FiltersChange = (next: Partial<TrialFilters>) => void;

/** A chart whose bars toggle values of the list filter `key`. */
export function listCrossFilter(
  filters: TrialFilters | undefined,
  onChange: FiltersChange | undefined,
  key: CrossFilterKey,
): Partial<CrossFilter> {
  if (!filters || !onChange) return {};
  const selected: readonly string[] = filters[key];
  return {
    selected,
    onToggle: (value: string) => onChange({ [key]: toggleValue(selected, value) }),
  };
}

/** The start-year chart: a bar selects that one year (from = to); selecting it again clears it. */
export function yearCrossFilter(
  filters: TrialFilters | undefined,
  onChange: FiltersChange | undefined,
): Partial<CrossFilter> {
  if (!filters || !onChange) return {};
  return {
    selected: filters.from !== null && filters.from === filters.to ? [String(filters.from)] : [],
    onToggle: (value: string) => {
      const y = Number(value);
      onChange(
        filters.from === y && filters.to === y ? { from: null, to: null } : { from: y, to: y },
      );
    },
  };
}

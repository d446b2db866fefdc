/**
 * Cross-filter props for the charts (a bar toggles a filter value), shared by the dashboard and the
 * embedded view. Without a change handler (a locked embed, a static chart) a chart gets none and its
 * bars are not clickable.
 */
import { useMemo, useState } from 'react';
import { toggleValue, type TrialFilters } from '../../domain/filters.ts';
import type { CrossFilter } from './filter-chart-panel.tsx';

export type CrossFilterKey = 'disease' | 'type' | 'phase' | 'status' | 'country' | 'sponsor';
type FiltersChange = (next: Partial<TrialFilters>) => void;

const EMPTY: readonly string[] = [];

/** `value` while equal by content to the one kept, so a memoized chart sees the same reference. */
function useSameList(value: readonly string[]): readonly string[] {
  const [kept, setKept] = useState(value);
  if (kept === value) return kept;
  if (kept.length === value.length && kept.every((v, i) => v === value[i])) return kept;
  setKept(value);
  return value;
}

export type ChartCrossFilters = Record<CrossFilterKey | 'year', Partial<CrossFilter>>;

/**
 * The cross-filter props of every chart, stable while the chart's own filter values do not change: a
 * click on one filter re-renders only the charts whose data or selection changed (the charts are memo).
 */
export function useChartCrossFilters(
  filters: TrialFilters | undefined,
  onChange: FiltersChange | undefined,
): ChartCrossFilters {
  const on = filters !== undefined && onChange !== undefined;
  const disease = useSameList(filters?.disease ?? EMPTY);
  const type = useSameList(filters?.type ?? EMPTY);
  const phase = useSameList(filters?.phase ?? EMPTY);
  const status = useSameList(filters?.status ?? EMPTY);
  const country = useSameList(filters?.country ?? EMPTY);
  const sponsor = useSameList(filters?.sponsor ?? EMPTY);
  const from = filters?.from ?? null;
  const to = filters?.to ?? null;
  return useMemo(() => {
    const list = (key: CrossFilterKey, selected: readonly string[]): Partial<CrossFilter> =>
      on
        ? { selected, onToggle: (value) => onChange({ [key]: toggleValue(selected, value) }) }
        : {};
    return {
      disease: list('disease', disease),
      type: list('type', type),
      phase: list('phase', phase),
      status: list('status', status),
      country: list('country', country),
      sponsor: list('sponsor', sponsor),
      year: on
        ? {
            selected: from !== null && from === to ? [String(from)] : [],
            onToggle: (value) => {
              const y = Number(value);
              onChange(from === y && to === y ? { from: null, to: null } : { from: y, to: y });
            },
          }
        : {},
    };
  }, [on, onChange, disease, type, phase, status, country, sponsor, from, to]);
}

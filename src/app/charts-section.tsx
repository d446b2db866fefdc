import type { TrialFilters } from '../domain/filters.ts';
import type { Trial } from '../domain/trial.ts';
import { ChartList } from '../features/charts/chart-list.tsx';
import { CHARTS } from '../features/charts/chart-registry.tsx';

export type ChartsSectionProps = {
  /** The trials that pass the filters. */
  trials: readonly Trial[];
  /** When given with onFiltersChange, every chart cross-filters (a bar toggles its value). */
  filters?: TrialFilters;
  onFiltersChange?: (next: Partial<TrialFilters>) => void;
  onSelectTrial?: (nctId: string) => void;
};

/**
 * The dashboard charts: every chart of the registry (src/features/charts/chart-registry.tsx), in its
 * order, each behind its own error boundary. The panels render at once; their drawings load lazily.
 */
export function ChartsSection(props: ChartsSectionProps) {
  return <ChartList charts={CHARTS} {...props} />;
}

/**
 * Sorting of the trial table: one comparable key per column, missing values always last (in both
 * directions), ties broken by NCT id so the order is stable.
 */
import { designSummary } from '../../domain/design-facets.ts';
import { DISEASE_LABELS } from '../../domain/diseases.ts';
import {
  PHASES,
  STATUSES,
  THERAPY_LABELS,
  TRANSPLANT_TYPE_LABELS,
  type Trial,
} from '../../domain/trial.ts';
import type { SortColumn, SortDirection } from '../../state/url-state.ts';

type Key = string | number | undefined;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const PHASE_ORDER = new Map<string, number>(PHASES.map((p, i) => [p, i]));
const STATUS_ORDER = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

function sortKey(trial: Trial, column: SortColumn): Key {
  switch (column) {
    case 'nctId':
      return trial.nctId;
    case 'title':
      return trial.title;
    case 'diseases':
      return trial.diseases.length > 0
        ? trial.diseases.map((d) => DISEASE_LABELS[d]).join(', ')
        : undefined;
    case 'therapy':
      return `${THERAPY_LABELS[trial.therapy]} ${TRANSPLANT_TYPE_LABELS[trial.transplantType]}`;
    case 'phase':
      // "No phase" sorts after the real phases
      return trial.phase === 'UNSPECIFIED' ? undefined : PHASE_ORDER.get(trial.phase);
    case 'status':
      return STATUS_ORDER.get(trial.status) ?? STATUSES.length;
    case 'start':
      return trial.startDate;
    case 'enrollment':
      return trial.enrollment?.count;
    case 'sponsor':
      return trial.sponsor?.name;
    case 'countries':
      return trial.countries.length > 0 ? trial.countries.join(', ') : undefined;
    case 'design':
      return designSummary(trial.design) || undefined;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A new array of `trials` in the order of the column and direction. */
export function sortTrials(
  trials: readonly Trial[],
  column: SortColumn,
  direction: SortDirection,
): Trial[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = trials.map((trial) => ({ trial, key: sortKey(trial, column) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key === undefined && b.key !== undefined) return 1;
      if (b.key === undefined && a.key !== undefined) return -1;
    } else {
      const order = compareKeys(a.key, b.key);
      if (order !== 0) return sign * order;
    }
    return a.trial.nctId < b.trial.nctId ? -1 : a.trial.nctId > b.trial.nctId ? 1 : 0;
  });
  return keyed.map((k) => k.trial);
}

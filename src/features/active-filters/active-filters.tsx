import { sponsorClassLabel } from '../../domain/aggregate.ts';
import {
  DESIGN_FILTER_KEYS,
  DESIGN_FILTERS,
  designValueLabel,
} from '../../domain/design-facets.ts';
import { DISEASE_LABELS } from '../../domain/diseases.ts';
import {
  DEFAULT_FILTERS,
  isDefaultFilters,
  type ChangeMark,
  type ListFilterKey,
  type TrialFilters,
} from '../../domain/filters.ts';
import {
  PHASE_LABELS,
  STATUS_LABELS,
  THERAPY_LABELS,
  TRANSPLANT_TYPE_LABELS,
  type KnownStatus,
} from '../../domain/trial.ts';
import { formatCount } from '../../lib/format.ts';
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
};

type Chip = { key: string; label: string; remove: Partial<TrialFilters> };

function listChips<K extends ListFilterKey>(
  filters: TrialFilters,
  key: K,
  name: string,
  label: (value: string) => string,
): Chip[] {
  const values: readonly string[] = filters[key];
  return values.map((value) => ({
    key: `${key}:${value}`,
    label: `${name}: ${label(value)}`,
    remove: { [key]: values.filter((v) => v !== value) },
  }));
}

/** Chips for every active filter (removable one by one), "Clear all", and a live "N trials" count. */
export function chipsOf(filters: TrialFilters): Chip[] {
  const chips: Chip[] = [];
  if (filters.q.trim() !== '')
    chips.push({ key: 'q', label: `Search: “${filters.q.trim()}”`, remove: { q: '' } });
  chips.push(
    ...listChips(
      filters,
      'disease',
      'Disease',
      (v) => DISEASE_LABELS[v as keyof typeof DISEASE_LABELS] ?? v,
    ),
  );
  const therapyIsDefault =
    filters.therapy.length === DEFAULT_FILTERS.therapy.length &&
    filters.therapy.every((t) => DEFAULT_FILTERS.therapy.includes(t));
  if (!therapyIsDefault) {
    if (filters.therapy.length === 0)
      chips.push({
        key: 'therapy:all',
        label: 'Therapy: all',
        remove: { therapy: [...DEFAULT_FILTERS.therapy] },
      });
    else
      chips.push(
        ...listChips(
          filters,
          'therapy',
          'Therapy',
          (v) => THERAPY_LABELS[v as keyof typeof THERAPY_LABELS] ?? v,
        ),
      );
  }
  chips.push(
    ...listChips(
      filters,
      'type',
      'Transplant type',
      (v) => TRANSPLANT_TYPE_LABELS[v as keyof typeof TRANSPLANT_TYPE_LABELS] ?? v,
    ),
  );
  chips.push(
    ...listChips(
      filters,
      'phase',
      'Phase',
      (v) => PHASE_LABELS[v as keyof typeof PHASE_LABELS] ?? v,
    ),
  );
  chips.push(
    ...listChips(filters, 'status', 'Status', (v) => STATUS_LABELS[v as KnownStatus] ?? v),
  );
  chips.push(...listChips(filters, 'country', 'Country', (v) => v));
  if (filters.from !== null || filters.to !== null) {
    const label =
      filters.from !== null && filters.to !== null
        ? filters.from === filters.to
          ? `Started in ${filters.from}`
          : `Started ${filters.from}–${filters.to}`
        : filters.from !== null
          ? `Started since ${filters.from}`
          : `Started up to ${filters.to}`;
    chips.push({ key: 'years', label, remove: { from: null, to: null } });
  }
  chips.push(...listChips(filters, 'sponsor', 'Sponsor', sponsorClassLabel));
  if (filters.results)
    chips.push({ key: 'results', label: 'Has results', remove: { results: false } });
  for (const key of DESIGN_FILTER_KEYS)
    chips.push(
      ...listChips(filters, key, DESIGN_FILTERS[key].label, (v) => designValueLabel(key, v)),
    );
  if (filters.pmid)
    chips.push({ key: 'pmid', label: 'Lists result publications', remove: { pmid: false } });
  if (filters.hidden)
    chips.push({
      key: 'hidden',
      label: 'Including records not classified as autoimmune',
      remove: { hidden: false },
    });
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

export function ActiveFilters({
  filters,
  count,
  onChange,
  changed = [],
  onChangedChange,
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
      <p className="result-count" role="status" aria-live="polite">
        <strong>{formatCount(count)}</strong> {count === 1 ? 'trial' : 'trials'}
      </p>
      {chips.length > 0 ? (
        <ul className="chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.key}>
              <button
                type="button"
                className="chip"
                aria-label={`Remove filter ${chip.label}`}
                onClick={chip.onRemove}
              >
                <span>{chip.label}</span>
                <span className="chip-x" aria-hidden="true">
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

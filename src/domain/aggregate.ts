/**
 * Pure chart series and summary figures computed from trials. No React, no formatting: the UI labels
 * and formats what these functions count.
 */
import { DISEASE_IDS, DISEASE_LABELS, type DiseaseId } from './diseases.ts';
import { CONDITIONING_INTENSITIES, type ConditioningIntensity } from './rules/design-rules.ts';
import {
  PHASES,
  PHASE_LABELS,
  SPONSOR_CLASSES,
  STATUSES,
  STATUS_LABELS,
  THERAPIES,
  TRANSPLANT_TYPES,
  TRANSPLANT_TYPE_LABELS,
  sponsorClassLabel,
  type KnownStatus,
  type Phase,
  type Therapy,
  type TransplantType,
  type Trial,
} from './trial.ts';

export type DiseaseCount = { id: DiseaseId; label: string; count: number };

/**
 * Trials per disease category, largest first (ties in DISEASE_IDS order). A trial with several diseases
 * counts once in each of them, so the counts may add up to more than the number of trials. Categories
 * with no trial are left out.
 */
export function countByDisease(trials: readonly Trial[]): DiseaseCount[] {
  const counts = new Map<DiseaseId, number>();
  for (const trial of trials) {
    for (const id of new Set(trial.diseases)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return DISEASE_IDS.flatMap((id, order) => {
    const count = counts.get(id) ?? 0;
    return count > 0 ? [{ id, label: DISEASE_LABELS[id], count, order }] : [];
  })
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ id, label, count }) => ({ id, label, count }));
}

/** Trials that have no disease category (not classified as autoimmune). */
export function countUnclassified(trials: readonly Trial[]): number {
  return trials.filter((t) => t.diseases.length === 0).length;
}

export type TransplantTypeCount = {
  type: TransplantType;
  label: string;
  total: number;
  byTherapy: Record<Therapy, number>;
};

function zeroByTherapy(): Record<Therapy, number> {
  const counts = {} as Record<Therapy, number>;
  for (const therapy of THERAPIES) counts[therapy] = 0;
  return counts;
}

/**
 * Trials per transplant type (cell source) in TRANSPLANT_TYPES order, each split by therapy. Every
 * type is present, with zero counts when no trial has it.
 */
export function countByTransplantType(trials: readonly Trial[]): TransplantTypeCount[] {
  const rows = TRANSPLANT_TYPES.map((type) => ({
    type,
    label: TRANSPLANT_TYPE_LABELS[type],
    total: 0,
    byTherapy: zeroByTherapy(),
  }));
  for (const trial of trials) {
    const row = rows.find((r) => r.type === trial.transplantType);
    if (!row) continue;
    row.total += 1;
    row.byTherapy[trial.therapy] += 1;
  }
  return rows;
}

/** Therapies that occur in at least one transplant-type row, in THERAPIES order. */
export function therapiesPresent(rows: readonly TransplantTypeCount[]): Therapy[] {
  return THERAPIES.filter((therapy) => rows.some((row) => row.byTherapy[therapy] > 0));
}

export type PhaseCount = { phase: Phase; label: string; count: number };

/** Trials per phase in PHASES order; every phase is present, with zero when no trial has it. */
export function countByPhase(trials: readonly Trial[]): PhaseCount[] {
  const counts = new Map<Phase, number>();
  for (const trial of trials) counts.set(trial.phase, (counts.get(trial.phase) ?? 0) + 1);
  return PHASES.map((phase) => ({
    phase,
    label: PHASE_LABELS[phase],
    count: counts.get(phase) ?? 0,
  }));
}

export type SummaryFigures = {
  /** Number of trials. */
  trials: number;
  /** Trials whose overall status is RECRUITING. */
  recruiting: number;
  /** Sum of enrollment counts (actual or estimated) over trials that report one. */
  totalEnrollment: number;
  /** How many trials report an enrollment count. */
  withEnrollment: number;
  /** Distinct location countries across all trials. */
  countries: number;
};

export function summarize(trials: readonly Trial[]): SummaryFigures {
  let recruiting = 0;
  let totalEnrollment = 0;
  let withEnrollment = 0;
  const countries = new Set<string>();
  for (const trial of trials) {
    if (trial.status === 'RECRUITING') recruiting += 1;
    const count = trial.enrollment?.count;
    if (typeof count === 'number' && Number.isFinite(count) && count >= 0) {
      totalEnrollment += count;
      withEnrollment += 1;
    }
    for (const country of trial.countries) countries.add(country);
  }
  return {
    trials: trials.length,
    recruiting,
    totalEnrollment,
    withEnrollment,
    countries: countries.size,
  };
}

// ---------------------------------------------------------------------------------------------
// Exploration series (issue 3)

export type YearSeriesKey = 'type' | 'therapy';

export type YearRow = { year: number; total: number; counts: Record<string, number> };

/**
 * Trials started per year (by startYear), each split by transplant type or by therapy. Years between the
 * first and the last are all present (zero rows included) so the axis has no gaps; trials without a
 * start year are counted in `undated`.
 */
export function countByStartYear(
  trials: readonly Trial[],
  by: YearSeriesKey,
): { rows: YearRow[]; keys: string[]; undated: number } {
  const byYear = new Map<number, YearRow>();
  const seen = new Set<string>();
  let undated = 0;
  for (const t of trials) {
    if (t.startYear === undefined) {
      undated += 1;
      continue;
    }
    const key = by === 'type' ? t.transplantType : t.therapy;
    seen.add(key);
    let row = byYear.get(t.startYear);
    if (!row) {
      row = { year: t.startYear, total: 0, counts: {} };
      byYear.set(t.startYear, row);
    }
    row.total += 1;
    row.counts[key] = (row.counts[key] ?? 0) + 1;
  }
  const years = [...byYear.keys()];
  const rows: YearRow[] = [];
  if (years.length > 0) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    for (let y = first; y <= last; y++)
      rows.push(byYear.get(y) ?? { year: y, total: 0, counts: {} });
  }
  const order: readonly string[] = by === 'type' ? TRANSPLANT_TYPES : THERAPIES;
  return { rows, keys: order.filter((k) => seen.has(k)), undated };
}

export type ValueCount = { value: string; label: string; count: number };

function sortedCounts(
  counts: Map<string, number>,
  label: (value: string) => string,
  order?: readonly string[],
): ValueCount[] {
  const rank = (v: string) => (order ? order.indexOf(v) : -1);
  return [...counts.entries()]
    .map(([value, count]) => ({ value, label: label(value), count }))
    .sort(
      (a, b) =>
        b.count - a.count || rank(a.value) - rank(b.value) || a.label.localeCompare(b.label),
    );
}

/** Trials per overall status, largest first. */
export function countByStatus(trials: readonly Trial[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const t of trials) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  return sortedCounts(counts, (v) => STATUS_LABELS[v as KnownStatus] ?? v, STATUSES);
}

/** Trials per location country (a trial counts once per country), largest first, at most `limit` rows. */
export function countByCountry(
  trials: readonly Trial[],
  limit = 15,
): { rows: ValueCount[]; countries: number; noCountry: number } {
  const counts = new Map<string, number>();
  let noCountry = 0;
  for (const t of trials) {
    if (t.countries.length === 0) noCountry += 1;
    for (const c of new Set(t.countries)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return {
    rows: sortedCounts(counts, (v) => v).slice(0, limit),
    countries: counts.size,
    noCountry,
  };
}

/** Trials per lead sponsor class (no sponsor = UNKNOWN), largest first. */
export function countBySponsorClass(trials: readonly Trial[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const t of trials) {
    const c = t.sponsor?.class ?? 'UNKNOWN';
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return sortedCounts(counts, sponsorClassLabel, SPONSOR_CLASSES);
}

export type MatrixCell = { trials: number; enrollment: number };
export type MatrixRow = {
  id: DiseaseId;
  label: string;
  cells: Record<TransplantType, MatrixCell>;
  total: MatrixCell;
};

function validEnrollment(t: Trial): number {
  const n = t.enrollment?.count;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Disease × transplant type: trial counts and summed enrollment (actual and estimated together) per cell.
 * Diseases with no trial are left out; rows largest first.
 */
export function diseaseTypeMatrix(trials: readonly Trial[]): MatrixRow[] {
  const rows = new Map<DiseaseId, MatrixRow>();
  for (const t of trials) {
    const n = validEnrollment(t);
    for (const id of new Set(t.diseases)) {
      let row = rows.get(id);
      if (!row) {
        const cells = {} as Record<TransplantType, MatrixCell>;
        for (const type of TRANSPLANT_TYPES) cells[type] = { trials: 0, enrollment: 0 };
        row = { id, label: DISEASE_LABELS[id], cells, total: { trials: 0, enrollment: 0 } };
        rows.set(id, row);
      }
      row.cells[t.transplantType].trials += 1;
      row.cells[t.transplantType].enrollment += n;
      row.total.trials += 1;
      row.total.enrollment += n;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.total.trials - a.total.trials || DISEASE_IDS.indexOf(a.id) - DISEASE_IDS.indexOf(b.id),
  );
}

export type EnrollmentRow = {
  key: string;
  label: string;
  actual: number;
  estimated: number;
  trialsActual: number;
  trialsEstimated: number;
};

/**
 * Enrollment totals per transplant type, split into actual (completed counts) and estimated (planned)
 * participants. Records with no count or an UNKNOWN type are left out of both.
 */
export function enrollmentByType(trials: readonly Trial[]): EnrollmentRow[] {
  const rows = TRANSPLANT_TYPES.map((type) => ({
    key: type,
    label: TRANSPLANT_TYPE_LABELS[type],
    actual: 0,
    estimated: 0,
    trialsActual: 0,
    trialsEstimated: 0,
  }));
  for (const t of trials) {
    const n = validEnrollment(t);
    const row = rows.find((r) => r.key === t.transplantType);
    if (!row || n === 0) continue;
    if (t.enrollment?.type === 'ACTUAL') {
      row.actual += n;
      row.trialsActual += 1;
    } else if (t.enrollment?.type === 'ESTIMATED') {
      row.estimated += n;
      row.trialsEstimated += 1;
    }
  }
  return rows;
}

/** How many trials have posted results, among all and among those that ended (completed or terminated). */
export function resultsShare(trials: readonly Trial[]): {
  withResults: number;
  withoutResults: number;
  ended: number;
  endedWithResults: number;
} {
  let withResults = 0;
  let ended = 0;
  let endedWithResults = 0;
  for (const t of trials) {
    if (t.hasResults) withResults += 1;
    if (t.status === 'COMPLETED' || t.status === 'TERMINATED') {
      ended += 1;
      if (t.hasResults) endedWithResults += 1;
    }
  }
  return { withResults, withoutResults: trials.length - withResults, ended, endedWithResults };
}

export const STOPPED_STATUSES: readonly KnownStatus[] = ['TERMINATED', 'SUSPENDED', 'WITHDRAWN'];

/** Terminated, suspended and withdrawn trials with their stated reason, most recently started first. */
export function stoppedTrials(trials: readonly Trial[]): Trial[] {
  return trials
    .filter((t) => (STOPPED_STATUSES as readonly string[]).includes(t.status))
    .sort((a, b) => (b.startYear ?? 0) - (a.startYear ?? 0) || a.nctId.localeCompare(b.nctId));
}

export type ConditioningRow = {
  id: DiseaseId;
  label: string;
  total: number;
  byIntensity: Record<ConditioningIntensity, number>;
};

/**
 * Conditioning intensity per disease, for transplant (HSCT) trials only; diseases with no HSCT trial
 * are left out, largest first. A trial with several diseases counts once in each.
 */
export function conditioningByDisease(trials: readonly Trial[]): ConditioningRow[] {
  const rows = new Map<DiseaseId, ConditioningRow>();
  for (const trial of trials) {
    if (trial.therapy !== 'hsct') continue;
    for (const id of new Set(trial.diseases)) {
      let row = rows.get(id);
      if (row === undefined) {
        const byIntensity = {} as Record<ConditioningIntensity, number>;
        for (const c of CONDITIONING_INTENSITIES) byIntensity[c] = 0;
        row = { id, label: DISEASE_LABELS[id], total: 0, byIntensity };
        rows.set(id, row);
      }
      row.total++;
      row.byIntensity[trial.design.conditioning]++;
    }
  }
  return DISEASE_IDS.flatMap((id) => rows.get(id) ?? []).sort((a, b) => b.total - a.total);
}

/** Randomised HSCT trials (the reviewer's table), largest enrollment first. */
export function randomisedHsctTrials(trials: readonly Trial[]): Trial[] {
  return trials
    .filter((t) => t.therapy === 'hsct' && t.design.allocation === 'randomised')
    .sort(
      (a, b) =>
        (b.enrollment?.count ?? -1) - (a.enrollment?.count ?? -1) || a.nctId.localeCompare(b.nctId),
    );
}

/**
 * Pure chart series and summary figures computed from trials. No React, no formatting: the UI labels
 * and formats what these functions count.
 */
import { DISEASE_IDS, DISEASE_LABELS, type DiseaseId } from './diseases.ts';
import {
  PHASES,
  PHASE_LABELS,
  THERAPIES,
  TRANSPLANT_TYPES,
  TRANSPLANT_TYPE_LABELS,
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

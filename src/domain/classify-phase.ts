/**
 * Phase of a trial from the API's `designModule.phases` array (docs/domain.md §3). Combined phases are
 * their own value. Unknown values are ignored; missing or empty -> `UNSPECIFIED`. An unusual
 * combination (e.g. EARLY_PHASE1 + PHASE1) gives the most advanced phase named; `NA` only counts when
 * no real phase is named.
 */
import type { Phase } from './trial.ts';

const SINGLE = ['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'] as const;
type SinglePhase = (typeof SINGLE)[number];

function isSingle(value: string): value is SinglePhase {
  return (SINGLE as readonly string[]).includes(value);
}

export function classifyPhase(phases: unknown): Phase {
  if (!Array.isArray(phases)) return 'UNSPECIFIED';
  const seen = new Set<SinglePhase>();
  let na = false;
  for (const value of phases as unknown[]) {
    if (typeof value !== 'string') continue;
    const v = value.trim().toUpperCase();
    if (isSingle(v)) seen.add(v);
    else if (v === 'NA') na = true;
  }
  if (seen.has('PHASE1') && seen.has('PHASE2')) return 'PHASE1_PHASE2';
  if (seen.has('PHASE2') && seen.has('PHASE3')) return 'PHASE2_PHASE3';
  for (let i = SINGLE.length - 1; i >= 0; i--) {
    const phase = SINGLE[i];
    if (phase !== undefined && seen.has(phase)) return phase;
  }
  return na ? 'NA' : 'UNSPECIFIED';
}

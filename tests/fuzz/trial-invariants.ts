/**
 * Invariants every normalized Trial must satisfy, whatever the input record looked like. Shared by the
 * property-based tests; each check throws an Error naming the broken invariant so fast-check can shrink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isDiseaseId } from '../../src/domain/diseases.ts';
import { PHASES, THERAPIES, TRANSPLANT_TYPES, type Trial } from '../../src/domain/trial.ts';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `date` is yyyy, yyyy-MM or yyyy-MM-dd and names a real calendar day/month. */
export function isRealPartialDate(date: string): boolean {
  const m = PARTIAL_DATE.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function fail(trial: Trial, message: string): never {
  throw new Error(`${trial.nctId}: ${message}`);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

export function assertTrialInvariants(trial: Trial): void {
  if (typeof trial.nctId !== 'string' || trial.nctId.trim() === '')
    fail(trial, 'nctId is not a non-empty string');
  if (trial.url !== `https://clinicaltrials.gov/study/${trial.nctId}`)
    fail(trial, `url ${String(trial.url)}`);
  if (typeof trial.title !== 'string') fail(trial, 'title is not a string');
  if (!(PHASES as readonly string[]).includes(trial.phase))
    fail(trial, `phase ${String(trial.phase)}`);
  if (!(THERAPIES as readonly string[]).includes(trial.therapy))
    fail(trial, `therapy ${String(trial.therapy)}`);
  if (!(TRANSPLANT_TYPES as readonly string[]).includes(trial.transplantType)) {
    fail(trial, `transplantType ${String(trial.transplantType)}`);
  }
  if (
    !Array.isArray(trial.diseases) ||
    !trial.diseases.every((d) => typeof d === 'string' && isDiseaseId(d))
  ) {
    fail(trial, `diseases ${JSON.stringify(trial.diseases)}`);
  }
  if (typeof trial.status !== 'string' || trial.status === '')
    fail(trial, `status ${String(trial.status)}`);
  if (trial.enrollment !== undefined) {
    const { count } = trial.enrollment;
    if (!Number.isInteger(count) || count < 0) fail(trial, `enrollment.count ${String(count)}`);
  }
  if (trial.startDate === undefined) {
    if (trial.startYear !== undefined)
      fail(trial, `startYear ${trial.startYear} without startDate`);
  } else {
    if (typeof trial.startDate !== 'string' || !isRealPartialDate(trial.startDate)) {
      fail(trial, `startDate ${JSON.stringify(trial.startDate)}`);
    }
    if (trial.startYear !== Number(trial.startDate.slice(0, 4))) {
      fail(trial, `startYear ${String(trial.startYear)} vs startDate ${trial.startDate}`);
    }
  }
  if (!isStringArray(trial.conditions)) fail(trial, 'conditions is not a string[]');
  if (!isStringArray(trial.countries)) fail(trial, 'countries is not a string[]');
  if (new Set(trial.countries).size !== trial.countries.length)
    fail(trial, 'countries are not distinct');
  if (!Array.isArray(trial.interventions)) fail(trial, 'interventions is not an array');
  for (const iv of trial.interventions) {
    if (typeof iv.name !== 'string' || typeof iv.type !== 'string')
      fail(trial, 'intervention without string name/type');
  }
  if (!Array.isArray(trial.locations)) fail(trial, 'locations is not an array');
  for (const loc of trial.locations) {
    for (const k of ['lat', 'lon'] as const) {
      const v = loc[k];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v)))
        fail(trial, `location ${k} ${String(v)}`);
    }
  }
  if (typeof trial.hasResults !== 'boolean') fail(trial, 'hasResults is not a boolean');
}

/** JSON files of a repository folder (relative to the repo root), sorted by name. */
export function readJsonDir(dir: string): unknown[] {
  const url = new URL(`../../${dir}/`, import.meta.url);
  return readdirSync(url)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, url), 'utf8')) as unknown);
}

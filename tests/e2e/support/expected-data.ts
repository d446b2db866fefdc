/**
 * What the browser should show, computed in Node from the same data and the same domain code: the
 * emulator's answer to the default search over mocks/fixtures/studies.json (mock build), and the bundled
 * public/data/snapshot.json (production build offline). Browser specs compare the page with these figures.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_QUERY,
  STUDY_FIELDS,
  queryToSearchParams,
} from '../../../src/api/ctgov/default-query.ts';
import {
  countByDisease,
  countByPhase,
  countByTransplantType,
  summarize,
} from '../../../src/domain/aggregate.ts';
import { DEFAULT_FILTERS, filterTrials, type TrialFilters } from '../../../src/domain/filters.ts';
import { normalizeStudies } from '../../../src/domain/normalize-study.ts';
import type { Trial } from '../../../src/domain/trial.ts';
import type { Page } from '@playwright/test';

const root = new URL('../../../', import.meta.url);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
}

/**
 * The studies the emulator returns for the app's default search (one big page, the app's fields), asked
 * from a page of the mock build (the emulator runs there, in the MSW service worker; Node cannot import it
 * without JSON import attributes). `page` must already show the mock build.
 */
export async function mockLiveStudies(page: Page): Promise<unknown[]> {
  const params = queryToSearchParams(DEFAULT_QUERY);
  params.set('fields', STUDY_FIELDS.join(','));
  params.set('pageSize', '1000');
  const url = `https://clinicaltrials.gov/api/v2/studies?${params.toString()}`;
  return page.evaluate(async (u) => {
    const response = await fetch(u);
    if (!response.ok) throw new Error(`emulator answered ${response.status}`);
    const body = (await response.json()) as { studies: unknown[]; nextPageToken?: string };
    if (body.nextPageToken) throw new Error('emulator answered more than one page');
    return body.studies;
  }, url);
}

export function snapshotStudies(): unknown[] {
  return (readJson('public/data/snapshot.json') as { studies: unknown[] }).studies;
}

export type Expected = {
  /** Trials on screen with the given filters. */
  total: number;
  recruiting: number;
  disease: Map<string, number>;
  /** Transplant type label → total. */
  type: Map<string, number>;
  phase: Map<string, number>;
  trials: Trial[];
};

export function expectedFor(studies: unknown[], filters: Partial<TrialFilters> = {}): Expected {
  const { trials: all } = normalizeStudies(studies);
  const trials = filterTrials(all, { ...DEFAULT_FILTERS, ...filters });
  return {
    total: trials.length,
    recruiting: summarize(trials).recruiting,
    disease: new Map(countByDisease(trials).map((r) => [r.label, r.count])),
    type: new Map(countByTransplantType(trials).map((r) => [r.label, r.total])),
    phase: new Map(countByPhase(trials).map((r) => [r.label, r.count])),
    trials,
  };
}

export function allTrials(studies: unknown[]): Trial[] {
  return normalizeStudies(studies).trials;
}

/**
 * The site lists of the precomputed dataset (data/trial-sites.json): the sites, central contacts and
 * other SITE_FILE_FIELDS of the trials read from the core (data/trials.json). Asked at low priority, at
 * once by a view that shows them, else shortly after the first draw (useSpeculativeSites); every view
 * that shows sites or contacts waits for them through useSiteLists and says so, and change tracking
 * compares site counts only once they are in.
 */
import { queryOptions, useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { fetchSiteJson, siteFileUrl } from '../api/site-data.ts';
import {
  completeTrial,
  contentHashProblem,
  readTrialSites,
  TRIAL_SITES_PATH,
  type TrialSites,
} from '../domain/precomputed-dataset.ts';
import { filterTrials, hasSearch, type TrialFilters } from '../domain/filters.ts';
import type { Trial } from '../domain/trial.ts';
import { messageOf } from '../lib/error-message.ts';
import { whenDrawsDone } from '../lib/pending-draws.ts';
import { trialQueries, type TrialDataset } from './trial-queries.ts';

/**
 * The site lists file is sound but belongs to another core than the trials shown: the site has
 * published another snapshot since they were read (a saved copy from before it). The trials are then
 * read again (useSiteLists), not the file called damaged.
 */
export class SitesOfAnotherCoreError extends Error {}

/** The site lists file next to the core at `precomputedUrl` (default: data/trial-sites.json of the site). */
export function trialSitesUrl(precomputedUrl?: string): string {
  return precomputedUrl === undefined
    ? siteFileUrl(TRIAL_SITES_PATH)
    : precomputedUrl.replace(/[^/]*$/, TRIAL_SITES_PATH.split('/').at(-1) ?? '');
}

/** Reads and validates the site lists file of the core whose content hash is `coreHash`. */
export async function loadTrialSites(
  signal: AbortSignal,
  coreHash: string,
  url: string,
): Promise<TrialSites> {
  let data: unknown;
  let text: string;
  let body: Uint8Array<ArrayBuffer>;
  try {
    ({ data, text, body } = await fetchSiteJson(url, { signal, priority: 'low' }));
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(`The site lists could not be loaded: ${messageOf(error)}`, { cause: error });
  }
  const damaged = await contentHashProblem(data, text, body);
  if (damaged !== undefined) throw new Error(`The site lists are damaged: ${damaged}`);
  const read = readTrialSites(data, coreHash);
  if (!read.ok && read.otherCore) {
    throw new SitesOfAnotherCoreError(`The site lists are of another snapshot: ${read.problem}`);
  }
  if (!read.ok) throw new Error(`The site lists are damaged: ${read.problem}`);
  return read.sites;
}

export const trialSitesQuery = (coreHash: string, precomputedUrl?: string) => {
  const url = trialSitesUrl(precomputedUrl);
  return queryOptions({
    queryKey: ['trial-sites', url, coreHash] as const,
    queryFn: ({ signal }) => loadTrialSites(signal, coreHash, url),
    staleTime: Infinity,
    retry: 1,
  });
};

/** How long after the first draw the site lists are asked when no view has needed them yet. */
export const SPECULATIVE_SITES_DELAY_MS = 2_000;

/**
 * Whether to ask the site lists although no view needs them yet: once the first view has had time to
 * load what it draws (the chart code, a similar size on the same slow line), after
 * SPECULATIVE_SITES_DELAY_MS and an idle moment, so that the patient view, the trial detail and the
 * downloads usually find them in. A view that needs them asks at once.
 */
export function useSpeculativeSites(): boolean {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    let idle: number | undefined;
    let live = true;
    const timer = setTimeout(() => {
      // Not between the first view's chart drawings (src/lib/pending-draws.ts), then when idle.
      void whenDrawsDone().then(() => {
        if (!live) return;
        if (typeof requestIdleCallback === 'function') {
          idle = requestIdleCallback(() => setWanted(true), { timeout: 2_000 });
        } else {
          setWanted(true);
        }
      });
    }, SPECULATIVE_SITES_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, []);
  return wanted;
}

/**
 * The site lists as the views use them. `completed(trial)` is the trial with its sites, contacts and
 * other SITE_FILE_FIELDS, or undefined while they are not known (still loading, or failed).
 */
export type SiteLists = {
  state: 'ready' | 'loading' | 'failed';
  /** Why the site lists cannot be shown (state 'failed'). */
  problem?: string;
  completed: (trial: Trial) => Trial | undefined;
  retry: () => void;
};

const whole = (trial: Trial) => trial;

/** The cores whose trials were read again because their site lists were of another snapshot. */
const rereadCores = new Set<string>();
/** The dataset queries (trialQueries.dataset), whatever their search and mode. */
const DATASET_KEY = [...trialQueries.all(), 'dataset'];
/** The precomputed core files read by this page (precomputedQuery), whatever their address. */
const PRECOMPUTED_KEY = [...trialQueries.all(), 'precomputed'];

/**
 * The site lists of `dataset`'s trials. A dataset that did not come from the precomputed core (a full
 * live pull, the bundled sample) has them all already. Otherwise the site lists file is asked (low
 * priority) once `wanted`: the trials of the live delta are whole, the others are completed from the
 * file. A file without an entry for one of the core's trials is refused as a whole.
 */
export function useSiteLists(
  dataset: TrialDataset,
  precomputedUrl?: string,
  /** False: not asked yet; the trials from the core stay without their sites ("loading"). */
  wanted = true,
): SiteLists {
  const ref = dataset.sitesFile;
  // Once asked, always: a view closed again does not disable the query (which would ask again, from
  // "loading", when the next view needs it, after a failure too).
  const [asked, setAsked] = useState(wanted);
  if (wanted && !asked) setAsked(true);
  const query = useQuery({
    ...trialSitesQuery(ref?.coreHash ?? '', precomputedUrl),
    enabled: ref !== undefined && (wanted || asked),
  });
  const { refetch } = query;
  const sites = query.data;
  const trials = dataset.trials;
  // Site lists of another snapshot: the trials shown are read again from the site's current files
  // (once per core, so that a site serving a core and site lists that do not belong together ends in
  // the plain failure below); until that is done the site lists are "loading".
  const client = useQueryClient();
  const rereading = useIsFetching({ queryKey: DATASET_KEY }) > 0;
  const otherCore = query.error instanceof SitesOfAnotherCoreError ? ref?.coreHash : undefined;
  const firstTime = otherCore !== undefined && !rereadCores.has(otherCore);
  useEffect(() => {
    if (otherCore === undefined || rereadCores.has(otherCore)) return;
    rereadCores.add(otherCore);
    // The core is read once per page (snapshot-first.ts): forget it, so that it is read again too.
    client.removeQueries({ queryKey: PRECOMPUTED_KEY });
    void client.invalidateQueries({ queryKey: DATASET_KEY });
  }, [otherCore, client]);
  const error = otherCore !== undefined && (firstTime || rereading) ? null : query.error;
  return useMemo((): SiteLists => {
    const retry = () => void refetch();
    if (ref === undefined) return { state: 'ready', completed: whole, retry };
    const live = new Set(ref.liveIds);
    const completedOf = new WeakMap<Trial, Trial>();
    const known = (trial: Trial) => (live.has(trial.nctId) ? trial : undefined);
    if (sites === undefined) {
      return error === null
        ? { state: 'loading', completed: known, retry }
        : { state: 'failed', problem: messageOf(error), completed: known, retry };
    }
    const missing = trials.find((t) => !live.has(t.nctId) && !sites.has(t.nctId));
    if (missing !== undefined) {
      return {
        state: 'failed',
        problem: `The site lists are damaged: they have no entry for ${missing.nctId}, one of the trials shown.`,
        completed: known,
        retry,
      };
    }
    const completed = (trial: Trial) => {
      if (live.has(trial.nctId)) return trial;
      const data = sites.get(trial.nctId);
      if (data === undefined) return undefined;
      let full = completedOf.get(trial);
      if (full === undefined) {
        full = completeTrial(trial, data);
        completedOf.set(trial, full);
      }
      return full;
    };
    return { state: 'ready', completed, retry };
  }, [ref, sites, error, trials, refetch]);
}

/** What a text search has not looked in yet: the site lists' texts are loading, or failed. */
export type SearchGap =
  { state: 'loading' } | { state: 'failed'; problem: string; retry: () => void };

/**
 * The trials that pass `filters`. The text search also reads texts of the site lists file (official
 * titles, conditions, interventions: SITE_FILE_FIELDS): with a search (hasSearch; useSiteLists must
 * then be `wanted`), the trials are completed from it once it is in; until then, or when it failed, the
 * core's trials are searched and `searchGap` says so. Without a search the dataset's own trials are
 * filtered, so that the site lists arriving redraw nothing.
 */
export function useFilteredTrials(
  dataset: TrialDataset,
  siteLists: SiteLists,
  filters: TrialFilters,
): { trials: Trial[]; searchGap?: SearchGap } {
  const searching = hasSearch(filters);
  const { trials } = dataset;
  const searchable = useMemo((): { trials: readonly Trial[]; searchGap?: SearchGap } => {
    if (!searching || dataset.sitesFile === undefined) return { trials };
    if (siteLists.state === 'ready') {
      return { trials: trials.map((trial) => siteLists.completed(trial) ?? trial) };
    }
    return {
      trials,
      searchGap:
        siteLists.state === 'failed'
          ? { state: 'failed', problem: siteLists.problem ?? '', retry: siteLists.retry }
          : { state: 'loading' },
    };
  }, [trials, dataset.sitesFile, siteLists, searching]);
  const filtered = useMemo(
    () => filterTrials(searchable.trials, filters),
    [searchable.trials, filters],
  );
  return searchable.searchGap === undefined
    ? { trials: filtered }
    : { trials: filtered, searchGap: searchable.searchGap };
}

/**
 * What the trial detail gets of the selected trial: the list's trial with its site lists when they are
 * in, else the list's trial and whether its site lists are loading or failed.
 */
export function selectedTrialProps(
  trial: Trial | undefined,
  siteLists: SiteLists,
): { trial?: Trial; listSites?: 'loading' | 'failed' } {
  if (trial === undefined) return {};
  const whole = siteLists.completed(trial);
  if (whole !== undefined) return { trial: whole };
  return { trial, listSites: siteLists.state === 'failed' ? 'failed' : 'loading' };
}

/**
 * The trials of the view with their site lists, for the downloads; or what they wait for (`preparing`,
 * the site lists are loading) or why they cannot be made (`unavailable`, the site lists failed).
 */
export function useExportTrials(
  trials: readonly Trial[],
  siteLists: SiteLists,
): { trials: readonly Trial[]; unavailable?: string; preparing?: string } {
  return useMemo(() => {
    if (siteLists.state === 'loading') {
      return { trials, preparing: 'Preparing the downloads: loading the site lists…' };
    }
    if (siteLists.state === 'failed') {
      return {
        trials,
        unavailable: `The downloads need the site lists. ${siteLists.problem ?? ''}`.trim(),
      };
    }
    return { trials: trials.map((t) => siteLists.completed(t) ?? t) };
  }, [trials, siteLists]);
}

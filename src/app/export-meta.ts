import { describeDataset, type DatasetFacts } from '../domain/export/citation.ts';
import type { ExportMeta } from '../domain/export/provenance.ts';
import type { TrialFilters } from '../domain/filters.ts';
import type { TrialDataset } from '../queries/trial-queries.ts';
import { serializeUrlState, type TableSort, type View } from '../state/url-state.ts';

/**
 * The absolute address of a view: the page address with these filters, view and table sort (each left
 * out when it is the default). An open trial, the hash and the `changed` filter are left out: `changed`
 * is relative to each viewer's own last visit, so it would show someone else other trials. Without
 * `sort`, whatever sort the address holds is kept. Computed from the state, not read from the address
 * bar, which the URL state updates a moment after rendering.
 */
export function viewPermalink(
  href: string,
  filters: TrialFilters,
  view: View,
  sort?: TableSort,
): string {
  const url = new URL(href);
  url.hash = '';
  url.searchParams.delete('trial');
  url.searchParams.delete('changed');
  return serializeUrlState(url.toString(), { ...filters, view, ...(sort ? { sort } : {}) });
}

/** When the data was current: the registry's timestamp, the snapshot's capture date, or the load time. */
export function dataDateOf(dataset: TrialDataset): string {
  return dataset.dataTimestamp ?? dataset.bundledMeta?.capturedAt ?? dataset.fetchedAt;
}

/** Which data the view shows: live, a snapshot of a date with N studies, or the bundled sample. */
export function datasetFactsOf(dataset: TrialDataset): DatasetFacts {
  const kind = dataset.source === 'live' ? 'live' : (dataset.bundledMeta?.kind ?? 'bundled-sample');
  return {
    kind,
    date: dataDateOf(dataset),
    studyCount: dataset.trials.length,
    apiVersion: dataset.apiVersion,
  };
}

/** What exported files (CSV, JSON, RIS, chart images) say about the current view. */
export function exportMetaOf(
  dataset: TrialDataset,
  filters: TrialFilters,
  permalink: string,
): ExportMeta {
  const facts = datasetFactsOf(dataset);
  return {
    source: describeDataset(facts),
    dataset: facts,
    query: dataset.queryDescription,
    filters,
    dataAsOf: dataDateOf(dataset),
    appVersion: __APP_VERSION__,
    generatedAt: new Date().toISOString(),
    permalink,
  };
}

/**
 * What every exported file says about itself: where the data came from, which search and filters
 * produced it, how many rows it holds and when. Pure functions; the UI supplies the values.
 */
import { formatDate, pluralize } from '../../lib/format.ts';
import type { DatasetFacts } from './citation.ts';

/** A filter value as it appears in the view state (TrialFilters is assignable to FilterSnapshot). */
export type FilterValue = string | number | boolean | null | readonly string[];
export type FilterSnapshot = Readonly<Record<string, FilterValue>>;

export type ExportMeta = {
  /** Which data, in words (describeDataset), e.g. "Snapshot of ClinicalTrials.gov taken 25 September 2025, 1,204 studies". */
  source: string;
  /** The same dataset as facts, for citations (plain text, BibTeX, RIS). */
  dataset?: DatasetFacts;
  /** The API search, as shown on the page (describeQuery), e.g. "query.cond=… · query.intr=…". */
  query: string;
  /** The dashboard filters of the view (the current TrialFilters). */
  filters: FilterSnapshot;
  /** When the data was current: the API dataTimestamp, the snapshot date or the fetch time (ISO). */
  dataAsOf?: string;
  appVersion: string;
  /** When the file was made (ISO date-time). */
  generatedAt: string;
  /** Absolute URL of the same view in the full dashboard. */
  permalink: string;
};

export type ProvenanceField = { label: string; value: string };

export const APP_NAME = 'HSCT Trials Dashboard';

function isEmptyFilterValue(value: FilterValue): boolean {
  return (
    value === null ||
    value === false ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The filters that restrict the view, as "name=value" text, e.g. "disease=lupus,multiple-sclerosis;
 * therapy=hsct; results=1". Empty lists, null years, false switches and empty text are left out.
 */
export function describeFilters(filters: FilterSnapshot): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(filters)) {
    if (isEmptyFilterValue(value)) continue;
    let text: string;
    if (Array.isArray(value)) text = (value as readonly string[]).join(',');
    else if (value === true) text = '1';
    else text = String(value);
    parts.push(`${name}=${text}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'none';
}

/** "25 September 2025", or "unknown date" when the data date is not known. */
export function describeDataDate(dataAsOf: string | undefined): string {
  return dataAsOf ? formatDate(dataAsOf) : 'unknown date';
}

/** The source line of every chart, on screen and in its SVG/PNG: "ClinicalTrials.gov, data as of 22 April 2026, 44 trials". */
export function chartSourceLine(dataAsOf: string | undefined, count: number): string {
  return `ClinicalTrials.gov, data as of ${describeDataDate(dataAsOf)}, ${pluralize(count, 'trial')}`;
}

/** The labelled provenance fields written at the top of every export (same order everywhere). */
export function provenanceFields(meta: ExportMeta, rowCount: number): ProvenanceField[] {
  return [
    {
      label: 'Title',
      value: `${APP_NAME}: trials of haematopoietic stem cell transplantation in autoimmune disease`,
    },
    { label: 'Source', value: meta.source },
    { label: 'Data as of', value: meta.dataAsOf ?? 'unknown' },
    { label: 'Query', value: meta.query },
    { label: 'Filters', value: describeFilters(meta.filters) },
    { label: 'Rows', value: String(rowCount) },
    { label: 'Permalink', value: meta.permalink },
    { label: 'Generated', value: meta.generatedAt },
    { label: 'App version', value: meta.appVersion },
  ];
}

/** One sentence for chart descriptions and RIS notes. */
export function provenanceSentence(meta: ExportMeta, rowCount: number): string {
  const trials = pluralize(rowCount, 'trial');
  return (
    `${APP_NAME}, ${trials}. Data: ${meta.source}, as of ${describeDataDate(meta.dataAsOf)}. ` +
    `Query: ${meta.query}. Filters: ${describeFilters(meta.filters)}. View: ${meta.permalink}`
  );
}

/** Single-line text: line breaks and other control characters become spaces. */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/**
 * A safe download file name: "hsct-trials-2025-09-25.csv" (date of the data, else of generation).
 */
export function exportFilename(meta: ExportMeta, extension: string, base = 'hsct-trials'): string {
  const date =
    /^\d{4}-\d{2}-\d{2}/.exec(meta.dataAsOf ?? '')?.[0] ??
    /^\d{4}-\d{2}-\d{2}/.exec(meta.generatedAt)?.[0];
  const safeBase = base.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'hsct-trials';
  return date ? `${safeBase}-${date}.${extension}` : `${safeBase}.${extension}`;
}

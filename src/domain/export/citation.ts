/**
 * "Cite this view": the current view of the dashboard as a citation, in plain text, BibTeX and RIS, saying
 * which dataset it shows (live data, a snapshot of a date with N studies, or the bundled sample).
 */
import { formatDate, pluralize } from '../../lib/format.ts';
import { APP_NAME } from './provenance.ts';

/** Which data a view shows. */
export type DatasetFacts = {
  kind: 'live' | 'snapshot' | 'bundled-sample';
  /** When the data was current (ISO date or date-time). */
  date?: string | undefined;
  /** Studies in the dataset. */
  studyCount: number;
  apiVersion?: string | undefined;
};

/**
 * The dataset in words, for citations and exported files; never a repository path:
 * "ClinicalTrials.gov API v2 (version 2.0.5), live data of 25 September 2025, 1,204 studies",
 * "Snapshot of ClinicalTrials.gov taken 25 September 2025, 1,204 studies",
 * "Bundled sample of 88 ClinicalTrials.gov records (not a complete search; latest record update
 * 22 April 2026)".
 */
export function describeDataset({ kind, date, studyCount, apiVersion }: DatasetFacts): string {
  const studies = pluralize(studyCount, 'study', 'studies');
  const day = date ? formatDate(date) : null;
  switch (kind) {
    case 'live':
      return `ClinicalTrials.gov API v2${apiVersion ? ` (version ${apiVersion})` : ''}, live data${day ? ` of ${day}` : ''}, ${studies}`;
    case 'snapshot':
      return `Snapshot of ClinicalTrials.gov${day ? ` taken ${day}` : ''}, ${studies}`;
    case 'bundled-sample':
      return `Bundled sample of ${pluralize(studyCount, 'ClinicalTrials.gov record')} (not a complete search${day ? `; latest record update ${day}` : ''})`;
  }
}

export type CitationInput = {
  /** Number of trials in the view. */
  count: number;
  /** The dataset of the view (describeDataset). */
  dataset: DatasetFacts;
  /** Absolute URL of the view. */
  permalink: string;
  /** Date of access (ISO date or Date); default today. */
  accessed?: string | Date;
};

export const CITATION_FORMATS = ['text', 'bibtex', 'ris'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];
export const CITATION_FORMAT_LABELS: Record<CitationFormat, string> = {
  text: 'Plain text',
  bibtex: 'BibTeX',
  ris: 'RIS',
};

function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function titleOf(count: number): string {
  return `Trials of haematopoietic stem cell transplantation in autoimmune disease, filtered view (${pluralize(count, 'trial')})`;
}

/**
 * e.g. "HSCT Trials Dashboard. Trials of haematopoietic stem cell transplantation in autoimmune disease,
 * filtered view (12 trials). Data: Snapshot of ClinicalTrials.gov taken 25 September 2025, 1,204 studies.
 * https://example.org/?disease=lupus (accessed 1 October 2025)."
 */
export function formatCitation({
  count,
  dataset,
  permalink,
  accessed = new Date(),
}: CitationInput): string {
  return (
    `${APP_NAME}. ${titleOf(count)}. Data: ${describeDataset(dataset)}. ` +
    `${permalink} (accessed ${formatDate(isoDay(accessed))}).`
  );
}

/** BibTeX text: the characters LaTeX treats specially are escaped. */
function tex(text: string): string {
  return text.replace(/[\\{}]/g, '').replace(/([%&#_$])/g, '\\$1');
}

/** The citation as a BibTeX @misc entry (the URL in \url{}, the dataset and access date in the note). */
export function formatBibtex({
  count,
  dataset,
  permalink,
  accessed = new Date(),
}: CitationInput): string {
  const day = isoDay(accessed);
  const year = (dataset.date ?? day).slice(0, 4);
  return [
    `@misc{hsct_trials_dashboard_${day.replace(/-/g, '')},`,
    `  author = {{${APP_NAME}}},`,
    `  title = {${tex(titleOf(count))}},`,
    `  year = {${year}},`,
    `  howpublished = {\\url{${permalink.replace(/([%#])/g, '\\$1')}}},`,
    `  note = {Data: ${tex(describeDataset(dataset))}. Accessed ${day}},`,
    '}',
  ].join('\n');
}

/** The citation as a RIS record of a dataset (TY DATA), for reference managers. */
export function formatRisCitation({
  count,
  dataset,
  permalink,
  accessed = new Date(),
}: CitationInput): string {
  const day = isoDay(accessed);
  const lines = [
    ['TY', 'DATA'],
    ['AU', APP_NAME],
    ['TI', titleOf(count)],
    ['PY', (dataset.date ?? day).slice(0, 4)],
    ...(dataset.date ? [['DA', isoDay(dataset.date).replace(/-/g, '/')]] : []),
    ['UR', permalink],
    ['Y2', day.replace(/-/g, '/')],
    ['N1', `Data: ${describeDataset(dataset)}.`],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}`.trimEnd()).join('\n');
}

export function formatCitationAs(format: CitationFormat, input: CitationInput): string {
  if (format === 'bibtex') return formatBibtex(input);
  if (format === 'ris') return formatRisCitation(input);
  return formatCitation(input);
}

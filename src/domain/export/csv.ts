/**
 * CSV export of normalized trials: RFC 4180 (papaparse `unparse`, CRLF line ends, fields with commas,
 * quotes or line breaks quoted), UTF-8 with a byte-order mark so spreadsheet programs read non-Latin
 * text correctly. One row per trial; list fields are joined with "; ".
 *
 * Provenance: the file starts with lines beginning with "#" ("# Source: …", "# Query: …", "# Rows: …")
 * and then the header row. Readers skip them with their comment option (pandas `comment='#'`, R
 * `comment.char = "#"`, papaparse `comments: '#'`); with `provenance: false` the file is the bare table.
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed with
 * a single quote (papaparse `escapeFormulae`).
 */
import Papa from 'papaparse';
import type { Trial } from '../trial.ts';
import { provenanceFields, singleLine, type ExportMeta } from './provenance.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_LIST_SEPARATOR = '; ';

type CsvColumn = { header: string; value: (t: Trial) => string | number | boolean | undefined };

const list = (values: readonly string[]): string => values.join(CSV_LIST_SEPARATOR);

/** The columns of the CSV, in order. Codes are the API's (status, phase) and the dashboard's (diseases, therapy, type, design facets). */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'nct_id', value: (t) => t.nctId },
  { header: 'title', value: (t) => t.title },
  { header: 'official_title', value: (t) => t.officialTitle },
  { header: 'acronym', value: (t) => t.acronym },
  { header: 'status', value: (t) => t.status },
  { header: 'why_stopped', value: (t) => t.whyStopped },
  { header: 'study_type', value: (t) => t.studyType },
  { header: 'phase', value: (t) => t.phase },
  { header: 'diseases', value: (t) => list(t.diseases) },
  { header: 'therapy', value: (t) => t.therapy },
  { header: 'transplant_type', value: (t) => t.transplantType },
  { header: 'transplant_evidence', value: (t) => t.transplantEvidence },
  { header: 'conditioning', value: (t) => t.design.conditioning },
  { header: 'conditioning_regimen', value: (t) => t.design.regimen },
  { header: 'conditioning_evidence', value: (t) => t.design.evidence.conditioning },
  { header: 'graft_manipulation', value: (t) => t.design.graft },
  { header: 'graft_evidence', value: (t) => t.design.evidence.graft },
  { header: 'allocation', value: (t) => t.design.allocation },
  { header: 'allocation_evidence', value: (t) => t.design.evidence.allocation },
  { header: 'comparator', value: (t) => t.design.comparator },
  { header: 'comparator_evidence', value: (t) => t.design.evidence.comparator },
  { header: 'result_pmids', value: (t) => list(t.design.resultPmids) },
  { header: 'conditions', value: (t) => list(t.conditions) },
  { header: 'interventions', value: (t) => list(t.interventions.map((i) => i.name)) },
  { header: 'start_date', value: (t) => t.startDate },
  { header: 'start_year', value: (t) => t.startYear },
  { header: 'completion_date', value: (t) => t.completionDate },
  { header: 'first_posted', value: (t) => t.firstPosted },
  { header: 'last_updated', value: (t) => t.lastUpdated },
  { header: 'enrollment', value: (t) => t.enrollment?.count },
  { header: 'enrollment_type', value: (t) => t.enrollment?.type },
  { header: 'sponsor', value: (t) => t.sponsor?.name },
  { header: 'sponsor_class', value: (t) => t.sponsor?.class },
  { header: 'countries', value: (t) => list(t.countries) },
  { header: 'location_count', value: (t) => t.locations.length },
  { header: 'has_results', value: (t) => (t.hasResults ? 'yes' : 'no') },
  { header: 'url', value: (t) => t.url },
];

export type CsvOptions = {
  /** Write the "# …" provenance lines before the header row (default true). */
  provenance?: boolean;
};

/** The whole CSV file as text, starting with the UTF-8 byte-order mark. */
export function trialsToCsv(
  trials: readonly Trial[],
  meta: ExportMeta,
  options: CsvOptions = {},
): string {
  const table = Papa.unparse(
    {
      fields: CSV_COLUMNS.map((c) => c.header),
      data: trials.map((t) => CSV_COLUMNS.map((c) => c.value(t) ?? '')),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
  const header =
    options.provenance === false
      ? ''
      : provenanceFields(meta, trials.length)
          .map((f) => `# ${f.label}: ${singleLine(f.value)}\r\n`)
          .join('');
  return `${CSV_BOM}${header}${table}\r\n`;
}

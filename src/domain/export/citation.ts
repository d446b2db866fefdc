/** "Cite this view": one citation sentence for the current view of the dashboard. */
import { formatDate, pluralize } from '../../lib/format.ts';
import { APP_NAME } from './provenance.ts';

export type CitationInput = {
  /** Number of trials in the view. */
  count: number;
  /** When the data was current (ISO date or date-time). */
  dataDate?: string;
  /** Absolute URL of the view. */
  permalink: string;
  /** Date of access (ISO date or Date); default today. */
  accessed?: string | Date;
};

function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

/**
 * e.g. "HSCT Trials Dashboard. Trials of haematopoietic stem cell transplantation in autoimmune disease,
 * filtered view (12 trials). Data: ClinicalTrials.gov, as of 25 September 2025.
 * https://example.org/?disease=lupus (accessed 1 October 2025)."
 */
export function formatCitation({
  count,
  dataDate,
  permalink,
  accessed = new Date(),
}: CitationInput): string {
  const trials = pluralize(count, 'trial');
  const data = dataDate
    ? `Data: ClinicalTrials.gov, as of ${formatDate(dataDate)}.`
    : 'Data: ClinicalTrials.gov.';
  return (
    `${APP_NAME}. Trials of haematopoietic stem cell transplantation in autoimmune disease, filtered view (${trials}). ` +
    `${data} ${permalink} (accessed ${formatDate(isoDay(accessed))}).`
  );
}

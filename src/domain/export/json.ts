/** JSON export: { meta, trials } where meta says what the file holds and trials are normalized Trial objects. */
import type { Trial } from '../trial.ts';
import { APP_NAME, type ExportMeta, type FilterSnapshot } from './provenance.ts';

export type JsonExportMeta = {
  title: string;
  source: string;
  query: string;
  filters: FilterSnapshot;
  rowCount: number;
  dataAsOf: string | null;
  appVersion: string;
  generatedAt: string;
  permalink: string;
  /** The data are ClinicalTrials.gov records, normalized by the dashboard (see its README, "Trial model"). */
  note: string;
};

export type JsonExport = { meta: JsonExportMeta; trials: readonly Trial[] };

export function buildJsonExport(trials: readonly Trial[], meta: ExportMeta): JsonExport {
  return {
    meta: {
      title: `${APP_NAME}: trials of haematopoietic stem cell transplantation in autoimmune disease`,
      source: meta.source,
      query: meta.query,
      filters: meta.filters,
      rowCount: trials.length,
      dataAsOf: meta.dataAsOf ?? null,
      appVersion: meta.appVersion,
      generatedAt: meta.generatedAt,
      permalink: meta.permalink,
      note: 'Records from ClinicalTrials.gov (U.S. National Library of Medicine), normalized and classified by the dashboard; check each trial at its url.',
    },
    trials,
  };
}

/** The JSON file as text (2-space indentation, trailing newline). */
export function trialsToJson(trials: readonly Trial[], meta: ExportMeta): string {
  return `${JSON.stringify(buildJsonExport(trials, meta), null, 2)}\n`;
}

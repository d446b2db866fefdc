/**
 * RIS export (for Zotero, EndNote, Mendeley…): one DBASE (database record) entry per trial.
 * Tags: TY, ID/AN (NCT id), TI, AU (sponsor), PY (year first posted, else start year), DA, UR,
 * DB (ClinicalTrials.gov), DP, KW (conditions), Y2 (date of access), N1 (provenance), ER.
 * Values are single-line; lines end with CRLF.
 */
import type { Trial } from '../trial.ts';
import { provenanceSentence, singleLine, type ExportMeta } from './provenance.ts';

function line(tag: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = singleLine(String(value));
  return text === '' ? '' : `${tag}  - ${text}\r\n`;
}

function yearOf(date: string | undefined): number | undefined {
  const match = /^(\d{4})/.exec(date ?? '');
  return match ? Number(match[1]) : undefined;
}

/** RIS dates are yyyy/mm/dd (month and day may be empty). */
function risDate(date: string | undefined): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  if (!match) return undefined;
  return `${match[1]}/${match[2] ?? ''}/${match[3] ?? ''}`;
}

export function trialToRis(trial: Trial, meta: ExportMeta, note: string): string {
  const accessed = risDate(meta.generatedAt);
  return [
    'TY  - DBASE\r\n',
    line('ID', trial.nctId),
    line('AN', trial.nctId),
    line('TI', trial.title),
    line('ST', trial.acronym),
    line('AU', trial.sponsor?.name),
    line('PY', yearOf(trial.firstPosted) ?? trial.startYear),
    line('DA', risDate(trial.firstPosted)),
    line('UR', trial.url),
    line('DB', 'ClinicalTrials.gov'),
    line('DP', 'U.S. National Library of Medicine'),
    ...trial.conditions.map((c) => line('KW', c)),
    line('Y2', accessed),
    line('N1', note),
    'ER  - \r\n',
  ].join('');
}

/** The RIS file as text: one entry per trial, separated by a blank line. */
export function trialsToRis(trials: readonly Trial[], meta: ExportMeta): string {
  const note = `Exported from ${provenanceSentence(meta, trials.length)}`;
  return trials.map((t) => trialToRis(t, meta, note)).join('\r\n');
}

import { useState } from 'react';
import { trialsToCsv } from '../../domain/export/csv.ts';
import { trialsToJson } from '../../domain/export/json.ts';
import { exportFilename, type ExportMeta } from '../../domain/export/provenance.ts';
import { trialsToRis } from '../../domain/export/ris.ts';
import type { Trial } from '../../domain/trial.ts';
import { pluralize } from '../../lib/format.ts';
import { downloadText } from './download.ts';
import './share.css';

export type ExportButtonsProps = {
  /** The trials of the current (filtered) view. */
  trials: readonly Trial[];
  /** What the files say about themselves (source, query, filters, data date, permalink…). */
  meta: ExportMeta;
  /** File name start, default "hsct-trials" (the data date and extension are added). */
  filenameBase?: string;
  /**
   * Why the files cannot be made yet (the trials' site lists are still loading or failed): the buttons
   * are disabled and the reason is shown, so that no file leaves without the sites.
   */
  unavailable?: string;
};

type Format = {
  label: string;
  extension: string;
  mimeType: string;
  build: (t: readonly Trial[], m: ExportMeta) => string;
};

const FORMATS: readonly Format[] = [
  {
    label: 'Download CSV',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    build: trialsToCsv,
  },
  {
    label: 'Download JSON',
    extension: 'json',
    mimeType: 'application/json;charset=utf-8',
    build: trialsToJson,
  },
  {
    label: 'Download RIS',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems;charset=utf-8',
    build: trialsToRis,
  },
];

/** Download buttons for the trials of the current view, as CSV, JSON and RIS. */
export function ExportButtons({ trials, meta, filenameBase, unavailable }: ExportButtonsProps) {
  const [saved, setSaved] = useState('');
  return (
    <div
      className="share-export-buttons"
      role="group"
      aria-label={`Download the ${pluralize(trials.length, 'trial')} of this view`}
    >
      {FORMATS.map((format) => (
        <button
          key={format.extension}
          type="button"
          className="button"
          disabled={unavailable !== undefined}
          onClick={() => {
            const filename = exportFilename(meta, format.extension, filenameBase);
            downloadText(format.build(trials, meta), filename, format.mimeType);
            setSaved(`Saved ${filename} (${pluralize(trials.length, 'trial')}).`);
          }}
        >
          {format.label}
        </button>
      ))}
      <span role="status" className="share-export-status">
        {unavailable ?? saved}
      </span>
    </div>
  );
}

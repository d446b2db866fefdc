import { useCallback, useEffect, useRef, useState } from 'react';
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
   * Why the files cannot be made (the trials' site lists failed to load): the buttons are disabled and
   * the reason is shown, so that no file leaves without the sites.
   */
  unavailable?: string;
  /**
   * What the files still wait for (the site lists are loading). The buttons stay as they are, so that
   * nothing on the page moves; a click says this and saves the file once it can be made.
   */
  preparing?: string;
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
export function ExportButtons({
  trials,
  meta,
  filenameBase,
  unavailable,
  preparing,
}: ExportButtonsProps) {
  const [saved, setSaved] = useState('');
  /** The format clicked while the files were still being prepared, saved once they can be made. */
  const queued = useRef<Format | undefined>(undefined);
  const [waiting, setWaiting] = useState(false);
  const save = useCallback(
    (format: Format) => {
      const filename = exportFilename(meta, format.extension, filenameBase);
      downloadText(format.build(trials, meta), filename, format.mimeType);
      setWaiting(false);
      setSaved(`Saved ${filename} (${pluralize(trials.length, 'trial')}).`);
    },
    [trials, meta, filenameBase],
  );
  const ready = unavailable === undefined && preparing === undefined;
  useEffect(() => {
    const format = queued.current;
    if (format === undefined || (!ready && unavailable === undefined)) return;
    queued.current = undefined;
    // A failure drops the click: the reason is shown instead, and nothing is saved later behind it.
    if (ready) save(format);
  }, [ready, unavailable, save]);
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
            if (ready) save(format);
            else {
              queued.current = format;
              setWaiting(true);
            }
          }}
        >
          {format.label}
        </button>
      ))}
      <span role="status" className="share-export-status">
        {unavailable ?? (waiting && !ready ? preparing : saved)}
      </span>
    </div>
  );
}

import type { ExportMeta } from '../domain/export/provenance.ts';
import type { Trial } from '../domain/trial.ts';
import { CiteThisView } from '../features/share/cite-this-view.tsx';
import { ExportButtons } from '../features/share/export-buttons.tsx';
import { ShareDialog } from '../features/share/share-dialog.tsx';

export type ShareToolbarProps = {
  /** The trials of the current (filtered) view. */
  trials: readonly Trial[];
  /** Provenance of the view; its permalink is the address of the view. */
  meta: ExportMeta;
  /** Why the downloads cannot be made (the site lists failed): shown, buttons disabled. */
  unavailable?: string;
  /** What the downloads still wait for (the site lists are loading): said when a button is clicked. */
  preparing?: string;
};

/** Share or embed the view, download its trials (CSV, JSON, RIS) and cite it. Loaded lazily. */
export function ShareToolbar({ trials, meta, unavailable, preparing }: ShareToolbarProps) {
  return (
    <>
      <div className="share-toolbar">
        <ShareDialog
          viewUrl={meta.permalink}
          {...(meta.dataAsOf ? { dataDate: meta.dataAsOf } : {})}
        />
        <ExportButtons
          trials={trials}
          meta={meta}
          {...(unavailable === undefined ? {} : { unavailable })}
          {...(preparing === undefined ? {} : { preparing })}
        />
      </div>
      <details className="share-cite-details">
        <summary>Cite this view</summary>
        <CiteThisView
          count={trials.length}
          permalink={meta.permalink}
          dataset={meta.dataset ?? { kind: 'live', date: meta.dataAsOf, studyCount: trials.length }}
        />
      </details>
    </>
  );
}

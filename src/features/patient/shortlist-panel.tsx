import { useId, useState } from 'react';
import type { DistanceUnit } from '../../domain/geo.ts';
import type { NearestSite } from '../../domain/site-places.ts';
import type { Trial } from '../../domain/trial.ts';
import { ContactsText, FullRecordLink, StatusText, WhereText } from './trial-card.tsx';

export type ShortlistPanelProps = {
  id?: string;
  title: string;
  ids: readonly string[];
  trialsById: ReadonlyMap<string, Trial>;
  nearestFor: (trial: Trial) => NearestSite | null;
  unit: DistanceUnit;
  /** A link that reopens this list. */
  shareUrl: string;
  /** True: this panel is what the print stylesheet prints. */
  printTarget: boolean;
  onPrint: () => void;
  onRemove?: (nctId: string) => void;
  onClear?: () => void;
  /** For a shared list: keep these trials in the person's own shortlist. */
  onSaveAll?: () => void;
  emptyText?: string;
};

/** A printable shortlist with contacts and links, and a link to reopen it. */
export function ShortlistPanel(props: ShortlistPanelProps) {
  const {
    id,
    title,
    ids,
    trialsById,
    nearestFor,
    unit,
    shareUrl,
    printTarget,
    onPrint,
    onRemove,
    onClear,
    onSaveAll,
    emptyText,
  } = props;
  const headingId = useId();
  const linkId = useId();
  const [copyMessage, setCopyMessage] = useState('');

  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopyMessage('Copying is not available here: select the link and copy it.');
      return;
    }
    clipboard.writeText(shareUrl).then(
      () => setCopyMessage('Link copied.'),
      () => setCopyMessage('The link could not be copied: select it and copy it.'),
    );
  };

  return (
    <section
      id={id}
      className={`patient-section patient-shortlist-panel${printTarget ? ' patient-is-print-target' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>
        {title} ({ids.length})
      </h2>
      {ids.length === 0 ? (
        <p>
          {emptyText ?? 'Nothing saved yet. Use “Save to my shortlist” on a trial to keep it here.'}
        </p>
      ) : (
        <>
          <p className="patient-print-only">
            Printed from the HSCT trials dashboard. Data from ClinicalTrials.gov. Whether you can
            take part is decided by the trial team.
          </p>
          <ol className="patient-shortlist-items">
            {ids.map((nctId) => {
              const trial = trialsById.get(nctId);
              if (!trial) {
                return (
                  <li key={nctId} className="patient-shortlist-item">
                    <h3 className="patient-shortlist-item-title">{nctId}</h3>
                    <p>
                      This trial is not in the current data (it may have changed status or the
                      search changed).
                    </p>
                    <p>
                      <a
                        href={`https://clinicaltrials.gov/study/${nctId}`}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        Open {nctId} on ClinicalTrials.gov
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </p>
                    {onRemove ? <RemoveButton nctId={nctId} onRemove={onRemove} /> : null}
                  </li>
                );
              }
              const nearest = nearestFor(trial);
              return (
                <li key={nctId} className="patient-shortlist-item">
                  <h3 className="patient-shortlist-item-title">{trial.title}</h3>
                  <p className="patient-card-id">{trial.nctId}</p>
                  <div>
                    Status: <StatusText trial={trial} />
                  </div>
                  <WhereText trial={trial} nearest={nearest} unit={unit} />
                  <ContactsText trial={trial} nearest={nearest} />
                  <p>
                    <FullRecordLink trial={trial} />
                    <span className="patient-print-only"> {trial.url}</span>
                  </p>
                  {onRemove ? <RemoveButton nctId={nctId} onRemove={onRemove} /> : null}
                </li>
              );
            })}
          </ol>
          <div className="patient-shortlist-actions patient-no-print">
            {onSaveAll ? (
              <button type="button" className="button" onClick={onSaveAll}>
                Save these to my shortlist
              </button>
            ) : null}
            <button type="button" className="button" onClick={onPrint}>
              Print this list
            </button>
            <button type="button" className="button button-quiet" onClick={copy}>
              Copy link to this list
            </button>
            {onClear ? (
              <button type="button" className="button button-quiet" onClick={onClear}>
                Clear my shortlist
              </button>
            ) : null}
          </div>
          <div className="patient-field patient-no-print">
            <label htmlFor={linkId}>Link that reopens this list</label>
            <input
              id={linkId}
              type="text"
              readOnly
              value={shareUrl}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <p role="status" className="patient-no-print">
            {copyMessage}
          </p>
        </>
      )}
    </section>
  );
}

function RemoveButton({ nctId, onRemove }: { nctId: string; onRemove: (nctId: string) => void }) {
  return (
    <button
      type="button"
      className="button button-quiet patient-no-print"
      onClick={() => onRemove(nctId)}
    >
      Remove<span className="visually-hidden"> {nctId}</span> from my shortlist
    </button>
  );
}

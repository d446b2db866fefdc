import { useId, useState } from 'react';
import {
  CITATION_FORMATS,
  CITATION_FORMAT_LABELS,
  formatCitationAs,
  type CitationFormat,
  type DatasetFacts,
} from '../../domain/export/citation.ts';
import { CopyField } from './copy-field.tsx';
import './share.css';

export type CiteThisViewProps = {
  /** Number of trials in the view. */
  count: number;
  /** Which data the view shows (live, a snapshot, the bundled sample). */
  dataset: DatasetFacts;
  /** Absolute URL of the view. */
  permalink: string;
  /** Date of access; default today. */
  accessed?: string | Date;
};

/** "Cite this view": the citation of the current view as plain text, BibTeX or RIS, with a copy button. */
export function CiteThisView({ count, dataset, permalink, accessed }: CiteThisViewProps) {
  const headingId = useId();
  const [format, setFormat] = useState<CitationFormat>('text');
  const citation = formatCitationAs(format, {
    count,
    dataset,
    permalink,
    ...(accessed ? { accessed } : {}),
  });
  return (
    <section className="share-cite-this-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Cite this view</h2>
      <fieldset className="cite-formats">
        <legend>Format</legend>
        {CITATION_FORMATS.map((f) => (
          <label key={f} className="share-radio">
            <input
              type="radio"
              name={`${headingId}-format`}
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />{' '}
            {CITATION_FORMAT_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <CopyField
        label="Citation"
        value={citation}
        copyLabel="Copy citation"
        multiline
        rows={format === 'text' ? 4 : 9}
      />
    </section>
  );
}

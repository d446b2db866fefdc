import { useId } from 'react';
import { formatCitation } from '../../domain/export/citation.ts';
import { CopyField } from './copy-field.tsx';
import './share.css';

export type CiteThisViewProps = {
  /** Number of trials in the view. */
  count: number;
  /** When the data was current (ISO date or date-time). */
  dataDate?: string;
  /** Absolute URL of the view. */
  permalink: string;
  /** Date of access; default today. */
  accessed?: string | Date;
};

/** "Cite this view": the citation sentence for the current view, with a copy button. */
export function CiteThisView({ count, dataDate, permalink, accessed }: CiteThisViewProps) {
  const headingId = useId();
  const citation = formatCitation({ count, dataDate, permalink, accessed });
  return (
    <section className="cite-this-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Cite this view</h2>
      <CopyField label="Citation" value={citation} copyLabel="Copy citation" multiline rows={4} />
    </section>
  );
}

import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { GLOSSARY, GLOSSARY_ENTRIES } from '../../domain/plain-language.ts';
import type { GlossaryTermId } from '../../domain/plain-language.ts';

/** Id of the glossary section, for links such as "#patient-glossary". */
export const GLOSSARY_SECTION_ID = 'patient-glossary';

export function glossaryEntryId(id: GlossaryTermId): string {
  return `${GLOSSARY_SECTION_ID}-${id}`;
}

export type GlossaryTermProps = {
  id: GlossaryTermId;
  /** The words shown in the text; defaults to the glossary term. */
  children?: ReactNode;
};

/**
 * A term in running text that opens its plain definition in a popover (a dialog: Escape closes it, focus
 * returns to the term). The definition also links to the full glossary section.
 */
export function GlossaryTerm({ id, children }: GlossaryTermProps) {
  const entry = GLOSSARY[id];
  return (
    <DialogTrigger>
      <Button className="patient-glossary-term">
        {children ?? entry.term}
        <span className="visually-hidden"> (what does this mean?)</span>
      </Button>
      <Popover className="patient-glossary-popover" placement="bottom start">
        <Dialog className="patient-glossary-dialog">
          <Heading slot="title" className="patient-glossary-dialog-title">
            {entry.term}
          </Heading>
          <p>{entry.definition}</p>
          <p>
            <a href={`#${glossaryEntryId(id)}`}>All terms in the glossary</a>
          </p>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

/** The whole glossary as an anchored section: a description list, one entry per term. */
export function GlossarySection() {
  return (
    <section
      id={GLOSSARY_SECTION_ID}
      className="patient-section patient-glossary"
      aria-labelledby={`${GLOSSARY_SECTION_ID}-heading`}
    >
      <h2 id={`${GLOSSARY_SECTION_ID}-heading`}>Glossary: words used on this page</h2>
      <dl>
        {GLOSSARY_ENTRIES.map((entry) => (
          <div key={entry.id} id={glossaryEntryId(entry.id)} className="patient-glossary-entry">
            <dt>{entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

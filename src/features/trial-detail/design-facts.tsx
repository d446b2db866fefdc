import { pubmedUrl, type TrialDesign } from '../../domain/design-facets.ts';
import { FILTER_SCHEMA } from '../../domain/filter-schema.ts';
import { REGIMEN_LABELS } from '../../domain/rules/design-rules.ts';

/** The facets shown with the phrase that decided them (the regimen is shown with the conditioning). */
const FACTS = ['conditioning', 'graft', 'allocation', 'comparator'] as const;

/**
 * The design facets in the trial detail's "why this trial is listed": each value with the phrase that
 * decided it, and the result publications linked to PubMed.
 */
export function DesignFacts({ design }: { design: TrialDesign }) {
  return (
    <dl className="trial-detail-fields" aria-label="Design facets">
      {FACTS.map((key) => {
        const evidence = design.evidence[key];
        const regimen =
          key === 'conditioning' && design.regimen !== undefined
            ? ` (${REGIMEN_LABELS[design.regimen]})`
            : '';
        return (
          <div key={key}>
            <dt>{FILTER_SCHEMA[key].label}</dt>
            <dd>
              {FILTER_SCHEMA[key].valueLabel(design[key])}
              {regimen}
              {evidence !== undefined ? (
                <>
                  {': '}
                  <q className="trial-detail-evidence">{evidence}</q>
                </>
              ) : null}
            </dd>
          </div>
        );
      })}
      <div>
        <dt>{FILTER_SCHEMA.publications.label}</dt>
        <dd>
          {design.resultPmids.length === 0
            ? 'None listed in the record'
            : design.resultPmids.map((pmid, i) => (
                <span key={pmid}>
                  {i > 0 ? ', ' : null}
                  <a href={pubmedUrl(pmid)} target="_blank" rel="noreferrer">
                    PMID {pmid}
                  </a>
                </span>
              ))}
        </dd>
      </div>
    </dl>
  );
}

import {
  DESIGN_FILTER_KEYS,
  DESIGN_FILTERS,
  designValueLabel,
  pubmedUrl,
  type TrialDesign,
} from '../../domain/design-facets.ts';
import { REGIMEN_LABELS } from '../../domain/rules/design-rules.ts';

/** The evidence of each design facet, by filter key (the regimen shares the conditioning's phrase). */
const EVIDENCE: Record<(typeof DESIGN_FILTER_KEYS)[number], keyof TrialDesign['evidence'] | null> =
  {
    conditioning: 'conditioning',
    regimen: null,
    graft: 'graft',
    allocation: 'allocation',
    comparator: 'comparator',
  };

/**
 * The design facets in the trial detail's "why this trial is listed": each value with the phrase that
 * decided it, and the result publications linked to PubMed.
 */
export function DesignFacts({ design }: { design: TrialDesign }) {
  return (
    <dl className="trial-detail-fields" aria-label="Design facets">
      {DESIGN_FILTER_KEYS.filter((key) => key !== 'regimen').map((key) => {
        const value = DESIGN_FILTERS[key].of(design) ?? 'not-stated';
        const evidenceKey = EVIDENCE[key];
        const evidence = evidenceKey === null ? undefined : design.evidence[evidenceKey];
        const regimen =
          key === 'conditioning' && design.regimen !== undefined
            ? ` (${REGIMEN_LABELS[design.regimen]})`
            : '';
        return (
          <div key={key}>
            <dt>{DESIGN_FILTERS[key].label}</dt>
            <dd>
              {designValueLabel(key, value)}
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
        <dt>Result publications</dt>
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

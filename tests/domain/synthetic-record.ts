/**
 * SYNTHETIC v2 records for the classifier's rule-class tests (made up, not real trials; ids
 * NCT99160001 upwards), written in the shape and wording of real registry records.
 */
import { normalizeStudy } from '../../src/domain/normalize-study.ts';
import type { Trial } from '../../src/domain/trial.ts';

export type SyntheticSpec = {
  conditions?: string[];
  mesh?: string[];
  keywords?: string[];
  briefTitle?: string;
  officialTitle?: string;
  interventions?: { type?: string; name: string; description?: string }[];
  arms?: { label: string; type?: string; description?: string }[];
  summary?: string;
  detailed?: string;
  /** designModule additions (designInfo, phases...). */
  design?: Record<string, unknown>;
  references?: { pmid?: string; type?: string; citation?: string }[];
  hasResults?: boolean;
};

let next = 1;

/** A synthetic v2 study record (NCT9916xxxx). */
export function syntheticStudy(spec: SyntheticSpec): Record<string, unknown> {
  const nctId = `NCT9916${String(next++).padStart(4, '0')}`;
  return {
    protocolSection: {
      identificationModule: {
        nctId,
        briefTitle: spec.briefTitle,
        officialTitle: spec.officialTitle,
      },
      conditionsModule: { conditions: spec.conditions ?? [], keywords: spec.keywords ?? [] },
      designModule: spec.design ?? {},
      armsInterventionsModule: {
        interventions: (spec.interventions ?? []).map((i) => ({ type: 'OTHER', ...i })),
        armGroups: spec.arms ?? [],
      },
      descriptionModule: { briefSummary: spec.summary, detailedDescription: spec.detailed },
      referencesModule: { references: spec.references ?? [] },
    },
    derivedSection: {
      conditionBrowseModule: { meshes: (spec.mesh ?? []).map((term) => ({ term })) },
    },
    hasResults: spec.hasResults === true,
  };
}

/** The synthetic record, normalised. */
export function synthetic(spec: SyntheticSpec): Trial {
  const trial = normalizeStudy(syntheticStudy(spec));
  if (trial === null) throw new Error('no trial');
  return trial;
}

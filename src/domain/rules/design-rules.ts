/**
 * Design facets (docs/domain.md §2 "Design facets") as data: conditioning intensity and regimen family,
 * graft manipulation, allocation and comparator. Every cue is a regular-expression source for NORMALISED
 * text (text-normalize.ts). Eligibility and outcome text is never read.
 */

export const CONDITIONING_INTENSITIES = [
  'myeloablative-high',
  'myeloablative-intermediate',
  'lymphoablative',
  'reduced-intensity',
  'not-stated',
] as const;
export type ConditioningIntensity = (typeof CONDITIONING_INTENSITIES)[number];

export const CONDITIONING_LABELS: Record<ConditioningIntensity, string> = {
  'myeloablative-high': 'High-intensity myeloablative (TBI or busulfan)',
  'myeloablative-intermediate': 'Intermediate myeloablative (BEAM)',
  lymphoablative: 'Lymphoablative / non-myeloablative (Cy + ATG)',
  'reduced-intensity': 'Reduced intensity (allogeneic RIC/NMA)',
  'not-stated': 'None / not stated',
};

export const REGIMEN_FAMILIES = [
  'cy-atg',
  'beam-atg',
  'cy-tbi-atg',
  'flu-mel',
  'flu-bu',
  'flu-cy',
] as const;
export type RegimenFamily = (typeof REGIMEN_FAMILIES)[number];

export const REGIMEN_LABELS: Record<RegimenFamily, string> = {
  'cy-atg': 'Cy/ATG',
  'beam-atg': 'BEAM/ATG',
  'cy-tbi-atg': 'Cy/TBI/ATG',
  'flu-mel': 'Flu/Mel',
  'flu-bu': 'Flu/Bu',
  'flu-cy': 'Flu/Cy',
};

/** Short drug abbreviations count only inside a combination written with "/", "+" or "-" (Cy/ATG). */
const inCombination = (abbreviation: string) =>
  String.raw`\b${abbreviation}(?=\s?[/+-]\s?[a-z])|(?<=[a-z]\s?[/+-]\s?)${abbreviation}\b`;

/** The conditioning components a regimen is built from. */
export const CONDITIONING_DRUGS = {
  cyclophosphamide: [
    String.raw`\bcyclophosphamide`,
    String.raw`\bcytoxan`,
    String.raw`\bendoxan`,
    inCombination('cy'),
  ],
  atg: [
    String.raw`\batg\b`,
    String.raw`\banti-?thymocyte`,
    String.raw`\bthymoglobulin`,
    String.raw`\batgam\b`,
    String.raw`\bantithymocyte`,
  ],
  tbi: [String.raw`\btbi\b`, String.raw`\btotal[- ]body irradiation`],
  busulfan: [String.raw`\bbusulf?ph?an`, inCombination('bu')],
  fludarabine: [String.raw`\bfludarabine`, inCombination('flu')],
  melphalan: [String.raw`\bmelphalan`, inCombination('mel')],
  beam: [
    String.raw`\bbeam\b(?! (?:radiation|therapy))`,
    String.raw`\bcarmustine\b`,
    String.raw`\bbcnu\b`,
  ],
} as const;
export type ConditioningDrug = keyof typeof CONDITIONING_DRUGS;

/**
 * Regimen families in the order they are tried: the first whose components are all named, and none of
 * whose `excludes` is, wins (Bu/Cy/ATG is no family of this list). BEAM is its own family whether or not
 * ATG is added.
 */
export const REGIMEN_RULES: readonly {
  family: RegimenFamily;
  needs: readonly ConditioningDrug[];
  excludes: readonly ConditioningDrug[];
}[] = [
  {
    family: 'cy-tbi-atg',
    needs: ['cyclophosphamide', 'tbi', 'atg'],
    excludes: ['busulfan', 'beam'],
  },
  { family: 'beam-atg', needs: ['beam'], excludes: ['tbi', 'busulfan'] },
  { family: 'flu-mel', needs: ['fludarabine', 'melphalan'], excludes: ['busulfan', 'beam'] },
  { family: 'flu-bu', needs: ['fludarabine', 'busulfan'], excludes: ['melphalan', 'beam'] },
  {
    family: 'flu-cy',
    needs: ['fludarabine', 'cyclophosphamide'],
    excludes: ['melphalan', 'busulfan', 'beam'],
  },
  {
    family: 'cy-atg',
    needs: ['cyclophosphamide', 'atg'],
    excludes: ['tbi', 'busulfan', 'beam', 'fludarabine', 'melphalan'],
  },
];

/** Words that state the intensity. "Non-myeloablative" is RIC/NMA in an allogeneic trial, lymphoablative otherwise. */
export const INTENSITY_WORDS = {
  reducedIntensity: [String.raw`\breduced[- ]intensity`, String.raw`\bric\b`],
  nonMyeloablative: [String.raw`\bnon-? ?myeloablat`, String.raw`\bnma\b`],
  lymphoablative: [String.raw`\blympho-?ablat`, String.raw`\bimmun[eo][- ]?ablat`],
  myeloablative: [String.raw`(?<!non-? ?)\bmyeloablat`],
} as const;

export const GRAFT_MANIPULATIONS = ['cd34-selected', 'unmanipulated', 'not-stated'] as const;
export type GraftManipulation = (typeof GRAFT_MANIPULATIONS)[number];

export const GRAFT_LABELS: Record<GraftManipulation, string> = {
  'cd34-selected': 'CD34-selected / T-cell depleted',
  unmanipulated: 'Unmanipulated',
  'not-stated': 'Not stated',
};

/** Graft manipulation cues; `unmanipulated` is read first so "without CD34 selection" is unmanipulated. */
export const GRAFT_CUES = {
  unmanipulated: [
    String.raw`\b(?:un|non-? ?)manipulated`,
    String.raw`\bunselected (?:\w+ ){0,2}(?:grafts?|stem cells?|pbsc|autografts?|products?)`,
    String.raw`\bwithout (?:cd34\+? )?(?:selection|t[- ]cell depletion|graft manipulation)`,
    String.raw`\bnot (?:cd34\+? ?)?selected`,
    String.raw`\bunpurged`,
  ],
  selected: [
    String.raw`\bcd34\+? ?(?:\+ ?)?(?:-? ?selected|selection|enriched|enrichment|positive selection)`,
    String.raw`\bselected cd34`,
    String.raw`(?<!in vivo )\bt[- ]cell[- ]deplet(?:ed|ion) (?:of (?:the )?)?(?:\w+ ){0,2}(?:grafts?|stem cells?|pbsc|autografts?|products?|transplant\w*|hsct)`,
    String.raw`\bex vivo (?:\w+ ){0,2}t[- ]cell[- ]deplet`,
    String.raw`\b(?:grafts?|autografts?|stem cells?|pbsc|products?) (?:\w+ ){0,2}(?:cd34[- ]selected|t[- ]cell[- ]deplet)`,
    String.raw`\bclinimacs`,
    String.raw`\bisolex`,
    String.raw`\b(?:alpha[- /]?beta|αβ) t[- ]cell[- ]deplet`,
    String.raw`\bpurged (?:\w+ )?(?:grafts?|autografts?|stem cells?)`,
  ],
} as const;

export const ALLOCATIONS = ['randomised', 'non-randomised', 'not-stated'] as const;
export type Allocation = (typeof ALLOCATIONS)[number];

export const ALLOCATION_LABELS: Record<Allocation, string> = {
  randomised: 'Randomised',
  'non-randomised': 'Not randomised',
  'not-stated': 'Not stated',
};

/** Allocation from text, when the record has no designInfo.allocation: negated forms first. */
export const ALLOCATION_CUES = {
  nonRandomised: [
    String.raw`\bnon-? ?randomi[sz]ed`,
    String.raw`\bnot randomi[sz]ed`,
    String.raw`\bsingle[- ](?:arm|group)\b`,
  ],
  randomised: [String.raw`\brandomi[sz](?:ed|ation)\b`],
} as const;

export const COMPARATORS = [
  'drug-therapy',
  'hsct-regimens',
  'single-arm',
  'other',
  'not-stated',
] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const COMPARATOR_LABELS: Record<Comparator, string> = {
  'drug-therapy': 'HSCT vs drug / best available therapy',
  'hsct-regimens': 'HSCT vs HSCT (two regimens)',
  'single-arm': 'Single arm',
  other: 'Other comparison',
  'not-stated': 'Not stated',
};

/** Arm types (API ArmGroupType) of a comparator arm. */
export const COMPARATOR_ARM_TYPES: readonly string[] = [
  'ACTIVE_COMPARATOR',
  'PLACEBO_COMPARATOR',
  'SHAM_COMPARATOR',
  'NO_INTERVENTION',
];

/**
 * A comparator that is drug therapy. `generic` phrases ("best available therapy", "standard treatment",
 * DMT) are read in interventions, arms and titles; `named` drugs only in arms and titles, because an
 * intervention list also names the conditioning drugs (cyclophosphamide, alemtuzumab...).
 */
export const DRUG_COMPARATOR_CUES = {
  generic: [
    String.raw`\bbest available (?:\w+ )?(?:therapy|treatment|care)`,
    String.raw`\bbat\b`,
    String.raw`\b(?:standard|conventional|usual|approved|alternate|alternative|current) (?:\w+ ){0,3}(?:therapy|therapies|treatment|care|drugs?|dmts?|immunosuppression)`,
    String.raw`\bdmts?\b`,
    String.raw`\bdisease[- ]modifying`,
  ],
  named: [
    String.raw`\b(?:alemtuzumab|ocrelizumab|ofatumumab|natalizumab|cladribine|mitoxantrone|rituximab|cyclophosphamide|mycophenolate|azathioprine|tocilizumab|interferon|glatiramer|fingolimod|infliximab|adalimumab|belimumab|anifrolumab|voclosporin|methotrexate|insulin)\b`,
  ],
} as const;

/** A comparator that is no treatment: placebo, sham, observation, no intervention. */
export const NO_TREATMENT_COMPARATOR: readonly string[] = [
  String.raw`\bplacebo`,
  String.raw`\bsham\b`,
  String.raw`\bobservation`,
  String.raw`\bno (?:treatment|intervention|therapy)`,
  String.raw`\bwait(?:ing)?[- ]list`,
];

export const PUBLICATIONS = ['pmid', 'none'] as const;
export type Publications = (typeof PUBLICATIONS)[number];

export const PUBLICATION_LABELS: Record<Publications, string> = {
  pmid: 'Lists result publications (PMID)',
  none: 'None listed',
};

/** "A versus B" in a title: the two sides are compared ("graft-versus-host" is no comparison). */
export const VERSUS = /(?<!graft[- ]?)\s?\b(?:versus|vs\.?|compared (?:to|with))\s(?!host)/;

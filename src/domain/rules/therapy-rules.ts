/**
 * Therapy and cell-source cues (docs/domain.md §2) as data. Every cue is a regular-expression source
 * matched on NORMALISED text (text-normalize.ts). Cues carry their own word boundaries.
 */
import type { Therapy } from '../trial.ts';

/** Field weights, highest first (docs/domain.md §2). */
export const FIELD_WEIGHTS = {
  interventions: 5,
  armGroups: 4,
  officialTitle: 3,
  briefTitle: 3,
  keywords: 2,
  briefSummary: 1,
  detailedDescription: 0.5,
} as const;
export type TherapyField = keyof typeof FIELD_WEIGHTS;

/**
 * "autograft"/"allograft" also name bone, tendon, skin and amniotic tissue grafts ("allograft spacers"):
 * those uses are not cues.
 */
function tissueSafeGraft(prefix: string): string {
  const graft = String.raw`${prefix}grafts?`;
  return String.raw`\b${graft}\b(?<!(?:bone|tissue|tendon|skin|dermal|amniotic|cortical|cancellous|nerve|vein|corneal) ${graft})(?! (?:spacers?|bone|tissue|tendons?|ligaments?|skin|dermis|matrix|chips?|nerves?|veins?))`;
}

/**
 * Step A, HSCT. `strong` cues name hematopoietic cells or a marrow/blood-stem-cell transplant and always
 * count. `generic` cues ("stem cell transplantation", "autologous stem cells", "immunoablation") count
 * only when the record names no other kind of cell product anywhere (see NON_HSCT_KINDS), because
 * "mesenchymal stem cell transplantation" is not HSCT.
 */
export const HSCT_CUES = {
  strong: [
    String.raw`\bhem(?:at)?opoietic (?:stem|progenitor|cells?|grafts?|support|rescue)`,
    String.raw`\b(?:a|auto|allo)?[- ]?hscts?\b`,
    String.raw`\bhscs? (?:support|rescue|infusion|transplant)`,
    String.raw`\b(?:auto|allo)[- ]?(?:hct|sct|bmt|pbsct)\b`,
    String.raw`\b(?:asct|bmt|hdit|ahst)\b`,
    String.raw`\bhct\b(?! ?\/ ?ps?\b)`,
    String.raw`\bpbsct?\b`,
    String.raw`\bpbpc\b`,
    String.raw`\bperipheral blood (?:stem|progenitor) cell`,
    String.raw`\bblood stem cell`,
    String.raw`\b(?:bone )?marrow (?:transplant|graft|rescue)`,
    String.raw`\bhaplo-?identical (?:\w+ ){0,2}(?:transplant|graft)`,
    String.raw`\bcd34\+? ?(?:\+ ?)?(?:-? ?selected|selection|enriched)`,
  ],
  generic: [
    String.raw`\bstem[- ]cells? (?:transplan|therap|infusion|support|rescue|graft)`,
    String.raw`\b(?:autologous|allogen(?:e)?ic|syngeneic) (?:\w+ ){0,2}stem[- ]cells?\b`,
    String.raw`\bimmun[eo][- ]?ablat`,
    tissueSafeGraft('(?:auto|allo)'),
  ],
} as const;

/**
 * Cord blood and mobilisation (docs/domain.md §2, step A). A cord blood transplant is HSCT unless the
 * record says the cells go locally into an organ or without conditioning (`cordBloodNotHsct`, which is
 * the step-B family `other`). Mobilisation, collection or harvest of stem cells is HSCT only when the
 * record also names a transplant (`transplantRole`), in any word order; a mobilisation study with no
 * transplant is not HSCT, even when it names hematopoietic stem cells.
 */
const NOT_SENTENCE_END = String.raw`(?:(?![.|])[^])`;
const LOCAL_OR_UNCONDITIONED = String.raw`(?:into the (?:pancrea|arter|coronar|portal|joint|myocard|muscle|brain|spinal|knee)|intra-?(?:pancrea|arteri|coronar|articul|myocard|muscul|thecal|portal|ventric|lesion)|local(?:ly)? (?:infus|inject|administ)|without (?:[\w-]+ ){0,2}(?:conditioning|myeloablat|immunoablat|chemotherapy|immunosuppress)|no (?:[\w-]+ )?conditioning)`;
export const CORD_BLOOD_CUES = {
  hsct: [String.raw`\bcord blood (?:transplant|units?\b)`],
  notHsct: [
    String.raw`\bcord blood\b${NOT_SENTENCE_END}{0,120}?\b${LOCAL_OR_UNCONDITIONED}`,
    String.raw`\b${LOCAL_OR_UNCONDITIONED}${NOT_SENTENCE_END}{0,80}?\bcord blood\b`,
  ],
} as const;
export const MOBILISATION_CUES = {
  mobilisation: [
    String.raw`\bmobili[sz](?:ation|ed|ing|es?)\b`,
    String.raw`\bstem[- ]cells? (?:collection|harvest|apheresis)`,
  ],
  transplantRole: [
    String.raw`\btransplant`,
    String.raw`\b(?:auto|allo)?grafts?\b`,
    String.raw`\bengraft`,
    String.raw`\bre-?infus`,
    String.raw`\b(?:stem cell|hem(?:at)?opoietic|progenitor|marrow) (?:rescue|support)`,
    String.raw`\b(?:a|auto|allo)?[- ]?hscts?\b`,
    String.raw`\b(?:asct|bmt|hdit|ahst|hct|pbsct)\b`,
    String.raw`\bimmun[eo][- ]?ablat`,
    String.raw`\bmyeloablat`,
    String.raw`\bconditioning\b`,
  ],
} as const;

/** Step B: other cell therapies, decided first when the experimental intervention names them. */
export const CELL_THERAPY_CUES: Readonly<Record<Exclude<Therapy, 'hsct'>, readonly string[]>> = {
  'car-t': [
    String.raw`\bcar[- ]?(?:t|nk)\b`,
    String.raw`\bchimeric antigen receptor`,
    String.raw`\b(?:cd19|bcma)[- /]*(?:targeted |targetd |directed )?car\b`,
    String.raw`\bkyv-?101\b`,
    String.raw`\bcaba-?201\b`,
    String.raw`\bdescartes-?08\b`,
  ],
  msc: [
    String.raw`\bmesenchymal`,
    String.raw`mscs?t?\b`,
    String.raw`\bstromal (?:stem |vascular )?cells?`,
    String.raw`\bwharton'?s jelly`,
    String.raw`\badipose[- ]derived (?:stem|stromal|regenerative|mesenchymal)`,
    String.raw`\beascs?\b`,
    String.raw`\bdarvadstrocel`,
    String.raw`\bcx-?601\b`,
    String.raw`\bprochymal`,
    String.raw`\bremestemcel`,
  ],
  treg: [
    String.raw`\bregulatory t[- ]?(?:cells?|lymphocytes?)`,
    String.raw`\bt[- ]?regulatory cells?`,
    String.raw`\bt[- ]?regs?\b`,
    String.raw`\bcd4\+? ?cd25\+?`,
  ],
  other: [
    String.raw`\btolerogenic dendritic`,
    String.raw`\bstem cell educator`,
    String.raw`\bcord blood (?:infusion|transfusion)`,
    String.raw`\bneural (?:stem|progenitor|precursor) cells?`,
    String.raw`\bhnscs?\b`,
  ],
};

/**
 * Cell products that are not hematopoietic grafts. When any of these (or any step-B cue) is named in
 * the record and no strong HSCT cue is, the generic HSCT cues do not count.
 */
export const NON_HSCT_KINDS: readonly string[] = [
  String.raw`\blimbal`,
  String.raw`\bfecal microbiota`,
  String.raw`\bmicrobiota transplant`,
  String.raw`\bfmt\b`,
  String.raw`\bbone[- ]marrow[- ]derived (?:\w+ ){0,2}(?:stem|mononuclear|progenitor) cells?`,
  String.raw`\bmononuclear cells?`,
  String.raw`\bislets?\b`,
  String.raw`\bendothelial progenitor`,
];

/**
 * Step C, cell source. `autologous` and `allogeneic` are explicit: they state the source. `implied…` cues
 * suggest it through a procedure or a drug (reinfusion, mobilisation with cyclophosphamide; cord blood,
 * GVHD prevention, post-transplant cyclophosphamide, donor lymphocytes, donor chimerism): in a field that
 * states one source explicitly, the other side's implied cues do not count. `weakAutologous` (aHSCT,
 * AHST) means autologous in MS and neurology usage, but only when the record has no allogeneic cue at all.
 */
export const SOURCE_CUES = {
  autologous: [
    String.raw`\bautol?o?go?us\b`,
    tissueSafeGraft('auto'),
    String.raw`\bauto[- ]?(?:hscts?|sct|hct|bmt|pbsct|transplant\w*)\b`,
    String.raw`\basct\b`,
    String.raw`\bpatient'?s'? own\b`,
    String.raw`\b(?:their|his or her|own|self) (?:\w+ ){0,2}(?:stem cells?|bone marrow|marrow)`,
    String.raw`\bself[- ]derived\b`,
  ],
  impliedAutologous: [
    String.raw`\breinfusion of (?:\w+ ){0,3}stem cells?`,
    String.raw`\b(?:give|gave|giving) back (?:the |their )?(?:\w+ )?stem cells?`,
    String.raw`\breturn of (?:the )?previously collected`,
    String.raw`\bmobili[sz]ation with (?:high[- ]dose )?cyclophosphamide`,
  ],
  weakAutologous: [String.raw`\bahscts?\b`, String.raw`\bahst\b`],
  allogeneic: [
    String.raw`\ballogen(?:e)?ic\b`,
    tissueSafeGraft('allo'),
    String.raw`\ballo[- ]?(?:hscts?|sct|hct|bmt|transplant\w*|hsc)\b`,
    String.raw`\bhaplo-?identical`,
    String.raw`\b(?:sibling|related|unrelated|family|hla[- ]matched|mismatched|haploidentical) donors?\b`,
    String.raw`\bmud\b`,
    String.raw`\bsyngeneic`,
    String.raw`\bidentical twin`,
    String.raw`\bdonor[- ]derived\b`,
    String.raw`\bdonor (?:\w+ ){0,2}(?:stem cells?|grafts?|peripheral blood|marrow|hematopoietic)`,
    String.raw`\buniversal (?:\w+ )?car\b`,
  ],
  impliedAllogeneic: [
    String.raw`\bdonor lymphocyte infusion`,
    String.raw`\bdli\b`,
    String.raw`\bcord blood (?:transplant|units?\b)`,
    String.raw`\b(?:gvhd|graft[- ]versus[- ]host(?: disease)?) (?:prophylaxis|prevention)`,
    String.raw`\bprevent\w* (?:of )?(?:acute |chronic )?(?:gvhd|graft[- ]versus[- ]host)`,
    String.raw`\bpost[- ]transplant(?:ation)? cyclophosphamide`,
    String.raw`\bptcy\b`,
    String.raw`\bdonor chimerism`,
  ],
} as const;

/** Words naming a non-HSCT cell product (used to keep the two masks below apart). */
const OTHER_PRODUCT_WORDS = String.raw`fecal|microbiota|mesenchymal|mscs?|stromal|neural|limbal|adipose|islets?|car[- ]?t|car[- ]?nk|tregs?|regulatory|dendritic|wharton'?s`;
const HSCT_WORDS = String.raw`hem(?:at)?opoietic|hscts?|hct|sct|bmt|stem|marrow|blood|transplant\w*|grafts?`;

/**
 * For the source of an HSCT, an autologous/allogeneic adjective that belongs to another product is not
 * a cue: "allogeneic fecal microbiota" in an autologous HSCT trial. Such phrases are blanked out first.
 */
export const FOREIGN_PRODUCT_FOR_HSCT = String.raw`\b(?:allogen(?:e)?ic|autologous|healthy donor) (?:(?!(?:${HSCT_WORDS})\b)[\w'+-]+ ){0,4}?(?:${OTHER_PRODUCT_WORDS})\b`;

/** For a non-HSCT therapy, HSCT background ("unlike autologous HSCT, ...") is blanked out first. */
export const HSCT_PRODUCT_FOR_OTHERS = String.raw`\b(?:allogen(?:e)?ic|autologous|syngeneic|auto-|allo-) ?(?:(?!(?:${OTHER_PRODUCT_WORDS})\b)[\w'+-]+ ){0,3}?(?:hem(?:at)?opoietic|hscts?|hct|sct|bmt|bone marrow transplant\w*|stem cell transplant\w*)\b`;

/**
 * A cell type named in how a drug works is not that cell therapy: "low-dose IL-2 expands regulatory T
 * cells (Tregs)", "depletes B cells like CAR-T". These phrases (with a following abbreviation in
 * brackets) are blanked before the step-B families are read. Only finite verbs and "… of" nouns: "ex vivo
 * expanded Tregs" and "CD19-targeted CAR-T" name the product itself.
 */
export const DRUG_MECHANISM = String.raw`\b(?:expands|increases|induces|promotes|enhances|restores|boosts|stimulates|activates|inhibits|suppresses|depletes|modulates|mimics|(?:activation|depletion|inhibition|modulation) of|(?:similar to|like|as with|than|unlike) (?:those of )?)(?: the)? (?:[\w'+-]+ ){0,3}?(?:regulatory t[- ]?(?:cells?|lymphocytes?)|t[- ]?regs?|mesenchymal (?:stem |stromal )?cells?|mscs?|car[- ]?t(?: cells?)?|chimeric antigen receptor t[- ]cells?)\b(?: ?\([^)]{1,20}\))?`;

/**
 * Every cue family the therapy classifier scans a field for, in bit order (bit i = family i): HSCT
 * strong and generic, the four other cell therapies, other cell products, the three source families,
 * the two mask phrases, the drug-mechanism phrase, cord blood (transplant / not a transplant) and
 * mobilisation (mobilisation / a transplant named), and the implied source cues. classify-therapy.ts compiles this list into one scanner.
 */
export const THERAPY_SCAN_FAMILIES: readonly (readonly string[])[] = [
  HSCT_CUES.strong,
  HSCT_CUES.generic,
  CELL_THERAPY_CUES['car-t'],
  CELL_THERAPY_CUES.msc,
  CELL_THERAPY_CUES.treg,
  CELL_THERAPY_CUES.other,
  NON_HSCT_KINDS,
  SOURCE_CUES.autologous,
  SOURCE_CUES.weakAutologous,
  SOURCE_CUES.allogeneic,
  [FOREIGN_PRODUCT_FOR_HSCT],
  [HSCT_PRODUCT_FOR_OTHERS],
  [DRUG_MECHANISM],
  CORD_BLOOD_CUES.hsct,
  CORD_BLOOD_CUES.notHsct,
  MOBILISATION_CUES.mobilisation,
  MOBILISATION_CUES.transplantRole,
  SOURCE_CUES.impliedAutologous,
  SOURCE_CUES.impliedAllogeneic,
];

/**
 * Disease cue table (docs/domain.md §1) as data. Every cue is a regular-expression source matched on
 * NORMALISED text (see text-normalize.ts: lowercase, haem -> hem, anaem -> anem, coeliac -> celiac,
 * unified dashes and apostrophes). Cues carry their own word boundaries. Traps are written into the cue
 * (negative look-arounds) or listed in `droppedWhen`.
 */
import type { DiseaseId } from '../diseases.ts';

export type DiseaseRule = {
  id: DiseaseId;
  /** Regular-expression sources for normalised text. */
  cues: readonly string[];
  /**
   * A match from this rule is dropped when one of these ids (or, for 'any-specific', any id other than
   * `autoimmune-unspecified`) matched in the same evidence level. Used for umbrella terms.
   */
  droppedWhen?: readonly DiseaseId[] | 'any-specific';
  /** Why the cue list looks the way it does (traps). */
  note?: string;
};

export const DISEASE_RULES: readonly DiseaseRule[] = [
  {
    id: 'multiple-sclerosis',
    cues: [
      String.raw`multiple sclerosis`,
      String.raw`disseminated sclerosis`,
      String.raw`\b(?:rr|sp|pp|pr)ms\b`,
      String.raw`\b(?:relapsing[- ]remitting|secondary[- ]progressive|primary[- ]progressive|progressive[- ]relapsing)\b(?! (?:aphasia|supranuclear|myoclonus|ataxia))`,
      String.raw`\b(?:aggressive|highly active|relapsing|progressive) ms\b`,
    ],
    note: 'Bare "MS" (mass spectrometry, milliseconds) is accepted only in conditions and titles, in upper case (see BARE_MS). Bare "RMS" is not a cue: it is also rhabdomyosarcoma.',
  },
  {
    id: 'systemic-sclerosis',
    cues: [
      String.raw`systemic sclerosis`,
      String.raw`\b(?:dc|lc|j)?ssc\b`,
      String.raw`\bscleroderma\b(?<!(?:locali[sz]ed|linear|circumscribed) scleroderma)`,
      String.raw`\bcrest syndrome\b`,
    ],
    note: 'Bare "sclerosis", ALS and tuberous sclerosis are not cues; localized/linear scleroderma (morphea) is excluded.',
  },
  {
    id: 'lupus',
    cues: [
      String.raw`\blupus\b(?! (?:anticoagulant|vulgaris|pernio))`,
      String.raw`\b(?:j|c|np)?sle\b`,
    ],
    note: 'Lupus nephritis matches through "lupus"; bare "LN" (lymph node) is never a cue.',
  },
  {
    id: 'rheumatoid-arthritis',
    cues: [String.raw`\brheumatoid arthritis(?<!juvenile rheumatoid arthritis)`],
    note: 'Bare "RA" is refractory anaemia in MDS records: never a cue.',
  },
  {
    id: 'juvenile-idiopathic-arthritis',
    cues: [
      String.raw`\bs?jia\b`,
      String.raw`\bjuvenile (?:idiopathic|rheumatoid|chronic) (?:poly)?arthritis`,
      String.raw`\bstill'?s disease`,
    ],
  },
  {
    id: 'crohns-disease',
    cues: [String.raw`\bcrohn'?s?\b`, String.raw`\bregional enteritis`],
    note: 'Bare "CD" (CD34, CD19) is never a cue.',
  },
  {
    id: 'ulcerative-colitis',
    cues: [String.raw`\bulcerative (?:pan)?colitis`],
  },
  {
    id: 'ulcerative-colitis',
    cues: [String.raw`\binflammatory bowel diseases?\b`, String.raw`\bibd\b`],
    droppedWhen: ['crohns-disease', 'immune-dysregulation'],
    note: "IBD is the umbrella term: it adds nothing when Crohn's or monogenic IBD is named.",
  },
  {
    id: 'type-1-diabetes',
    cues: [
      String.raw`\btype\s?(?:1|i|one)\b[ -]?(?:diabet|dm\b)`,
      String.raw`\bdiabet\w*(?: mellitus)?,? type\s?(?:1|i|one)\b`,
      String.raw`\bt1dm?\b`,
      String.raw`\binsulin[- ]dependent diabet(?<!non[- ]insulin[- ]dependent diabet)`,
      String.raw`\biddm\b`,
      String.raw`\bjuvenile(?:[- ]onset)? diabet`,
      String.raw`\blada\b`,
      String.raw`\bautoimmune diabet`,
    ],
    note: 'Type 2 and non-insulin-dependent diabetes never match; bare "DM" (dermatomyositis) is not a cue.',
  },
  {
    id: 'cidp',
    cues: [
      String.raw`\bci[dp][pd]\b`,
      String.raw`\bchronic inflammatory demyelinating poly(?:radiculo)?neuropath`,
      String.raw`\bmultifocal motor neuropath`,
    ],
    note: '"CIPD" is a common typo of CIDP.',
  },
  {
    id: 'nmosd',
    cues: [
      String.raw`\bneuromyelitis optica`,
      String.raw`\bnmo(?:sd)?\b`,
      String.raw`\bdevic'?s?\b`,
      String.raw`\baquaporin[- ]?4`,
      String.raw`\baqp-?4\b`,
      String.raw`\bmogad\b`,
      String.raw`\banti[- ]?mog\b`,
      String.raw`\bmog[- ]antibody`,
    ],
  },
  {
    id: 'myasthenia-gravis',
    cues: [String.raw`\bmyasth(?:a?e)nia gravis`, String.raw`\bgmg\b`],
    note: 'Also the spelling "myasthaenia" (seen in registry condition lists). Bare "MG" (milligram) is not a cue; Lambert-Eaton myasthenic syndrome is not MG.',
  },
  {
    id: 'stiff-person-syndrome',
    cues: [
      String.raw`\bstiff[- ](?:person|man)\b`,
      String.raw`\bspsd\b`,
      String.raw`\bprogressive encephalomyelitis with rigidity`,
    ],
  },
  {
    id: 'autoimmune-encephalitis',
    cues: [
      String.raw`\bautoimmune encephalitis`,
      String.raw`\banti[- ]?nmda(?:r| receptor)`,
      String.raw`\bnmda[- ]?r(?:eceptor)? (?:antibody )?encephalitis`,
      String.raw`\blgi-?1\b`,
      String.raw`\bcaspr-?2\b`,
    ],
  },
  {
    id: 'inflammatory-myopathy',
    cues: [
      String.raw`dermatomyositis`,
      String.raw`polymyositis`,
      String.raw`\binflammatory myopath`,
      String.raw`\bimnm\b`,
      String.raw`\bnecrotizing (?:autoimmune )?myopath`,
      String.raw`\banti-?synthetase`,
      String.raw`\bmyositis\b(?<!inclusion[- ]body myositis)`,
    ],
  },
  {
    id: 'vasculitis',
    cues: [
      String.raw`vasculiti(?:s|des)`,
      String.raw`\baav\b`,
      String.raw`\banca[- ]associated`,
      String.raw`polyangiitis`,
      String.raw`\be?gpa\b`,
      String.raw`\bwegener`,
      String.raw`\bchurg[- ]strauss`,
      String.raw`\bbeh[cç]et`,
      String.raw`\btakayasu`,
      String.raw`\bpolyarteritis`,
      String.raw`\bgiant[- ]cell arteritis`,
    ],
    note: 'Bare "MPA" (also medroxyprogesterone acetate) is not a cue; "microscopic polyangiitis" is.',
  },
  {
    id: 'autoimmune-cytopenia',
    cues: [
      String.raw`\b(?:auto)?immune thrombocytopeni`,
      String.raw`\b(?:idiopathic|immune) thrombocytopenic purpura`,
      String.raw`\ba?itp\b`,
      String.raw`\baiha\b`,
      String.raw`\bautoimmune hemolytic anemia`,
      String.raw`\bwarm (?:antibody |autoimmune )?hemolytic`,
      String.raw`\bcold agglutinin disease`,
      String.raw`\bevans'? syndrome`,
      String.raw`\bpure red cell aplasia`,
      String.raw`\bautoimmune (?:neutropeni|cytopeni)`,
    ],
    note: 'Thrombotic thrombocytopenic purpura (TTP) does not match any cue.',
  },
  {
    id: 'celiac-disease',
    cues: [
      String.raw`\bceliac (?:disease|sprue)`,
      String.raw`\brefractory celiac`,
      String.raw`\brcd[- ]?(?:ii|2)\b`,
    ],
  },
  {
    id: 'immune-dysregulation',
    cues: [
      String.raw`\bipex\b`,
      String.raw`\bfoxp3[- ](?:gene )?(?:mutation|deficien|defect|variant)`,
      String.raw`\b(?:mutations?|deficiency|defects?|variants?) (?:in|of) (?:the )?foxp3\b`,
      String.raw`\bctla-?4 (?:haplo)?insufficiency`,
      String.raw`\blrba[- ]deficiency`,
      String.raw`\bstat-?3 (?:gain[- ]of[- ]function|gof)`,
      String.raw`\bapeced\b`,
      String.raw`\bautoimmune polyendocrin`,
      String.raw`\balps\b`,
      String.raw`\bautoimmune lymphoproliferative`,
      String.raw`\bprimary immune regulatory disorder`,
      String.raw`\bpird\b`,
      String.raw`\binborn errors? of immunity`,
      String.raw`\bvery[- ]early[- ]onset (?:ibd|inflammatory bowel)`,
      String.raw`\bveo[- ]?ibd\b`,
      String.raw`\bmonogenic (?:ibd|inflammatory bowel)`,
    ],
    note: 'A bare marker is not a disease: FOXP3 (the Treg marker in "CD4+CD25+FOXP3+ Tregs") counts only with mutation, deficiency or variant; IPEX always counts.',
  },
  {
    id: 'other-autoimmune',
    cues: [
      String.raw`\bsj[oö]e?gren`,
      String.raw`\bantiphospholipid`,
      String.raw`\bautoimmune hepatitis`,
      String.raw`\bpemphig(?:us|oid)`,
      String.raw`\bigg4[- ]related`,
      String.raw`\bpsoria(?:sis|tic)`,
    ],
  },
  {
    id: 'autoimmune-unspecified',
    cues: [String.raw`\bautoimmun(?:e|ity)\b`],
    droppedWhen: 'any-specific',
    note: 'Any mention of autoimmune disease/autoimmunity; only kept when no specific category matched. "Immune-mediated" is never a cue.',
  },
];

/** Bare upper-case "MS", checked on ORIGINAL-case conditions and titles only (not "LC-MS", "MS/MS"). */
export const BARE_MS = /(?<![\w/-])MS(?![\w/])/;

/**
 * Conditions that make a record "not autoimmune for this dashboard" (docs/domain.md §1): aplastic
 * anaemia / marrow failure, GVHD, malignancy. At an evidence level with one of these and no autoimmune
 * cue, classification stops with no disease id.
 */
export const NOT_AUTOIMMUNE_CUES: readonly string[] = [
  String.raw`\baplastic anemia`,
  String.raw`\bsaa\b`,
  String.raw`\bbone marrow failure`,
  String.raw`\bgraft[- ]?(?:versus|vs\.?|-)[- ]?host`,
  String.raw`\b[ac]?gvhd\b`,
  String.raw`\bleukemi`,
  String.raw`\blymphoma`,
  String.raw`\bmyeloma`,
  String.raw`\bmyelodysplas`,
  String.raw`\bmds\b`,
  String.raw`\bneoplas`,
  String.raw`\bcancer`,
  String.raw`\bcarcinoma`,
  String.raw`\btumou?r`,
  String.raw`\bsarcoma`,
  String.raw`\bmalignan`,
  String.raw`\bhodgkin`,
];

/**
 * Negation and exclusion (docs/domain.md §1, "Negation"): a disease named in the words these phrases
 * govern is not the trial's disease. Each entry is a regular-expression source for normalised text whose
 * group 1 is the governed words.
 *  - `before`: "not associated with", "without", "excluding", "except", "other than", "exclusion of"
 *    govern up to five following words, stopping at punctuation and at a word that starts a new phrase
 *    ("HSCT without ATG in MS" negates ATG, not MS); "and"/"or" continue the list.
 *  - `nonPrefix`: "non-" governs its own word only ("non-lupus nephritis", but "non-relapsing secondary
 *    progressive MS" is still MS).
 *  - `excluded`: "patients with X are excluded".
 */
const GOVERNED_WORD = String.raw`(?!(?:in|for|of|at|after|before|with|within|treated|undergoing|receiving|who|which|that|using|by|on|to|from|as|is|are|was|were|will|be|than|vs)\b)[\w'+çö-]+`;
export const NEGATION_RULES: readonly string[] = [
  String.raw`\b(?:not (?:associated|related|linked|due|secondary|attributable) (?:with|to)|without|excluding|except(?:ing)?|other than|exclusion of) ((?:${GOVERNED_WORD}(?: |$)){1,5})`,
  String.raw`\bnon-([\w'çö]+(?:-[\w'çö]+)*)`,
  String.raw`\b(?:patients|subjects|participants|those|people|cases) with ((?:[\w'+çö-]+ ){1,4}?)(?:are |is |were |will be )?excluded\b`,
];
/** Cheap pre-check: text without any of these has nothing to negate. */
export const NEGATION_TRIGGER = /\bnot |without|exclu|except|other than|\bnon-/;

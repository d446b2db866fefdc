/**
 * What each of the 88 real records in mocks/source/hsct says, read by a person (engineer A, 2025-11-25)
 * from the record text itself, NOT copied from the classifier's output. docs/domain.md is the rulebook:
 * a record that never names a cell source is `unspecified` even when the trial is known to be autologous;
 * a record with no cell-therapy or transplant cue at all gets the documented default therapy `other`.
 *
 * The classifier is checked against this table in normalize-hsct-records.test.ts. Where it disagrees
 * and the rule cannot be fixed without breaking others, the record is listed in KNOWN_MISCLASSIFICATIONS
 * (below) with the reason; everything else must match.
 */
import type { DiseaseId } from '../../src/domain/diseases.ts';
import type { Phase, Therapy, TransplantType } from '../../src/domain/trial.ts';

export type Expectation = {
  diseases: DiseaseId[];
  therapy: Therapy;
  transplantType: TransplantType;
  phase: Phase;
  /** Why a non-obvious value was chosen. */
  note?: string;
};

function e(
  diseases: DiseaseId[],
  therapy: Therapy,
  transplantType: TransplantType,
  phase: Phase,
  note?: string,
): Expectation {
  return note === undefined
    ? { diseases, therapy, transplantType, phase }
    : { diseases, therapy, transplantType, phase, note };
}

const MS: DiseaseId[] = ['multiple-sclerosis'];

export const HSCT_EXPECTATIONS: Record<string, Expectation> = {
  NCT00001630: e(
    ['autoimmune-cytopenia'],
    'hsct',
    'autologous',
    'UNSPECIFIED',
    'Title: "CD34+ Selected Autologous Hematopoietic Cell Support ... Autoimmune Thrombocytopenia".',
  ),
  NCT00014755: e(
    MS,
    'hsct',
    'both',
    'PHASE1',
    'Title: "Syngeneic or Autologous Peripheral Blood Stem Cell Transplantation" - both sources offered.',
  ),
  NCT00017628: e(MS, 'hsct', 'autologous', 'PHASE1'),
  NCT00040482: e(
    MS,
    'hsct',
    'unspecified',
    'PHASE2',
    'CD34-selected, T-cell depleted rescue; the text never names the cell source.',
  ),
  NCT00058578: e(
    ['systemic-sclerosis'],
    'hsct',
    'autologous',
    'PHASE1',
    'Summary: "collect the stem cells ... give back the selected stem cells we collected" = own cells.',
  ),
  NCT00076752: e(['lupus'], 'hsct', 'autologous', 'UNSPECIFIED'),
  NCT00230035: e(
    ['lupus'],
    'hsct',
    'unspecified',
    'UNSPECIFIED',
    'LIST: title says "Stem Cell Transplant" only.',
  ),
  NCT00273364: e(MS, 'hsct', 'unspecified', 'PHASE2'),
  NCT00278512: e(['vasculitis'], 'hsct', 'unspecified', 'UNSPECIFIED'),
  NCT00278590: e(['lupus'], 'hsct', 'allogeneic', 'PHASE1'),
  NCT00278655: e(MS, 'hsct', 'autologous', 'PHASE1_PHASE2'),
  NCT00288626: e(MS, 'hsct', 'autologous', 'PHASE2'),
  NCT00305344: e(
    ['type-1-diabetes'],
    'other',
    'autologous',
    'PHASE1_PHASE2',
    'Autologous cord-blood infusion without conditioning is "other" (domain.md step B).',
  ),
  NCT00325741: e(['lupus'], 'hsct', 'allogeneic', 'PHASE1'),
  NCT00342134: e(MS, 'hsct', 'autologous', 'PHASE2'),
  NCT00366145: e(
    [],
    'msc',
    'unspecified',
    'PHASE3',
    'Steroid-refractory acute GVHD is not autoimmune; Prochymal = adult human MSC.',
  ),
  NCT00497952: e(MS, 'hsct', 'allogeneic', 'PHASE1_PHASE2', 'Intervention spelled "hematopoetic".'),
  NCT00716066: e(
    [
      'multiple-sclerosis',
      'cidp',
      'nmosd',
      'myasthenia-gravis',
      'stiff-person-syndrome',
      'vasculitis',
    ],
    'hsct',
    'both',
    'PHASE2',
    'Basket of neurologic AD (MS, SPS, CIDP, MG, NMO, CNS vasculitis); interventions list autologous HSCT and syngeneic BMT.',
  ),
  NCT00813969: e(MS, 'msc', 'autologous', 'PHASE1'),
  NCT00962923: e(['systemic-sclerosis'], 'msc', 'allogeneic', 'PHASE1_PHASE2'),
  NCT01099930: e(MS, 'hsct', 'autologous', 'PHASE2'),
  NCT01219465: e(
    ['type-1-diabetes'],
    'msc',
    'unspecified',
    'PHASE1_PHASE2',
    'Umbilical-cord MSC; the record never says allogeneic.',
  ),
  NCT01228266: e(MS, 'msc', 'autologous', 'PHASE2'),
  NCT01285934: e(
    ['type-1-diabetes'],
    'hsct',
    'autologous',
    'UNSPECIFIED',
    'Summary: "immune ablation / immune reset with autologous HSC support".',
  ),
  NCT01288053: e(['crohns-disease'], 'hsct', 'allogeneic', 'UNSPECIFIED'),
  NCT01341899: e(['type-1-diabetes'], 'hsct', 'autologous', 'PHASE2'),
  NCT01377870: e(MS, 'msc', 'autologous', 'PHASE1_PHASE2'),
  NCT01413100: e(['systemic-sclerosis'], 'hsct', 'autologous', 'PHASE2'),
  NCT01570348: e(
    ['crohns-disease'],
    'other',
    'unspecified',
    'PHASE2',
    'Record has only an id, a condition and a phase: no therapy text at all.',
  ),
  NCT01679041: e(
    MS,
    'hsct',
    'autologous',
    'PHASE2',
    'Official title: "Autologous Hematopoietic Progenitor Cell Transplant".',
  ),
  NCT01741857: e(['lupus'], 'msc', 'allogeneic', 'PHASE1_PHASE2'),
  NCT01895244: e(['systemic-sclerosis'], 'hsct', 'autologous', 'PHASE2'),
  NCT01998633: e(
    ['immune-dysregulation'],
    'hsct',
    'unspecified',
    'UNSPECIFIED',
    'Conditions HLH/CAEBV/CGD are not autoimmune; keyword IPEX is. RIC transplant, source not named.',
  ),
  NCT02035514: e(MS, 'msc', 'autologous', 'PHASE1_PHASE2'),
  NCT02057211: e(['type-1-diabetes'], 'msc', 'autologous', 'PHASE2'),
  NCT02084121: e(
    MS,
    'hsct',
    'allogeneic',
    'UNSPECIFIED',
    'Condition says metachromatic leukodystrophy (not autoimmune) but both titles say "for the Treatment of Multiple Sclerosis".',
  ),
  NCT02249676: e(['nmosd'], 'msc', 'autologous', 'UNSPECIFIED'),
  NCT02282514: e(['stiff-person-syndrome'], 'hsct', 'autologous', 'PHASE1_PHASE2'),
  NCT02428309: e(['lupus'], 'treg', 'autologous', 'PHASE1'),
  NCT02529839: e(MS, 'hsct', 'autologous', 'NA'),
  NCT02601131: e(
    MS,
    'other',
    'unspecified',
    'UNSPECIFIED',
    'Observational platelet-transfusion study; conditions Leukemia + MS; "stem cell transplantation" is only a keyword.',
  ),
  NCT02643823: e(['rheumatoid-arthritis'], 'msc', 'unspecified', 'PHASE1'),
  NCT02674217: e(MS, 'hsct', 'autologous', 'NA'),
  NCT02691247: e(
    ['type-1-diabetes'],
    'treg',
    'autologous',
    'PHASE2',
    'Condition is just "Diabetes Mellitus"; keywords and titles say T1DM.',
  ),
  NCT02932826: e(
    ['type-1-diabetes'],
    'treg',
    'unspecified',
    'PHASE1_PHASE2',
    '"Autoimmune diabetes" is type 1 diabetes. Cord-blood Tregs: source not stated.',
  ),
  NCT03011021: e(
    ['type-1-diabetes'],
    'treg',
    'unspecified',
    'PHASE1_PHASE2',
    'Condition spelled "Type1 Diabetes Mellitus".',
  ),
  NCT03067870: e(
    ['rheumatoid-arthritis'],
    'msc',
    'autologous',
    'PHASE1',
    'Autologous bone-marrow-derived mesenchymal (and other) stem cells, no conditioning: not HSCT.',
  ),
  NCT03069170: e(
    MS,
    'msc',
    'autologous',
    'PHASE1',
    'Intrathecal/IV autologous bone-marrow-derived stem cells incl. BM-MSC: not HSCT despite "Stem Cell Transplantation".',
  ),
  NCT03113162: e(MS, 'hsct', 'autologous', 'PHASE1'),
  NCT03185000: e(
    ['crohns-disease'],
    'treg',
    'unspecified',
    'PHASE1',
    'Brief title Crohn\'s; official title says "Inflammatory Bowel Disease" as the umbrella term.',
  ),
  NCT03269071: e(
    MS,
    'other',
    'unspecified',
    'PHASE1',
    'Neural stem cells are not HSCT: other cell therapy.',
  ),
  NCT03342638: e(MS, 'hsct', 'autologous', 'PHASE3'),
  NCT03477500: e(MS, 'hsct', 'autologous', 'PHASE3', 'Title spells "heMatopoietic".'),
  NCT03691909: e(['rheumatoid-arthritis'], 'msc', 'autologous', 'PHASE1_PHASE2'),
  NCT03706456: e(
    ['crohns-disease'],
    'msc',
    'allogeneic',
    'PHASE3',
    'Darvadstrocel = expanded allogeneic adipose-derived stem cells.',
  ),
  NCT03798028: e(
    ['rheumatoid-arthritis'],
    'msc',
    'unspecified',
    'NA',
    '"umbilical cord blood mesenchymal stem cells" is MSC, not a cord-blood transplant.',
  ),
  NCT03970096: e(
    [],
    'hsct',
    'allogeneic',
    'PHASE2',
    'Leukemia/MDS GVHD prevention: "Donor Blood Stem Cell Transplant".',
  ),
  NCT04047628: e(MS, 'hsct', 'autologous', 'PHASE3'),
  NCT04061746: e(['type-1-diabetes'], 'msc', 'unspecified', 'PHASE1'),
  NCT04075825: e(
    [],
    'msc',
    'unspecified',
    'PHASE3',
    'Darvadstrocel follow-up for "complex perianal fistula"; the record never names Crohn\'s.',
  ),
  NCT04203017: e(
    MS,
    'hsct',
    'autologous',
    'PHASE1',
    'Every patient gets autoHSCT; the allogeneic product is the fecal microbiota, not the graft.',
  ),
  NCT04548583: e(['crohns-disease'], 'msc', 'allogeneic', 'UNSPECIFIED'),
  NCT04674280: e(
    MS,
    'hsct',
    'autologous',
    'UNSPECIFIED',
    'Title: "Autologous Hematopoietic Stem Cell Transplantation".',
  ),
  NCT04971005: e(MS, 'hsct', 'autologous', 'PHASE2'),
  NCT05016804: e(['systemic-sclerosis'], 'msc', 'allogeneic', 'UNSPECIFIED'),
  NCT05029206: e(MS, 'hsct', 'autologous', 'UNSPECIFIED'),
  NCT05085444: e(['systemic-sclerosis'], 'car-t', 'unspecified', 'EARLY_PHASE1'),
  NCT05482542: e(MS, 'hsct', 'autologous', 'NA'),
  NCT05828212: e(['nmosd'], 'car-t', 'unspecified', 'PHASE1'),
  NCT05828225: e(['myasthenia-gravis'], 'car-t', 'unspecified', 'PHASE1'),
  NCT05832515: e(MS, 'hsct', 'autologous', 'PHASE1'),
  NCT06195800: e(MS, 'hsct', 'autologous', 'UNSPECIFIED'),
  NCT06218927: e(MS, 'hsct', 'autologous', 'UNSPECIFIED'),
  NCT06228781: e(MS, 'hsct', 'autologous', 'NA', 'Intervention spells "haemopoietic".'),
  NCT06267781: e(MS, 'hsct', 'autologous', 'UNSPECIFIED'),
  NCT06328777: e(
    ['systemic-sclerosis'],
    'car-t',
    'unspecified',
    'PHASE1_PHASE2',
    'No title or condition survived; only the summary names SSc and CABA-201.',
  ),
  NCT06352281: e(['autoimmune-cytopenia'], 'car-t', 'unspecified', 'PHASE1_PHASE2'),
  NCT06371040: e(['myasthenia-gravis'], 'car-t', 'unspecified', 'PHASE1'),
  NCT06508346: e(['vasculitis'], 'car-t', 'unspecified', 'UNSPECIFIED'),
  NCT06567197: e(MS, 'hsct', 'autologous', 'UNSPECIFIED'),
  NCT06569472: e(
    ['inflammatory-myopathy'],
    'car-t',
    'unspecified',
    'PHASE1',
    'Juvenile dermatomyositis maps to inflammatory myopathy.',
  ),
  NCT06623240: e(['juvenile-idiopathic-arthritis'], 'msc', 'allogeneic', 'PHASE2'),
  NCT06792344: e(['systemic-sclerosis'], 'car-t', 'unspecified', 'UNSPECIFIED'),
  NCT06900192: e(MS, 'hsct', 'allogeneic', 'PHASE1'),
  NCT06941129: e(
    ['autoimmune-unspecified'],
    'car-t',
    'allogeneic',
    'UNSPECIFIED',
    '"Universal Allogeneic CAR T-cell Therapy".',
  ),
  NCT07161193: e(['autoimmune-unspecified'], 'car-t', 'unspecified', 'PHASE1_PHASE2'),
  NCT07243366: e(
    ['myasthenia-gravis'],
    'car-t',
    'allogeneic',
    'EARLY_PHASE1',
    'CAR-NK counts as car-t (domain.md step B).',
  ),
  NCT07324889: e(
    ['autoimmune-cytopenia'],
    'car-t',
    'unspecified',
    'PHASE1_PHASE2',
    'Warm autoimmune hemolytic anemia.',
  ),
};

/**
 * Records where the classifier's answer differs from the honest reading above and the rule cannot be
 * changed without breaking other records. Key: NCT id; value: field(s) that differ and why.
 */
export const KNOWN_MISCLASSIFICATIONS: Record<string, string> = {};

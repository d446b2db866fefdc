/**
 * Plain-language words for patients: disease names people use, what each kind of treatment is, what
 * phases and statuses mean, and a short glossary. Written for a reading age of about 12; no advice.
 */
import type { DiseaseId } from './diseases.ts';
import { PHASE_LABELS, STATUS_LABELS, STATUSES } from './trial.ts';
import type { KnownStatus, Phase, Status, Therapy, TransplantType } from './trial.ts';

/** Disease names as patients know them (with the usual abbreviation). One for every disease id. */
export const PLAIN_DISEASE_NAMES: Record<DiseaseId, string> = {
  'multiple-sclerosis': 'Multiple sclerosis (MS)',
  'systemic-sclerosis': 'Systemic sclerosis (scleroderma)',
  lupus: 'Lupus (SLE), including lupus nephritis',
  'rheumatoid-arthritis': 'Rheumatoid arthritis (RA)',
  'juvenile-idiopathic-arthritis': 'Juvenile idiopathic arthritis (JIA, arthritis in children)',
  'crohns-disease': "Crohn's disease",
  'ulcerative-colitis': 'Ulcerative colitis and other inflammatory bowel disease (IBD)',
  'type-1-diabetes': 'Type 1 diabetes',
  cidp: 'CIDP and other immune nerve diseases (neuropathies)',
  nmosd: 'Neuromyelitis optica (NMOSD) and MOG antibody disease (MOGAD)',
  'myasthenia-gravis': 'Myasthenia gravis (MG)',
  'stiff-person-syndrome': 'Stiff person syndrome',
  'autoimmune-encephalitis': 'Autoimmune encephalitis (brain inflammation)',
  'inflammatory-myopathy': 'Myositis (dermatomyositis, polymyositis)',
  vasculitis: "Vasculitis (inflamed blood vessels), including Behçet's",
  'autoimmune-cytopenia': 'Autoimmune low blood counts (ITP, autoimmune haemolytic anaemia)',
  'celiac-disease': 'Refractory coeliac (celiac) disease',
  'immune-dysregulation': 'Inherited immune dysregulation (such as IPEX)',
  'other-autoimmune': "Other autoimmune diseases (such as Sjögren's)",
  'autoimmune-unspecified': 'Autoimmune disease (type not stated)',
};

/** Glossary term ids: each has a definition in GLOSSARY. */
export const GLOSSARY_TERM_IDS = [
  'hsct',
  'autologous',
  'allogeneic',
  'conditioning',
  'mobilisation',
  'gvhd',
  'car-t',
  'msc',
  'treg',
  'phase',
  'recruiting',
  'not-yet-recruiting',
  'eligibility',
] as const;
export type GlossaryTermId = (typeof GLOSSARY_TERM_IDS)[number];

export type GlossaryEntry = { id: GlossaryTermId; term: string; definition: string };

export const GLOSSARY: Record<GlossaryTermId, GlossaryEntry> = {
  hsct: {
    id: 'hsct',
    term: 'HSCT (stem cell transplant)',
    definition:
      'Haematopoietic stem cell transplantation. Strong chemotherapy (sometimes with antibodies) wipes out most of the immune system; then blood-forming stem cells are given back through a drip so that a new immune system can grow. In autoimmune disease the aim is to "reset" the immune system. Also called a bone marrow transplant (BMT).',
  },
  autologous: {
    id: 'autologous',
    term: 'Autologous',
    definition:
      'Using your own cells. In an autologous transplant your own stem cells are collected from your blood, frozen, and given back after the chemotherapy. Almost all transplants for autoimmune disease are autologous.',
  },
  allogeneic: {
    id: 'allogeneic',
    term: 'Allogeneic',
    definition:
      "Using a donor's cells (a relative, an unrelated volunteer, or cord blood). The donor's immune system replaces yours. It carries extra risks, such as graft-versus-host disease (GVHD), and is used much less often in autoimmune disease.",
  },
  conditioning: {
    id: 'conditioning',
    term: 'Conditioning',
    definition:
      'The chemotherapy (and sometimes antibodies such as ATG, or radiation) given in the days before the stem cells. It removes the immune cells that cause the disease. It causes hair loss, sickness and a period of very low blood counts with a high risk of infection.',
  },
  mobilisation: {
    id: 'mobilisation',
    term: 'Mobilisation',
    definition:
      'Medicines (usually a growth factor called G-CSF, often with cyclophosphamide) that move stem cells from the bone marrow into the blood so that they can be collected through a drip machine (apheresis) before the transplant.',
  },
  gvhd: {
    id: 'gvhd',
    term: 'GVHD (graft-versus-host disease)',
    definition:
      "A complication of transplants with a donor's cells (allogeneic): the donor's immune cells attack the patient's body, for example the skin, gut or liver. It can be mild or serious. It does not happen with your own cells.",
  },
  'car-t': {
    id: 'car-t',
    term: 'CAR-T cell therapy',
    definition:
      "Immune cells called T cells are collected, changed in a laboratory so that they recognise and remove the immune cells that drive the disease (often B cells), and given back through a drip. Most use the patient's own cells; some use donor cells. This is not a stem cell transplant.",
  },
  msc: {
    id: 'msc',
    term: 'MSC (mesenchymal stromal cells)',
    definition:
      'Cells from bone marrow, fat or umbilical cord tissue that may calm inflammation. They are given through a drip without strong chemotherapy. This is not a stem cell transplant, even though they are sometimes called "stem cells".',
  },
  treg: {
    id: 'treg',
    term: 'Treg (regulatory T cells)',
    definition:
      'Immune cells that keep the immune system in check. Treg therapy collects or grows these cells and gives them back in larger numbers to calm the disease.',
  },
  phase: {
    id: 'phase',
    term: 'Phase',
    definition:
      'The stage of testing. Phase 1: a first small study, mainly about safety. Phase 2: a larger study of safety and whether it works. Phase 3: a large study comparing it with the usual treatment. Phase 4: after approval. "Not applicable" is common for studies of a procedure such as a transplant.',
  },
  recruiting: {
    id: 'recruiting',
    term: 'Recruiting',
    definition:
      'The trial is looking for participants now. At a trial with many sites, each site may open or close at a different time: ask the contact.',
  },
  'not-yet-recruiting': {
    id: 'not-yet-recruiting',
    term: 'Not yet recruiting',
    definition:
      'The trial is approved and registered but has not started taking participants yet. You can still ask about it.',
  },
  eligibility: {
    id: 'eligibility',
    term: 'Eligibility criteria',
    definition:
      'The rules about who can join a trial (age, how long you have had the disease, earlier treatments, other health problems). Only the trial team can say whether you can take part.',
  },
};

/** Glossary entries in reading order. */
export const GLOSSARY_ENTRIES: readonly GlossaryEntry[] = GLOSSARY_TERM_IDS.map(
  (id) => GLOSSARY[id],
);

/** What is being tested, in plain words, for each kind of therapy. */
export const THERAPY_PLAIN: Record<
  Therapy,
  { name: string; explanation: string; glossary?: GlossaryTermId }
> = {
  hsct: {
    name: 'Stem cell transplant (HSCT)',
    explanation:
      'Strong chemotherapy to remove the immune cells that cause the disease, then blood-forming stem cells are given back so a new immune system can grow.',
    glossary: 'hsct',
  },
  'car-t': {
    name: 'CAR-T cell therapy',
    explanation: 'Immune cells changed in a laboratory to remove the cells that drive the disease.',
    glossary: 'car-t',
  },
  msc: {
    name: 'Mesenchymal stromal cells (MSC)',
    explanation:
      'Cells that may calm inflammation, given through a drip without strong chemotherapy.',
    glossary: 'msc',
  },
  treg: {
    name: 'Regulatory T cell therapy (Treg)',
    explanation: 'Immune cells that keep the immune system in check, given in larger numbers.',
    glossary: 'treg',
  },
  other: {
    name: 'Another cell therapy',
    explanation: 'A cell-based treatment of another kind: read the full record for details.',
  },
};

/** Whose cells are used, in plain words. */
export const TRANSPLANT_TYPE_PLAIN: Record<
  TransplantType,
  { name: string; explanation: string; glossary?: GlossaryTermId }
> = {
  autologous: {
    name: 'Autologous',
    explanation: 'your own stem cells (or cells) are used',
    glossary: 'autologous',
  },
  allogeneic: {
    name: 'Allogeneic',
    explanation: "a donor's stem cells (or cells) are used",
    glossary: 'allogeneic',
  },
  both: {
    name: 'Autologous and allogeneic',
    explanation: "some participants get their own cells, others a donor's",
    glossary: 'autologous',
  },
  unspecified: { name: 'Not stated', explanation: 'the record does not say whose cells are used' },
};

/** What each phase means for a patient. */
export const PHASE_PLAIN: Record<Phase, string> = {
  EARLY_PHASE1: 'A very early, small study, before phase 1.',
  PHASE1: 'An early, small study that mainly checks safety.',
  PHASE1_PHASE2: 'An early study of safety and first signs of benefit.',
  PHASE2: 'A study of whether it works and how safe it is, in a larger group.',
  PHASE2_PHASE3: 'A larger study that checks benefit and often compares with usual treatment.',
  PHASE3: 'A large study comparing it with the usual treatment.',
  PHASE4: 'A study after the treatment is approved.',
  NA: 'No drug phase: common for studies of a procedure such as a transplant.',
  UNSPECIFIED: 'The record gives no phase (for example an observational study).',
};

/** The two statuses in which a trial is (or soon will be) taking participants. */
export const OPEN_STATUSES: readonly KnownStatus[] = ['RECRUITING', 'NOT_YET_RECRUITING'];

/** True when the trial takes or will soon take participants. */
export function isOpenStatus(status: Status | undefined): boolean {
  return status !== undefined && (OPEN_STATUSES as readonly string[]).includes(status);
}

const STATUS_PLAIN: Record<KnownStatus, string> = {
  RECRUITING: 'Looking for participants now.',
  NOT_YET_RECRUITING: 'Will start looking for participants soon.',
  ENROLLING_BY_INVITATION: 'Only people invited by the trial team can join.',
  ACTIVE_NOT_RECRUITING: 'Running, but not taking new participants.',
  SUSPENDED: 'Paused for now; not taking participants.',
  TERMINATED: 'Stopped early.',
  WITHDRAWN: 'Stopped before anyone joined.',
  COMPLETED: 'Finished.',
  UNKNOWN: 'Status not confirmed recently.',
  AVAILABLE: 'Available outside a trial (expanded access).',
  NO_LONGER_AVAILABLE: 'No longer available.',
  TEMPORARILY_NOT_AVAILABLE: 'Not available at the moment.',
  APPROVED_FOR_MARKETING: 'Approved for use.',
  WITHHELD: 'Details withheld.',
};

function isKnownStatus(status: string): status is KnownStatus {
  return (STATUSES as readonly string[]).includes(status);
}

/** Label and plain explanation of a status; unknown API values are shown as written. */
export function plainStatus(status: Status): {
  label: string;
  explanation: string;
  glossary?: GlossaryTermId;
} {
  if (!isKnownStatus(status))
    return { label: status, explanation: 'Status as given by the registry.' };
  const glossary: GlossaryTermId | undefined =
    status === 'RECRUITING'
      ? 'recruiting'
      : status === 'NOT_YET_RECRUITING'
        ? 'not-yet-recruiting'
        : undefined;
  return {
    label: STATUS_LABELS[status],
    explanation: STATUS_PLAIN[status],
    ...(glossary ? { glossary } : {}),
  };
}

/** Label and plain explanation of a phase. */
export function plainPhase(phase: Phase): { label: string; explanation: string } {
  return { label: PHASE_LABELS[phase], explanation: PHASE_PLAIN[phase] };
}

/** The risks note shown with every list of trials. */
export const RISK_NOTE =
  'Trials test treatments that are not yet proven. Transplants carry serious risks: infections while blood counts are low, infertility, and (with donor cells) graft-versus-host disease (GVHD). Whether you can take part is decided by the trial team, not by this page.';

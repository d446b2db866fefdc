/**
 * Disease categories of the dashboard (../docs/domain.md §1). The ids are part of the trial model and of
 * the URL (`disease=`): keep them exactly.
 */
import { foldForSearch } from './text-normalize.ts';

export const DISEASE_IDS = [
  'multiple-sclerosis',
  'systemic-sclerosis',
  'lupus',
  'rheumatoid-arthritis',
  'juvenile-idiopathic-arthritis',
  'crohns-disease',
  'ulcerative-colitis',
  'type-1-diabetes',
  'cidp',
  'nmosd',
  'myasthenia-gravis',
  'stiff-person-syndrome',
  'autoimmune-encephalitis',
  'inflammatory-myopathy',
  'vasculitis',
  'autoimmune-cytopenia',
  'celiac-disease',
  'immune-dysregulation',
  'other-autoimmune',
  'autoimmune-unspecified',
] as const;
export type DiseaseId = (typeof DISEASE_IDS)[number];

export const DISEASE_LABELS: Record<DiseaseId, string> = {
  'multiple-sclerosis': 'Multiple sclerosis',
  'systemic-sclerosis': 'Systemic sclerosis',
  lupus: 'Systemic lupus erythematosus',
  'rheumatoid-arthritis': 'Rheumatoid arthritis',
  'juvenile-idiopathic-arthritis': 'Juvenile idiopathic arthritis',
  'crohns-disease': "Crohn's disease",
  'ulcerative-colitis': 'Ulcerative colitis / IBD',
  'type-1-diabetes': 'Type 1 diabetes',
  cidp: 'CIDP and immune neuropathies',
  nmosd: 'NMO spectrum / MOGAD',
  'myasthenia-gravis': 'Myasthenia gravis',
  'stiff-person-syndrome': 'Stiff-person spectrum',
  'autoimmune-encephalitis': 'Autoimmune encephalitis',
  'inflammatory-myopathy': 'Inflammatory myopathy',
  vasculitis: 'Vasculitis (incl. Behçet)',
  'autoimmune-cytopenia': 'Autoimmune cytopenias',
  'celiac-disease': 'Refractory coeliac disease',
  'immune-dysregulation': 'Monogenic immune dysregulation (IPEX, PIRD)',
  'other-autoimmune': 'Other autoimmune disease',
  'autoimmune-unspecified': 'Autoimmune disease (unspecified)',
};

export function isDiseaseId(value: string): value is DiseaseId {
  return (DISEASE_IDS as readonly string[]).includes(value);
}

/**
 * Other names people use for each category (docs/domain.md §1: the cue words in plain form). The free-text
 * search and the patient view's condition finder match them, so "polyradiculoneuropathy" finds CIDP trials.
 */
export const DISEASE_SYNONYMS: Record<DiseaseId, readonly string[]> = {
  'multiple-sclerosis': [
    'MS',
    'RRMS',
    'SPMS',
    'PPMS',
    'relapsing-remitting multiple sclerosis',
    'secondary progressive multiple sclerosis',
    'primary progressive multiple sclerosis',
    'disseminated sclerosis',
  ],
  'systemic-sclerosis': ['SSc', 'scleroderma', 'CREST'],
  lupus: ['lupus', 'SLE', 'lupus nephritis', 'lupus erythematosus'],
  'rheumatoid-arthritis': ['RA', 'rheumatoid arthritis'],
  'juvenile-idiopathic-arthritis': [
    'JIA',
    'juvenile arthritis',
    'juvenile rheumatoid arthritis',
    "Still's disease",
  ],
  'crohns-disease': ['Crohn', 'Crohn disease', 'regional enteritis', 'IBD'],
  'ulcerative-colitis': ['colitis', 'inflammatory bowel disease', 'IBD'],
  'type-1-diabetes': [
    'T1D',
    'type 1 diabetes',
    'type I diabetes',
    'insulin-dependent diabetes',
    'juvenile diabetes',
    'LADA',
  ],
  cidp: [
    'CIDP',
    'chronic inflammatory demyelinating polyneuropathy',
    'chronic inflammatory demyelinating polyradiculoneuropathy',
    'polyradiculoneuropathy',
    'polyneuropathy',
    'multifocal motor neuropathy',
  ],
  nmosd: ['NMO', 'NMOSD', 'neuromyelitis optica', "Devic's disease", 'MOGAD', 'anti-MOG'],
  'myasthenia-gravis': ['MG', 'myasthenia'],
  'stiff-person-syndrome': ['stiff person syndrome', 'stiff-man syndrome', 'SPS'],
  'autoimmune-encephalitis': ['encephalitis', 'anti-NMDA receptor encephalitis', 'LGI1', 'CASPR2'],
  'inflammatory-myopathy': [
    'myositis',
    'dermatomyositis',
    'polymyositis',
    'inflammatory myopathy',
    'antisynthetase syndrome',
  ],
  vasculitis: [
    'ANCA vasculitis',
    'granulomatosis with polyangiitis',
    "Wegener's",
    'microscopic polyangiitis',
    'Churg-Strauss',
    "Behçet's disease",
    'Takayasu arteritis',
    'polyarteritis nodosa',
  ],
  'autoimmune-cytopenia': [
    'ITP',
    'immune thrombocytopenia',
    'autoimmune haemolytic anaemia',
    'AIHA',
    'Evans syndrome',
    'pure red cell aplasia',
  ],
  'celiac-disease': ['coeliac disease', 'celiac disease', 'refractory coeliac disease'],
  'immune-dysregulation': [
    'IPEX',
    'CTLA4 haploinsufficiency',
    'LRBA deficiency',
    'APECED',
    'ALPS',
    'inborn error of immunity',
  ],
  'other-autoimmune': [
    "Sjögren's",
    'antiphospholipid syndrome',
    'autoimmune hepatitis',
    'pemphigus',
    'IgG4-related disease',
    'psoriasis',
  ],
  'autoimmune-unspecified': ['autoimmune disease', 'autoimmunity'],
};

/**
 * The categories a typed name points to: every category whose label, extra names (`names`, e.g. the
 * patients' plain names) or synonyms contain the text as a word start, case and accents ignored.
 */
export function diseasesNamed(
  text: string,
  names: Partial<Record<DiseaseId, string>> = {},
): DiseaseId[] {
  const query = foldForSearch(text.trim());
  if (query === '') return [];
  const startsWord = (name: string) => {
    const folded = foldForSearch(name);
    const at = folded.indexOf(query);
    return at === 0 || (at > 0 && !/[a-z0-9]/.test(folded.charAt(at - 1)));
  };
  return DISEASE_IDS.filter((id) =>
    [DISEASE_LABELS[id], names[id] ?? '', ...DISEASE_SYNONYMS[id]].some(startsWord),
  );
}

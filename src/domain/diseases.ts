/**
 * Disease categories of the dashboard (../docs/domain.md §1). The ids are part of the trial model and of
 * the URL (`disease=`): keep them exactly.
 */
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

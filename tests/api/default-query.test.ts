// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ctgovWebSearchUrl,
  DEFAULT_QUERY,
  describeQuery,
  queryToSearchParams,
  STUDY_FIELDS,
} from '../../src/api/ctgov/default-query.ts';
import { matchesEssie, normalizeText, parseEssie } from '../../mocks/emulator/essie.ts';

describe('DEFAULT_QUERY', () => {
  it('puts transplant and cell-therapy terms in query.intr', () => {
    const intr = parseEssie(DEFAULT_QUERY['query.intr']!);
    for (const text of [
      'Autologous hematopoietic stem cell transplantation',
      'Bone marrow transplantation',
      'aHSCT',
      'anti-CD19 CAR-T cells',
      'umbilical cord mesenchymal stem cells',
      'regulatory T cells',
    ]) {
      expect(matchesEssie(intr, [normalizeText(text)]), text).toBe(true);
    }
    expect(matchesEssie(intr, [normalizeText('Rituximab')])).toBe(false);
  });

  it('covers every disease category of the domain guide in query.cond', () => {
    const cond = parseEssie(DEFAULT_QUERY['query.cond']!);
    for (const text of [
      'Multiple Sclerosis',
      'Systemic Sclerosis',
      'Systemic Lupus Erythematosus',
      'Rheumatoid Arthritis',
      'Juvenile Idiopathic Arthritis',
      "Crohn's Disease",
      'Ulcerative Colitis',
      'Type 1 Diabetes',
      'Chronic Inflammatory Demyelinating Polyneuropathy',
      'Neuromyelitis Optica',
      'Myasthenia Gravis',
      'Stiff Person Syndrome',
      'Autoimmune Encephalitis',
      'Dermatomyositis',
      'ANCA vasculitis',
      'Immune Thrombocytopenia',
      'Refractory Celiac Disease',
      'IPEX Syndrome',
      "Sjögren's syndrome",
      'Severe autoimmune diseases',
    ]) {
      expect(matchesEssie(cond, [normalizeText(text)]), text).toBe(true);
    }
    expect(matchesEssie(cond, [normalizeText('Breast Cancer')])).toBe(false);
  });

  it('is valid simplified Essie with quoted phrases joined by OR', () => {
    expect(DEFAULT_QUERY['query.intr']).toContain('"bone marrow transplantation" OR');
    expect(DEFAULT_QUERY['query.cond']).toContain('"multiple sclerosis" OR');
  });
});

describe('query helpers', () => {
  const q = {
    'query.cond': 'lupus',
    'query.intr': 'HSCT OR "CAR-T"',
    'filter.overallStatus': 'RECRUITING,COMPLETED',
  };

  it('turns a query into API parameters, leaving empty ones out', () => {
    expect(queryToSearchParams({ ...q, 'query.term': '  ' }).toString()).toBe(
      'query.cond=lupus&query.intr=HSCT+OR+%22CAR-T%22&filter.overallStatus=RECRUITING%2CCOMPLETED',
    );
  });

  it('describes the query as the exact parameters', () => {
    expect(describeQuery(q)).toBe(
      'query.cond=lupus · query.intr=HSCT OR "CAR-T" · filter.overallStatus=RECRUITING,COMPLETED',
    );
    expect(describeQuery({})).toBe('all studies (no query)');
  });

  it('links to the same search on the ClinicalTrials.gov website', () => {
    const url = new URL(ctgovWebSearchUrl(q));
    expect(url.origin + url.pathname).toBe('https://clinicaltrials.gov/search');
    expect(url.searchParams.get('cond')).toBe('lupus');
    expect(url.searchParams.get('intr')).toBe('HSCT OR "CAR-T"');
    expect(url.searchParams.get('aggFilters')).toBe('status:rec com');
    expect(ctgovWebSearchUrl({})).toBe('https://clinicaltrials.gov/search');
  });

  it('asks only for real piece names, each once', () => {
    expect(new Set(STUDY_FIELDS).size).toBe(STUDY_FIELDS.length);
    expect(STUDY_FIELDS).toEqual(
      expect.arrayContaining(['NCTId', 'Phase', 'LocationGeoPoint', 'HasResults']),
    );
  });
});

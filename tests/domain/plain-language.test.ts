import { describe, expect, it } from 'vitest';
import { DISEASE_IDS } from '../../src/domain/diseases.ts';
import {
  GLOSSARY,
  GLOSSARY_ENTRIES,
  PHASE_PLAIN,
  PLAIN_DISEASE_NAMES,
  RISK_NOTE,
  THERAPY_PLAIN,
  TRANSPLANT_TYPE_PLAIN,
  isOpenStatus,
  plainPhase,
  plainStatus,
} from '../../src/domain/plain-language.ts';
import { PHASES, STATUSES, THERAPIES, TRANSPLANT_TYPES } from '../../src/domain/trial.ts';

describe('plain disease names', () => {
  it('has a distinct plain name for every disease id', () => {
    const names = DISEASE_IDS.map((id) => PLAIN_DISEASE_NAMES[id]);
    expect(names.every((n) => typeof n === 'string' && n.length > 3)).toBe(true);
    expect(new Set(names).size).toBe(DISEASE_IDS.length);
    expect(PLAIN_DISEASE_NAMES['multiple-sclerosis']).toBe('Multiple sclerosis (MS)');
  });
});

describe('plain explanations', () => {
  it('explains whose cells each transplant type uses', () => {
    expect(TRANSPLANT_TYPE_PLAIN.autologous.explanation).toMatch(/your own/);
    expect(TRANSPLANT_TYPE_PLAIN.allogeneic.explanation).toMatch(/donor/);
    for (const type of TRANSPLANT_TYPES)
      expect(TRANSPLANT_TYPE_PLAIN[type].explanation).not.toBe('');
  });

  it('explains every therapy, phase and known status', () => {
    for (const therapy of THERAPIES)
      expect(THERAPY_PLAIN[therapy].explanation.length).toBeGreaterThan(10);
    for (const phase of PHASES) expect(PHASE_PLAIN[phase].length).toBeGreaterThan(10);
    for (const status of STATUSES)
      expect(plainStatus(status).explanation.length).toBeGreaterThan(5);
    expect(plainPhase('PHASE1')).toEqual({ label: 'Phase 1', explanation: PHASE_PLAIN.PHASE1 });
  });

  it('shows an unknown status as written and links recruiting statuses to the glossary', () => {
    expect(plainStatus('SOMETHING_NEW').label).toBe('SOMETHING_NEW');
    expect(plainStatus('RECRUITING')).toMatchObject({
      label: 'Recruiting',
      glossary: 'recruiting',
    });
    expect(plainStatus('COMPLETED').glossary).toBeUndefined();
  });

  it('counts only recruiting and not-yet-recruiting trials as open', () => {
    expect(isOpenStatus('RECRUITING')).toBe(true);
    expect(isOpenStatus('NOT_YET_RECRUITING')).toBe(true);
    expect(isOpenStatus('ACTIVE_NOT_RECRUITING')).toBe(false);
    expect(isOpenStatus('ENROLLING_BY_INVITATION')).toBe(false);
    expect(isOpenStatus(undefined)).toBe(false);
  });
});

describe('glossary', () => {
  it('defines the core terms patients meet', () => {
    const terms = GLOSSARY_ENTRIES.map((e) => e.term).join(' | ');
    for (const word of [
      'HSCT',
      'Autologous',
      'Allogeneic',
      'Conditioning',
      'Mobilisation',
      'Phase',
      'Recruiting',
      'CAR-T',
      'MSC',
      'GVHD',
    ]) {
      expect(terms).toContain(word);
    }
    for (const entry of GLOSSARY_ENTRIES) expect(GLOSSARY[entry.id]).toBe(entry);
  });

  it('links every therapy and transplant type that has a term to an existing entry', () => {
    for (const therapy of THERAPIES) {
      const id = THERAPY_PLAIN[therapy].glossary;
      if (id) expect(GLOSSARY[id]).toBeDefined();
    }
    for (const type of TRANSPLANT_TYPES) {
      const id = TRANSPLANT_TYPE_PLAIN[type].glossary;
      if (id) expect(GLOSSARY[id]).toBeDefined();
    }
  });

  it('has a risk note that names GVHD and leaves eligibility to the trial team', () => {
    expect(RISK_NOTE).toMatch(/GVHD/);
    expect(RISK_NOTE).toMatch(/decided by the trial team/);
  });
});

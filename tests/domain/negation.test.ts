// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { splitNegated } from '../../src/domain/negation.ts';

describe('splitNegated', () => {
  it.each([
    ['ild not associated with systemic sclerosis', 'systemic sclerosis'],
    ['uveitis not related to behçet disease or lupus', 'behçet disease or lupus'],
    ['hsct without atg in ms', 'atg'],
    ['autoimmune disease excluding multiple sclerosis', 'multiple sclerosis'],
    ['autoimmune diseases other than ms', 'ms'],
    ['nephrotic syndrome (non-lupus)', 'lupus'],
    ['non-insulin-dependent diabetes', 'insulin-dependent'],
    ['itp; patients with lupus are excluded', 'lupus'],
  ])('%j negates %j', (text, governed) => {
    const split = splitNegated(text);
    expect(split.negated).toBe(governed);
    expect(split.kept).toHaveLength(text.length);
    expect(split.kept).not.toContain(governed);
  });

  it('leaves text without a negation as it is', () => {
    expect(splitNegated('relapsing multiple sclerosis')).toEqual({
      kept: 'relapsing multiple sclerosis',
      negated: '',
    });
  });

  it('"non-" reaches its own word only', () => {
    expect(splitNegated('non-relapsing secondary progressive ms').kept).toBe(
      'non-          secondary progressive ms',
    );
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  normalizeText,
  normalizeWithOffsets,
  quoteFirstMatch,
} from '../../src/domain/text-normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['Haematopoietic', 'hematopoietic'],
    ['HAEMOPOIETIC', 'hemopoietic'],
    ['hematopoetic', 'hematopoietic'],
    ['Haematopoetic', 'hematopoietic'],
    ['heMatopoietic', 'hematopoietic'],
    ['Anaemia', 'anemia'],
    ['Leukaemia', 'leukemia'],
    ['Coeliac', 'celiac'],
    ['Mobilisation', 'mobilization'],
    ['Stiff\u2013person', 'stiff-person'],
    ['Crohn\u2019s', "crohn's"],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('the offset-tracking version gives the same text and maps back to the original', () => {
    const original = 'Autologous Haematopoietic Stem-Cell \u2013 Transplantation (Anaemia)';
    const { text, offsets } = normalizeWithOffsets(original);
    expect(text).toBe(normalizeText(original));
    expect(offsets).toHaveLength(text.length + 1);
    const at = text.indexOf('hematopoietic');
    expect(original.slice(offsets[at], offsets[at + 'hematopoietic'.length])).toBe(
      'Haematopoietic',
    );
  });
});

describe('quoteFirstMatch', () => {
  it('returns the match in original case with the following words', () => {
    expect(
      quoteFirstMatch(
        'Trial of AUTOLOGOUS Haemopoietic Stem Cell Rescue, then follow-up',
        /autologous/,
        { extraWords: 4 },
      ),
    ).toBe('AUTOLOGOUS Haemopoietic Stem Cell Rescue');
  });

  it('stops at punctuation and finishes the word the match ends in', () => {
    expect(quoteFirstMatch('Stem Cell Transplant (LIST)', /stem cell transplan/)).toBe(
      'Stem Cell Transplant',
    );
  });

  it('skips masked spans', () => {
    expect(
      quoteFirstMatch('allogeneic microbiota; autologous graft', /auto\w+|allo\w+/, {
        mask: /allogeneic microbiota/g,
      }),
    ).toBe('autologous graft');
  });

  it('returns undefined when nothing matches', () => {
    expect(quoteFirstMatch('nothing here', /hsct/)).toBeUndefined();
  });
});

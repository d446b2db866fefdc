import { describe, expect, it } from 'vitest';
import {
  SHORTLIST_MAX,
  cleanShortlist,
  decodeShortlist,
  encodeShortlist,
  mergeShortlists,
  parseStoredShortlist,
  serializeShortlist,
  shortlistUrl,
  toggleShortlist,
} from '../../src/domain/shortlist.ts';

describe('shortlist URL parameter', () => {
  it('encodes ids as a comma-separated list and decodes them back', () => {
    const ids = ['NCT01234567', 'NCT07654321'];
    expect(encodeShortlist(ids)).toBe('NCT01234567,NCT07654321');
    expect(decodeShortlist(encodeShortlist(ids))).toEqual(ids);
  });

  it('reads lower case, spaces and duplicates, and drops anything that is not an NCT id', () => {
    expect(decodeShortlist(' nct01234567, NCT01234567 ,<script>,NCT123,NCT07654321 ')).toEqual([
      'NCT01234567',
      'NCT07654321',
    ]);
    expect(decodeShortlist('')).toEqual([]);
    expect(decodeShortlist(null)).toEqual([]);
  });

  it('caps a crafted list at the maximum length', () => {
    const many = Array.from(
      { length: SHORTLIST_MAX + 20 },
      (_, i) => `NCT${String(i).padStart(8, '0')}`,
    );
    expect(decodeShortlist(many.join(','))).toHaveLength(SHORTLIST_MAX);
  });

  it('builds a link that reopens the patient view with the shortlist, keeping other parameters', () => {
    const link = shortlistUrl(
      'https://example.org/app/?disease=lupus&trial=NCT00000001&shortlist=NCT1#top',
      ['NCT01234567', 'NCT07654321'],
    );
    const url = new URL(link);
    expect(url.pathname).toBe('/app/');
    expect(url.searchParams.get('view')).toBe('patient');
    expect(url.searchParams.get('disease')).toBe('lupus');
    expect(url.searchParams.has('trial')).toBe(false);
    expect(url.search).toContain('shortlist=NCT01234567,NCT07654321');
    expect(decodeShortlist(url.searchParams.get('shortlist'))).toEqual([
      'NCT01234567',
      'NCT07654321',
    ]);
  });

  it('leaves the shortlist parameter out when the list is empty', () => {
    expect(shortlistUrl('https://example.org/?shortlist=NCT01234567', [])).toBe(
      'https://example.org/?view=patient',
    );
  });
});

describe('shortlist editing and storage', () => {
  it('toggles an id in and out', () => {
    expect(toggleShortlist([], 'NCT01234567')).toEqual(['NCT01234567']);
    expect(toggleShortlist(['NCT01234567', 'NCT07654321'], 'NCT01234567')).toEqual(['NCT07654321']);
    expect(toggleShortlist(['NCT01234567'], 'bad id')).toEqual(['NCT01234567']);
  });

  it('merges a shared list after the saved one without duplicates', () => {
    expect(mergeShortlists(['NCT00000002'], ['NCT00000001', 'NCT00000002'])).toEqual([
      'NCT00000002',
      'NCT00000001',
    ]);
    expect(cleanShortlist(['x', 'NCT00000001'])).toEqual(['NCT00000001']);
  });

  it('round-trips through storage text and treats broken storage as empty', () => {
    expect(parseStoredShortlist(serializeShortlist(['NCT00000001', 'NCT00000002']))).toEqual([
      'NCT00000001',
      'NCT00000002',
    ]);
    expect(parseStoredShortlist('{not json')).toEqual([]);
    expect(parseStoredShortlist('{"a":1}')).toEqual([]);
    expect(parseStoredShortlist('[1,"NCT00000001",null]')).toEqual(['NCT00000001']);
    expect(parseStoredShortlist(null)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeStudies } from '../../src/domain/normalize-study.ts';
import { normalizeInSlices } from '../../src/queries/normalize-in-slices.ts';
import { fixtureStudies } from '../../mocks/emulator/fixture-studies.ts';

describe('normalizeInSlices', () => {
  const raws: unknown[] = [...fixtureStudies(), ...fixtureStudies().slice(0, 5), null, { junk: 1 }];

  it('gives exactly what normalizeStudies gives, duplicates and bad records included', async () => {
    const expected = normalizeStudies(raws);
    expect(expected.skipped).toBe(7);
    // a zero budget yields after every record: the slices must still add up to the same list
    await expect(normalizeInSlices(raws, undefined, 0)).resolves.toEqual(expected);
    await expect(normalizeInSlices(raws)).resolves.toEqual(expected);
  });

  it('stops when the load is cancelled between slices', async () => {
    const controller = new AbortController();
    const pending = normalizeInSlices(raws, controller.signal, 0);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('treats a non-list as no records', async () => {
    await expect(normalizeInSlices('nope' as unknown as unknown[])).resolves.toEqual({
      trials: [],
      skipped: 0,
      skippedValues: 0,
    });
  });
});

/**
 * The fixture records served by the emulator (mocks/fixtures/studies.json, built by
 * `npm run fixtures`). Imported as text so neither TypeScript nor the bundler has to type or transform a
 * multi-megabyte JSON module; parsed once, on first use.
 */
import fixturesText from '../fixtures/studies.json?raw';
import type { Study } from '../../src/api/ctgov/wire-types.ts';

/** One fixture: where the record came from ('synthetic: …' for made-up NCT99 records) and the study. */
export type FixtureEntry = { source: string; study: Study };

let cache: FixtureEntry[] | undefined;

export function fixtureEntries(): FixtureEntry[] {
  cache ??= JSON.parse(fixturesText) as FixtureEntry[];
  return cache;
}

export function fixtureStudies(): Study[] {
  return fixtureEntries().map((entry) => entry.study);
}

/** The fixture studies with these NCT ids, in the given order; throws on an id that is not a fixture. */
export function fixturesById(...ids: string[]): Study[] {
  return ids.map((id) => {
    const entry = fixtureEntries().find(
      (e) => e.study.protocolSection?.identificationModule?.nctId === id,
    );
    if (!entry) throw new Error(`No fixture ${id}`);
    return entry.study;
  });
}

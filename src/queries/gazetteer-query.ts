/**
 * The place gazetteer of the patient view (src/domain/gazetteer.ts), loaded as separate chunks the first
 * time a person types a place: world cities and UK postcode areas together, US ZIP codes only for a ZIP.
 * Loaded once per visit and kept in memory (a module-level promise); never part of the first view, never
 * persisted, and needs no query client (the patient view also renders on its own).
 */
import { useEffect, useState } from 'react';
import { findUsZip, parseGazetteer, usZipOf, type Gazetteer } from '../domain/gazetteer.ts';
import type { LatLon } from '../domain/geo.ts';

export type Loaded<T> =
  { status: 'idle' | 'loading' } | { status: 'ready'; data: T } | { status: 'error' };

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => {
    // A failed load (a chunk that could not be fetched) is tried again next time.
    promise ??= load().catch((error: unknown) => {
      promise = null;
      throw error;
    });
    return promise;
  };
}

const loadGazetteer = once(async (): Promise<Gazetteer> => {
  const [cities, areas] = await Promise.all([
    import('../domain/gazetteer-data/cities.txt?raw'),
    import('../domain/gazetteer-data/gb-postcode-areas.txt?raw'),
  ]);
  return parseGazetteer({ cities: cities.default, gbPostcodeAreas: areas.default });
});

const loadUsZips = once(
  async (): Promise<string> => (await import('../domain/gazetteer-data/us-zips.txt?raw')).default,
);

function useLoaded<T>(load: () => Promise<T>, enabled: boolean): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'idle' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return enabled && state.status === 'idle' ? { status: 'loading' } : state;
}

/** The gazetteer, loaded once `enabled` (the person started typing a place). */
export function useGazetteer(enabled: boolean): Loaded<Gazetteer> {
  return useLoaded(loadGazetteer, enabled);
}

/** The US ZIP code in `query` and its position (null while loading, or when the ZIP is unknown). */
export function useUsZip(query: string): {
  zip: string | null;
  point: LatLon | null;
  status: Loaded<string>['status'];
} {
  const zip = usZipOf(query);
  const zips = useLoaded(loadUsZips, zip !== null);
  const point = zip !== null && zips.status === 'ready' ? findUsZip(zips.data, zip) : null;
  return { zip, point, status: zips.status };
}

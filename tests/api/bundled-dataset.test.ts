// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error.ts';
import {
  BUNDLED_DATASET_PATH,
  bundledDatasetUrl,
  fetchBundledDataset,
} from '../../src/api/bundled-dataset.ts';
import { DEFAULT_QUERY } from '../../src/api/ctgov/default-query.ts';
import { server } from '../../mocks/node.ts';

// jsdom environment: the page lives at http://localhost:3000/ and the dataset is fetched relative to it.

describe('fetchBundledDataset', () => {
  it('loads the bundled sample relative to the page, with its description and real records only', async () => {
    expect(bundledDatasetUrl()).toBe(`http://localhost:3000/${BUNDLED_DATASET_PATH}`);
    const dataset = await fetchBundledDataset();
    expect(dataset.meta.kind).toBe('bundled-sample');
    expect(dataset.meta.description).toMatch(
      /bundled sample of \d+ real ClinicalTrials\.gov records/,
    );
    expect(dataset.meta.description).toMatch(/not a live pull/);
    expect(dataset.meta.query).toEqual(DEFAULT_QUERY);
    expect(Number.isNaN(Date.parse(dataset.meta.capturedAt))).toBe(false);
    expect(dataset.studies).toHaveLength(dataset.meta.studyCount);
    // 88 records of mocks/source/hsct and 16 full records captured in 2026 (mocks/source/ctgov-2026).
    expect(dataset.meta.studyCount).toBe(104);
    type Shape = {
      protocolSection?: {
        identificationModule?: { nctId?: string };
        contactsLocationsModule?: { locations?: { geoPoint?: unknown }[] };
      };
    };
    const studies = dataset.studies as Shape[];
    const ids = studies.map((s) => s.protocolSection?.identificationModule?.nctId);
    expect(ids.every((id) => typeof id === 'string' && !id.startsWith('NCT99'))).toBe(true);
    // Offline, distances and the map have sites to work with.
    const geocoded = studies.flatMap(
      (s) => s.protocolSection?.contactsLocationsModule?.locations?.filter((l) => l.geoPoint) ?? [],
    );
    expect(geocoded.length).toBeGreaterThan(250);
  });

  it('rejects a file with the wrong shape as a parse error', async () => {
    server.use(
      http.get('*/data/snapshot.json', () =>
        HttpResponse.json({ meta: { kind: 'live' }, studies: [] }),
      ),
    );
    const error = await fetchBundledDataset().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('parse');
    expect((error as ApiError).message).toMatch(/damaged.*meta\.kind/);
  });

  it('rejects a file that is not JSON as a parse error', async () => {
    server.use(
      http.get(
        '*/data/snapshot.json',
        () =>
          new HttpResponse('<!doctype html><title>index</title>', {
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    );
    const error = await fetchBundledDataset().catch((e: unknown) => e);
    expect((error as ApiError).kind).toBe('parse');
    expect((error as ApiError).message).toBe('The bundled dataset is not valid JSON.');
  });

  it('reports a missing file as not found', async () => {
    server.use(
      http.get('*/elsewhere/snapshot.json', () => new HttpResponse('Not found', { status: 404 })),
    );
    const error = await fetchBundledDataset({
      url: 'http://localhost:3000/elsewhere/snapshot.json',
    }).catch((e: unknown) => e);
    expect((error as ApiError).kind).toBe('not-found');
  });
});

// @vitest-environment node
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Every fixture study and every emulated response body must fit the official OpenAPI schemas
 * (spec/ctg-oas-v2.yaml). The only allowed misfits are the enum values of the synthetic records that
 * exist to carry values the OAS does not know (their source says so).
 */
type Entry = {
  source: string;
  study: { protocolSection?: { identificationModule?: { nctId?: string } } };
};

const oas = parse(readFileSync(new URL('../../spec/ctg-oas-v2.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
ajv.addSchema({ $id: 'oas', components: oas.components });
const validator = (name: string): ValidateFunction =>
  ajv.compile({ $ref: `oas#/components/schemas/${name}` });
const validateStudy = validator('Study');
const validatePage = validator('PagedStudies');
const validateVersion = validator('Version');

const entries = JSON.parse(
  readFileSync(new URL('../../mocks/fixtures/studies.json', import.meta.url), 'utf8'),
) as Entry[];
const nctId = (e: Entry) => e.study.protocolSection?.identificationModule?.nctId ?? '';
const OFF_SCHEMA = new Set(
  entries.filter((e) => /enum values unknown to OAS/.test(e.source)).map(nctId),
);

/** Errors other than the deliberate unknown enum values of OFF_SCHEMA records. */
function realErrors(
  errors: ErrorObject[] | null | undefined,
  idAt: (path: string) => string | undefined,
) {
  return (errors ?? []).filter(
    (e) => !(e.keyword === 'enum' && OFF_SCHEMA.has(idAt(e.instancePath) ?? '')),
  );
}

const API = 'https://clinicaltrials.gov/api/v2';
async function getJson(path: string): Promise<unknown> {
  const response = await fetch(`${API}${path}`);
  expect(response.status).toBe(200);
  return response.json();
}

describe('fixtures against the official OpenAPI schema', () => {
  it('the schema validator rejects wrong types, unknown enum values and malformed geo points', () => {
    expect(validateStudy({ hasResults: 'no' })).toBe(false);
    expect(validateStudy({ protocolSection: { designModule: { phases: ['PHASE9'] } } })).toBe(
      false,
    );
    expect(
      validateStudy({
        protocolSection: { contactsLocationsModule: { locations: [{ geoPoint: { lat: 1 } }] } },
      }),
    ).toBe(false);
    expect(validatePage({ studies: [], totalCount: 'many' })).toBe(false);
    expect(validateVersion({ dataTimestamp: 'x' })).toBe(false);
  });

  it('has at least one deliberately off-schema record, and it fails only on enum values', () => {
    expect(OFF_SCHEMA.size).toBeGreaterThan(0);
    for (const e of entries.filter((x) => OFF_SCHEMA.has(nctId(x)))) {
      expect(validateStudy(e.study)).toBe(false);
      expect(validateStudy.errors!.every((err) => err.keyword === 'enum')).toBe(true);
    }
  });

  it.each(entries.map((e) => [nctId(e), e] as const))('fixture %s is a valid Study', (id, e) => {
    validateStudy(e.study);
    expect(realErrors(validateStudy.errors, () => id)).toEqual([]);
  });
});

describe('emulated responses against the official OpenAPI schema', () => {
  async function checkAllPages(params: Record<string, string>) {
    let token: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({
        ...params,
        countTotal: 'true',
        pageSize: '40',
        ...(token ? { pageToken: token } : {}),
      });
      const page = (await getJson(`/studies?${query.toString()}`)) as {
        studies: Entry['study'][];
        nextPageToken?: string;
      };
      validatePage(page);
      const idAt = (path: string) => {
        const index = /^\/studies\/(\d+)/.exec(path)?.[1];
        return index === undefined
          ? undefined
          : page.studies[Number(index)]?.protocolSection?.identificationModule?.nctId;
      };
      expect(realErrors(validatePage.errors, idAt)).toEqual([]);
      token = page.nextPageToken;
      pages += 1;
    } while (token);
    return pages;
  }

  it('pages without fields are valid PagedStudies', async () => {
    expect(await checkAllPages({})).toBeGreaterThan(1);
  });

  it('pages pruned with fields are valid PagedStudies', async () => {
    expect(
      await checkAllPages({
        fields: 'NCTId,BriefTitle,Phase,LocationGeoPoint,ConditionMeshTerm,HasResults',
      }),
    ).toBeGreaterThan(1);
  });

  it('a single study is a valid Study', async () => {
    for (const id of ['NCT99000001', 'NCT02513394']) {
      validateStudy(await getJson(`/studies/${id}`));
      expect(validateStudy.errors ?? []).toEqual([]);
    }
  });

  it('the version is a valid Version', async () => {
    expect(validateVersion(await getJson('/version'))).toBe(true);
  });
});

import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node.ts';
import {
  isTrialNotFound,
  isTrialRejected,
  loadTrialDetail,
  trialDetailQueries,
} from '../../src/queries/trial-detail-query.ts';

const instant = { retry: { retries: 0 } };

function signal(): AbortSignal {
  return new AbortController().signal;
}

describe('loadTrialDetail', () => {
  it('loads one full record from /studies/{nctId} as a trial with what the detail shows', async () => {
    // NCT99000001 is a synthetic fixture record served by the API emulator
    const { trial, offlineReason } = await loadTrialDetail('NCT99000001', signal(), instant);
    expect(offlineReason).toBeUndefined();
    expect(trial.nctId).toBe('NCT99000001');
    expect(trial.therapy).toBe('hsct');
    expect(trial.transplantType).toBe('autologous');
    expect(trial.arms?.map((a) => a.label)).toEqual(['aHSCT', 'Best available therapy']);
    expect(trial.completionDate).toBe('2029-12');
    expect(trial.dateTypes?.completionDate).toBe('ESTIMATED');
    expect(trial.locations.map((s) => [s.country, s.status])).toEqual([
      ['Sweden', 'RECRUITING'],
      ['United Kingdom', 'RECRUITING'],
      ['Norway', 'NOT_YET_RECRUITING'],
    ]);
    expect(trial.interventions[0]?.otherNames).toEqual(['aHSCT']);
  });

  it('reports a study the registry does not have as not found', async () => {
    const error = await loadTrialDetail('NCT99999998', signal(), instant).catch((e: unknown) => e);
    expect(isTrialNotFound(error)).toBe(true);
    expect((error as Error).message).toBe('ClinicalTrials.gov has no study NCT99999998.');
  });

  it('reports an id the registry refuses as rejected, not as not found', async () => {
    const error = await loadTrialDetail('not-an-id', signal(), instant).catch((e: unknown) => e);
    expect(isTrialRejected(error)).toBe(true);
    expect(isTrialNotFound(error)).toBe(false);
  });

  it('fails with a readable message when the network is down', async () => {
    server.use(http.get('*/api/v2/studies/:nctId', () => HttpResponse.error()));
    const error = await loadTrialDetail('NCT99000001', signal(), instant).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isTrialNotFound(error)).toBe(false);
    expect((error as Error).message).toMatch(/ClinicalTrials\.gov/);
  });

  it('retries once by default before giving up on a network failure', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/v2/studies/:nctId', () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const { trial } = await loadTrialDetail('NCT99000001', signal());
    expect(trial.nctId).toBe('NCT99000001');
    expect(calls).toBe(2);
  });
});

describe('trialDetailQueries', () => {
  it('keys a trial by its NCT id whatever the case', () => {
    expect(trialDetailQueries.detail('nct99000001').queryKey).toEqual(
      trialDetailQueries.detail('NCT99000001').queryKey,
    );
    expect(trialDetailQueries.detail('NCT99000001').queryKey).not.toEqual(
      trialDetailQueries.detail('NCT99000002').queryKey,
    );
  });
});

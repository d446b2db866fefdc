/**
 * Serves a precomputed dataset derived in memory (scripts/precompute-dataset.ts) from a raw snapshot, as
 * a deployed site serves data/trials.json, data/trial-sites.json and data/details/NN.json.
 */
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node.ts';
import type { BundledDataset } from '../../src/api/bundled-dataset.ts';
import {
  precompute,
  serializePrecomputed,
  serializeTrialSites,
} from '../../scripts/precompute-dataset.ts';

export function servePrecomputed(raw: BundledDataset, rules = 'rules-test') {
  const result = precompute(raw, JSON.stringify(raw), rules);
  const text = serializePrecomputed(result.dataset);
  const sitesText = serializeTrialSites(result.dataset);
  server.use(
    http.get('*/data/trials.json', () =>
      HttpResponse.text(text, { headers: { 'Content-Type': 'application/json' } }),
    ),
    http.get('*/data/trial-sites.json', () =>
      HttpResponse.text(sitesText, { headers: { 'Content-Type': 'application/json' } }),
    ),
    http.get('*/data/details/:file', ({ params }) => {
      const shard = result.shards.get(Number(String(params.file).replace(/\.json$/, '')));
      return shard === undefined
        ? HttpResponse.text('Not found', { status: 404 })
        : HttpResponse.json(shard);
    }),
  );
  return { ...result, text, sitesText };
}

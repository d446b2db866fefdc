/**
 * The views the full app and the embed load on demand, declared once so both use the same chunks and
 * the same component types.
 */
import { lazy } from 'react';

export const TrialTable = lazy(() =>
  import('../features/trial-table/trial-table.tsx').then((module) => ({
    default: module.TrialTable,
  })),
);

export const TrialDetail = lazy(() =>
  import('../features/trial-detail/trial-detail.tsx').then((module) => ({
    default: module.TrialDetail,
  })),
);

/**
 * The views the full app and the embed load on demand, declared once so both use the same chunks, and
 * the trial detail with its loading line and its own error boundary.
 */
import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import type { TrialDetailProps } from '../features/trial-detail/trial-detail.tsx';

export const TrialTable = lazy(() =>
  import('../features/trial-table/trial-table.tsx').then((module) => ({
    default: module.TrialTable,
  })),
);

const LazyTrialDetail = lazy(() =>
  import('../features/trial-detail/trial-detail.tsx').then((module) => ({
    default: module.TrialDetail,
  })),
);

/** The trial detail dialog: "Loading the trial…" while its code loads; a failure stays inside it. */
export function TrialDetail(props: TrialDetailProps) {
  return (
    <ErrorBoundary label="The trial detail">
      <Suspense fallback={<p role="status">Loading the trial…</p>}>
        <LazyTrialDetail {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

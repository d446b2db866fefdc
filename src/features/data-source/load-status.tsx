import { formatCount, pluralize } from '../../lib/format.ts';
import { useLoadProgress, type LoadProgress } from '../../queries/load-progress.ts';

export function progressText(progress: LoadProgress): string {
  switch (progress.stage) {
    case 'idle':
      return 'Loading trials…';
    case 'bundled':
      return 'The live API could not be reached; loading the bundled sample…';
    case 'live':
      if (progress.loaded === 0 && progress.pages === 0) return 'Loading trials…';
      return progress.total === undefined
        ? `Loaded ${pluralize(progress.loaded, 'trial')}`
        : `Loaded ${formatCount(progress.loaded)} of ${pluralize(progress.total, 'trial')}`;
  }
}

/** Live progress of the dataset load, announced politely to screen readers. */
export function LoadStatus() {
  const progress = useLoadProgress();
  const total = progress.stage === 'live' ? progress.total : undefined;
  return (
    <div className="load-status" role="status">
      <p>{progressText(progress)}</p>
      {progress.stage === 'live' && total !== undefined && total > 0 ? (
        <progress max={total} value={Math.min(progress.loaded, total)} aria-label="Trials loaded" />
      ) : (
        <span className="spinner" aria-hidden="true" />
      )}
    </div>
  );
}

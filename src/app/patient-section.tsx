import { lazy, Suspense, useMemo } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { isShownByDefault } from '../domain/visibility.ts';
import type { TrialDataset } from '../queries/trial-queries.ts';
import type { SiteLists } from '../queries/trial-sites-query.ts';
import { useShortlistParam } from '../state/shortlist-state.ts';
import { useSelectedTrial, useTrialFilters } from '../state/url-state.ts';
import { formatCount } from '../lib/format.ts';

const PatientView = lazy(() =>
  import('../features/patient/patient-view.tsx').then((module) => ({
    default: module.PatientView,
  })),
);

/** When the data was taken from the registry: its own timestamp when known, else when it was loaded. */
function dataDateOf(dataset: TrialDataset): string {
  return dataset.dataTimestamp ?? dataset.bundledMeta?.capturedAt ?? dataset.fetchedAt;
}

/**
 * The "For patients" tab (`view=patient`, issue 6). It works on every trial about an autoimmune disease
 * (the records the dashboard shows by default), not on the dashboard filters: the patient view has its own
 * choices (condition, other cell therapies, age, sex, place). Only the condition is shared with the
 * dashboard (`disease=`); a shared shortlist comes from `shortlist=NCT…,NCT…`.
 */
export function PatientSection({
  dataset,
  siteLists,
}: {
  dataset: TrialDataset;
  /** The trials' sites, contacts and distances come from them: the view waits until they are in. */
  siteLists: SiteLists;
}) {
  const [filters, setFilters] = useTrialFilters();
  const [, setSelectedTrial] = useSelectedTrial();
  const [sharedShortlist] = useShortlistParam();
  const trials = useMemo(() => dataset.trials.filter(isShownByDefault), [dataset.trials]);
  const whole = useMemo(
    () =>
      siteLists.state === 'ready' ? trials.map((t) => siteLists.completed(t) ?? t) : undefined,
    [trials, siteLists],
  );
  return (
    <div className="patient-section-app">
      <ErrorBoundary label="The patient view">
        {whole === undefined ? (
          siteLists.state === 'failed' ? (
            <div role="alert" className="patient-sites-failed">
              <p>
                The trial sites could not be loaded, so this view cannot show where the trials are,
                their contacts or distances. {siteLists.problem}
              </p>
              <button type="button" className="button" onClick={siteLists.retry}>
                Try again
              </button>
            </div>
          ) : (
            <p role="status">Loading the trial sites…</p>
          )
        ) : (
          <Suspense fallback={<p role="status">Loading the patient view…</p>}>
            <PatientView
              trials={whole}
              dataDate={dataDateOf(dataset)}
              disease={filters.disease[0] ?? null}
              onDiseaseChange={(disease) => setFilters({ disease: disease ? [disease] : [] })}
              sharedShortlist={sharedShortlist}
              onSelectTrial={setSelectedTrial}
            />
          </Suspense>
        )}
      </ErrorBoundary>
      <p className="quiet-notice">
        This view looks at{' '}
        {trials.length === 1
          ? 'the 1 trial in the data that is'
          : `all ${formatCount(trials.length)} trials in the data that are`}{' '}
        about an autoimmune disease. The dashboard filters do not apply here, only the condition you
        choose above. It shows stem cell transplant trials unless you also ask for other cell
        therapies.
      </p>
    </div>
  );
}

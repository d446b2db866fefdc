import { useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ChangeBadge } from '../../components/change-badge.tsx';
import { DataTable } from '../../components/data-table.tsx';
import type { TrialChangeMark } from '../../domain/changes.ts';
import { DISEASE_LABELS } from '../../domain/diseases.ts';
import {
  PHASE_LABELS,
  SEX_LABELS,
  THERAPY_LABELS,
  TRANSPLANT_TYPE_LABELS,
  TRIAL_DATE_FIELDS,
  apiEnumLabel,
  siteStatusLabel,
  sponsorClassLabel,
  stdAgeLabel,
  type DateType,
  type Trial,
  type TrialDateField,
  type TrialLocation,
} from '../../domain/trial.ts';
import { messageOf } from '../../lib/error-message.ts';
import { formatCount, formatDate, pluralize } from '../../lib/format.ts';
import {
  isTrialNotFound,
  isTrialRejected,
  useTrialDetail,
} from '../../queries/trial-detail-query.ts';
import { DesignFacts } from './design-facts.tsx';
import './trial-detail.css';

export type TrialDetailProps = {
  /** The NCT id from the URL (trial=). */
  nctId: string;
  /** The trial as the loaded list holds it: shown at once while the full record loads. */
  trial?: Trial;
  /**
   * Set when `trial` came from the precomputed core without its site lists (and the other fields of
   * the site lists file): they are loading, or could not be loaded. Its sites are then never shown as
   * "none".
   */
  listSites?: 'loading' | 'failed' | undefined;
  onClose: () => void;
  /** New / changed since the last visit (a badge with what changed). */
  change?: TrialChangeMark | undefined;
  /** The trial's history of changes (from the change ledger), shown under the header. */
  history?: ReactNode;
};

/** Sites shown before "Show all sites". */
const SITES_PREVIEW = 25;

const DATE_LABELS: Record<TrialDateField, string> = {
  startDate: 'Start',
  primaryCompletionDate: 'Primary completion',
  completionDate: 'Completion',
  firstPosted: 'First posted',
  lastUpdated: 'Last update posted',
};

function dateText(date: string, type: DateType | undefined): string {
  const typeText = type === 'ACTUAL' ? ' (actual)' : type === 'ESTIMATED' ? ' (estimated)' : '';
  return `${formatDate(date)}${typeText}`;
}

/** A part of the trial the loaded list does not hold, while the full record is loading. */
function Pending({ what }: { what: string }) {
  return <p className="trial-detail-pending">{what}: loading the full record…</p>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="trial-detail-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Fields({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="trial-detail-fields">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Classification({ trial }: { trial: Trial }) {
  const diseases = trial.diseases.map((d) => DISEASE_LABELS[d]);
  return (
    <Section title="Why this trial is listed">
      <Fields
        items={[
          [
            'Disease',
            diseases.length > 0
              ? diseases.join(', ')
              : 'No autoimmune disease recognised (hidden from the dashboard by default)',
          ],
          ['Therapy', THERAPY_LABELS[trial.therapy]],
          ['Transplant type', TRANSPLANT_TYPE_LABELS[trial.transplantType]],
          [
            'Evidence',
            trial.transplantEvidence !== undefined ? (
              <q className="trial-detail-evidence">{trial.transplantEvidence}</q>
            ) : (
              'No deciding phrase found in the record'
            ),
          ],
        ]}
      />
      <DesignFacts design={trial.design} />
      <p className="trial-detail-note">
        Classified automatically from the registry text (conditions, interventions, titles); it can
        be wrong.
      </p>
    </Section>
  );
}

function StatusAndDates({ trial, pending }: { trial: Trial; pending: boolean }) {
  const items: [string, ReactNode][] = [
    ['Status', siteStatusLabel(trial.status)],
    ['Phase', PHASE_LABELS[trial.phase]],
  ];
  if (trial.whyStopped !== undefined) items.push(['Why stopped', trial.whyStopped]);
  if (trial.enrollment !== undefined) {
    const type =
      trial.enrollment.type === 'ACTUAL'
        ? ' (actual)'
        : trial.enrollment.type === 'ESTIMATED'
          ? ' (estimated)'
          : '';
    items.push(['Enrollment', `${pluralize(trial.enrollment.count, 'participant')}${type}`]);
  }
  let dates = 0;
  for (const field of TRIAL_DATE_FIELDS) {
    const date = trial[field];
    if (date === undefined) continue;
    dates += 1;
    items.push([DATE_LABELS[field], dateText(date, trial.dateTypes?.[field])]);
  }
  items.push(['Results posted', trial.hasResults ? 'Yes' : 'No']);
  return (
    <Section title="Status and dates">
      <Fields items={items} />
      {pending && dates > 0 ? <Pending what="Whether each date is actual or estimated" /> : null}
    </Section>
  );
}

function Conditions({ trial }: { trial: Trial }) {
  if (trial.conditions.length === 0) return null;
  return (
    <Section title="Conditions">
      <ul className="trial-detail-list">
        {trial.conditions.map((c, i) => (
          <li key={`${c}-${i}`}>{c}</li>
        ))}
      </ul>
    </Section>
  );
}

function Interventions({ trial, pending }: { trial: Trial; pending: boolean }) {
  const interventions = trial.interventions;
  const arms = trial.arms ?? [];
  // The list holds neither arms nor intervention descriptions (compactTrial): the full record may.
  const armsPending = pending && trial.arms === undefined;
  if (interventions.length === 0 && arms.length === 0 && !armsPending) return null;
  return (
    <Section title="Interventions and arms">
      {interventions.length > 0 ? (
        <>
          <h4>Interventions</h4>
          <ul className="trial-detail-list">
            {interventions.map((i, index) => (
              <li key={`${i.name}-${index}`}>
                <strong>{i.name}</strong>{' '}
                <span className="trial-detail-tag">{apiEnumLabel(i.type)}</span>
                {i.otherNames !== undefined && i.otherNames.length > 0 ? (
                  <span className="trial-detail-muted"> (also: {i.otherNames.join(', ')})</span>
                ) : null}
                {i.description !== undefined ? <p>{i.description}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {armsPending ? <Pending what="Arms and intervention descriptions" /> : null}
      {arms.length > 0 ? (
        <>
          <h4>Arms</h4>
          <ul className="trial-detail-list">
            {arms.map((a, index) => (
              <li key={`${a.label}-${index}`}>
                <strong>{a.label || `Arm ${index + 1}`}</strong>
                {a.type !== undefined ? (
                  <>
                    {' '}
                    <span className="trial-detail-tag">{apiEnumLabel(a.type)}</span>
                  </>
                ) : null}
                {a.description !== undefined ? <p>{a.description}</p> : null}
                {a.interventionNames.length > 0 ? (
                  <p className="trial-detail-muted">Receives: {a.interventionNames.join('; ')}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function ageRange(e: Pick<Trial, 'minimumAge' | 'maximumAge'>): string {
  if (e.minimumAge !== undefined && e.maximumAge !== undefined)
    return `${e.minimumAge} to ${e.maximumAge}`;
  if (e.minimumAge !== undefined) return `${e.minimumAge} and older`;
  if (e.maximumAge !== undefined) return `Up to ${e.maximumAge}`;
  return 'Not stated';
}

function Eligibility({ trial: e }: { trial: Trial }) {
  const stdAges = e.stdAges ?? [];
  const items: [string, ReactNode][] = [
    ['Ages', ageRange(e)],
    ['Sex', e.sex !== undefined ? SEX_LABELS[e.sex] : 'Not stated'],
    [
      'Healthy volunteers',
      e.healthyVolunteers === undefined
        ? 'Not stated'
        : e.healthyVolunteers
          ? 'Accepted'
          : 'Not accepted',
    ],
  ];
  if (stdAges.length > 0) items.push(['Age groups', stdAges.map(stdAgeLabel).join(', ')]);
  return (
    <Section title="Eligibility basics">
      <Fields items={items} />
    </Section>
  );
}

function place(site: TrialLocation): string {
  return [site.city, site.state].filter((s) => s !== undefined).join(', ');
}

function Sites({
  sites,
  pending,
  missing,
}: {
  sites: readonly TrialLocation[];
  pending: boolean;
  /** The list's trial, whose site lists could not be loaded. */
  missing: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  if (sites.length === 0) {
    return (
      <Section title="Sites">
        {missing ? (
          <p className="trial-detail-pending">
            Sites: the site lists could not be loaded, and neither could the full record.
          </p>
        ) : pending ? (
          <Pending what="Sites" />
        ) : (
          <p>The record lists no sites.</p>
        )}
      </Section>
    );
  }
  const shown = showAll ? sites : sites.slice(0, SITES_PREVIEW);
  return (
    <Section title="Sites">
      <DataTable
        caption={pluralize(sites.length, 'site')}
        columns={[
          { header: 'Site' },
          { header: 'Place' },
          { header: 'Country' },
          { header: 'Recruiting status' },
        ]}
        rows={shown.map((site, index) => ({
          key: String(index),
          cells: [
            site.facility ?? 'Unnamed site',
            place(site),
            site.country ?? '',
            site.status !== undefined ? siteStatusLabel(site.status) : 'Not stated',
          ],
        }))}
      />
      {sites.length > SITES_PREVIEW ? (
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={showAll}
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? `Show the first ${SITES_PREVIEW} sites`
            : `Show all ${formatCount(sites.length)} sites`}
        </button>
      ) : null}
    </Section>
  );
}

function Sponsors({ trial }: { trial: Trial }) {
  const collaborators = trial.collaborators ?? [];
  return (
    <Section title="Sponsor and collaborators">
      <Fields
        items={[
          [
            'Lead sponsor',
            trial.sponsor !== undefined
              ? `${trial.sponsor.name} — ${sponsorClassLabel(trial.sponsor.class)}`
              : 'Not stated',
          ],
          [
            'Collaborators',
            collaborators.length > 0 ? collaborators.map((c) => c.name).join('; ') : 'None listed',
          ],
        ]}
      />
    </Section>
  );
}

function LoadNotice({
  nctId,
  error,
  isLoading,
  retrying,
  tries,
  hasTrial,
  onRetry,
}: {
  nctId: string;
  error: unknown;
  isLoading: boolean;
  /** A retry after an error is running: the notice stays, and says so. */
  retrying: boolean;
  /** Failed loads so far. */
  tries: number;
  hasTrial: boolean;
  onRetry: () => void;
}) {
  if (isLoading && !retrying) {
    return (
      <p className="trial-detail-loading" role="status">
        Loading the full record of {nctId} from ClinicalTrials.gov…
      </p>
    );
  }
  if (error === null || error === undefined) return null;
  if (isTrialNotFound(error) || isTrialRejected(error)) {
    return (
      <div className="trial-detail-error" role="alert">
        <p>
          <strong>Trial not found.</strong> ClinicalTrials.gov has no study {nctId}
          {isTrialRejected(error) ? ' (the registry did not accept this id)' : ''}.
          {hasTrial ? ' The details below are from the loaded dataset.' : ''}
        </p>
      </div>
    );
  }
  const retry = (
    <>
      <button type="button" className="button button-quiet" onClick={onRetry} disabled={retrying}>
        {hasTrial ? 'Try again' : 'Retry'}
      </button>{' '}
      <span role="status">
        {retrying
          ? 'Trying again…'
          : tries > 1
            ? `Tried ${formatCount(tries)} times: still not reachable.`
            : ''}
      </span>
    </>
  );
  // With the record from the loaded data on screen, a failed live fetch is one quiet line, not an error.
  if (hasTrial) {
    return (
      <p className="quiet-notice trial-detail-offline">
        The live record could not be fetched ({messageOf(error)}); this is the record from the
        loaded data. {retry}
      </p>
    );
  }
  return (
    <div className="trial-detail-error" role="alert">
      <p>The full record could not be loaded: {messageOf(error)}</p>
      {retry}
    </div>
  );
}

/**
 * The trial's sections; `pending`: this is the list's trial and the full record (or its site lists)
 * is loading; `sitesMissing`: this is the list's trial and its site lists could not be loaded.
 */
function Body({
  trial,
  pending,
  sitesMissing,
}: {
  trial: Trial;
  pending: boolean;
  sitesMissing: boolean;
}) {
  return (
    <>
      {trial.briefSummary !== undefined ? (
        <p className="trial-detail-summary">{trial.briefSummary}</p>
      ) : pending ? (
        <Pending what="Summary" />
      ) : null}
      <Classification trial={trial} />
      <StatusAndDates trial={trial} pending={pending} />
      <Conditions trial={trial} />
      <Interventions trial={trial} pending={pending} />
      <Eligibility trial={trial} />
      <Sites sites={trial.locations} pending={pending} missing={sitesMissing} />
      <Sponsors trial={trial} />
    </>
  );
}

/**
 * One trial in a dialog: what the dataset knows at once, the full record from ClinicalTrials.gov
 * as it arrives, why the classifier listed it, and a link to the registry page.
 */
export function TrialDetail(props: TrialDetailProps) {
  // A new trial (e.g. after back/forward) starts with fresh local state (site list folded).
  return <TrialDetailDialog key={props.nctId} {...props} />;
}

function TrialDetailDialog({
  nctId,
  trial,
  listSites,
  onClose,
  change,
  history,
}: TrialDetailProps) {
  const query = useTrialDetail(nctId, trial);
  // The list's trial is the query's placeholder data until the full record is in.
  const full = query.isPlaceholderData ? undefined : query.data;
  // Without the full record, a list trial whose site lists are still loading is pending too.
  const pending = query.isPlaceholderData || (full === undefined && listSites === 'loading');
  const sitesMissing = full === undefined && !query.isPlaceholderData && listSites === 'failed';
  // A refetch without data clears the query's error (TanStack Query v5): keep the last one on screen
  // while a retry runs, so the notice and its "Trying again…" stay visible.
  const [lastError, setLastError] = useState<unknown>(null);
  if (query.error !== null && query.error !== lastError) setLastError(query.error);
  const fetching = query.fetchStatus === 'fetching';
  const retrying = fetching && full === undefined && query.errorUpdateCount > 0;
  // Classification stays the one the dashboard counted (the list record) when there is one.
  const classified = trial ?? full?.trial;
  // The full record, or the list's trial while it loads (placeholder) or when it failed (no data).
  const shown = query.data?.trial ?? trial;
  const title = shown?.title ?? nctId;
  const registryUrl = shown?.url ?? `https://clinicaltrials.gov/study/${encodeURIComponent(nctId)}`;

  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="trial-detail-overlay"
    >
      <Modal className="trial-detail-modal">
        <Dialog className="trial-detail">
          <header className="trial-detail-header">
            <p className="trial-detail-id">
              <span>{nctId}</span>
              {shown?.acronym !== undefined ? <span> · {shown.acronym}</span> : null}
              {change !== undefined ? (
                <ChangeBadge kind={change.mark} details={change.changes.map((c) => c.text)} />
              ) : null}
            </p>
            <Heading slot="title" level={2} className="trial-detail-title">
              {title}
            </Heading>
            {shown?.officialTitle !== undefined && shown.officialTitle !== title ? (
              <p className="trial-detail-official">{shown.officialTitle}</p>
            ) : null}
            <div className="trial-detail-actions">
              <a href={registryUrl} target="_blank" rel="noopener noreferrer" className="button">
                View {nctId} on ClinicalTrials.gov
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
              <Button className="button button-quiet" onPress={onClose}>
                Back to results
              </Button>
            </div>
          </header>
          {full?.offlineReason !== undefined ? (
            <p className="trial-detail-offline" role="status">
              From the snapshot: the live record could not be loaded ({full.offlineReason})
            </p>
          ) : null}
          <LoadNotice
            nctId={nctId}
            error={query.error ?? (retrying ? lastError : null)}
            isLoading={fetching && full === undefined}
            retrying={retrying}
            tries={query.errorUpdateCount}
            hasTrial={shown !== undefined}
            onRetry={() => void query.refetch()}
          />
          {history}
          {shown !== undefined && classified !== undefined ? (
            <Body
              trial={{ ...shown, ...pickClassification(classified) }}
              pending={pending}
              sitesMissing={sitesMissing}
            />
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function pickClassification(
  t: Trial,
): Pick<Trial, 'diseases' | 'therapy' | 'transplantType' | 'transplantEvidence'> {
  return {
    diseases: t.diseases,
    therapy: t.therapy,
    transplantType: t.transplantType,
    transplantEvidence: t.transplantEvidence,
  };
}

import { useId } from 'react';
import {
  PLAIN_DISEASE_NAMES,
  THERAPY_PLAIN,
  TRANSPLANT_TYPE_PLAIN,
  plainPhase,
  plainStatus,
} from '../../domain/plain-language.ts';
import {
  ELIGIBILITY_MARK_LABELS,
  describeAgeRange,
  describeSex,
} from '../../domain/eligibility.ts';
import { formatDistance } from '../../domain/geo.ts';
import type { DistanceUnit } from '../../domain/geo.ts';
import type { NearestSite } from '../../domain/site-places.ts';
import type { Trial } from '../../domain/trial.ts';
import { pluralize } from '../../lib/format.ts';
import { ContactList } from './contact-list.tsx';
import { GlossaryTerm } from './glossary.tsx';
import { siteContactsFor } from './patient-trials.ts';
import type { PatientTrialRow } from './patient-trials.ts';

function siteText(nearest: NearestSite, unit: DistanceUnit): string {
  const { location } = nearest;
  const where = [location.facility, location.city, location.state, location.country]
    .filter(Boolean)
    .join(', ');
  return `${where} (${formatDistance(nearest.distanceKm, unit)} away)`;
}

export function StatusText({ trial }: { trial: Trial }) {
  const status = plainStatus(trial.status);
  return (
    <>
      {status.glossary ? (
        <GlossaryTerm id={status.glossary}>{status.label}</GlossaryTerm>
      ) : (
        <strong>{status.label}</strong>
      )}
      {': '}
      {status.explanation}
    </>
  );
}

export function WhereText({
  trial,
  nearest,
  unit,
}: {
  trial: Trial;
  nearest: NearestSite | null;
  unit: DistanceUnit;
}) {
  const siteCount = trial.locations.length;
  return (
    <>
      {nearest ? (
        <p>
          {nearest.open ? 'Nearest recruiting site: ' : 'Nearest site (not marked as recruiting): '}
          {siteText(nearest, unit)}
        </p>
      ) : null}
      <p>
        {trial.countries.length > 0
          ? `Countries: ${trial.countries.join(', ')}`
          : 'The record lists no countries.'}
        {siteCount > 0 ? ` (${pluralize(siteCount, 'site')})` : ''}
      </p>
    </>
  );
}

export function ContactsText({ trial, nearest }: { trial: Trial; nearest: NearestSite | null }) {
  const central = trial.centralContacts ?? [];
  const sites = siteContactsFor(trial, nearest);
  if (central.length === 0 && sites.length === 0) {
    return (
      <p>The record lists no contact. The full record on ClinicalTrials.gov may say whom to ask.</p>
    );
  }
  return (
    <>
      {central.length > 0 ? (
        <>
          <p className="patient-contact-group">Trial contacts</p>
          <ContactList contacts={central} roleFallback="Trial contact" />
        </>
      ) : null}
      {sites.map((site) => (
        <div key={site.label}>
          <p className="patient-contact-group">Contacts at {site.label}</p>
          <ContactList contacts={site.contacts} roleFallback="Site contact" />
        </div>
      ))}
    </>
  );
}

export function FullRecordLink({ trial }: { trial: Trial }) {
  return (
    <a href={trial.url} target="_blank" rel="noopener noreferrer" className="full-record-link">
      Full record on ClinicalTrials.gov<span className="visually-hidden"> for {trial.nctId}</span>
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

export type TrialCardProps = {
  row: PatientTrialRow;
  unit: DistanceUnit;
  saved: boolean;
  onToggleSaved: (nctId: string) => void;
};

/** One trial explained for a patient: what, whose cells, phase, status, who can join, where, whom to call. */
export function TrialCard({ row, unit, saved, onToggleSaved }: TrialCardProps) {
  const { trial, nearest, marks } = row;
  const headingId = useId();
  const therapy = THERAPY_PLAIN[trial.therapy];
  const type = TRANSPLANT_TYPE_PLAIN[trial.transplantType];
  const phase = plainPhase(trial.phase);
  const interventions = [...new Set(trial.interventions.map((i) => i.name.trim()).filter(Boolean))];
  return (
    <article
      className={`patient-card${row.open ? ' patient-is-open' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="patient-card-title">
        {trial.title}
      </h3>
      <p className="patient-card-id">
        {trial.nctId}
        {trial.acronym ? ` · ${trial.acronym}` : ''}
      </p>
      {marks.length > 0 ? (
        <ul className="patient-eligibility-marks" aria-label="Quick check">
          {marks.map((mark) => (
            <li key={mark}>
              {ELIGIBILITY_MARK_LABELS[mark]}
              {mark === 'outside-age'
                ? ` (the trial states: ${describeAgeRange(trial.minimumAge, trial.maximumAge)})`
                : ` (the trial states: ${describeSex(trial.sex)})`}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="patient-facts">
        <div>
          <dt>What is being tested</dt>
          <dd>
            {therapy.glossary ? (
              <GlossaryTerm id={therapy.glossary}>{therapy.name}</GlossaryTerm>
            ) : (
              <strong>{therapy.name}</strong>
            )}
            {': '}
            {therapy.explanation}
            {interventions.length > 0 ? (
              <span className="patient-interventions">
                {' '}
                The record names: {interventions.join('; ')}.
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Whose cells</dt>
          <dd>
            {type.glossary ? (
              <GlossaryTerm id={type.glossary}>{type.name}</GlossaryTerm>
            ) : (
              <strong>{type.name}</strong>
            )}
            {': '}
            {type.explanation}.
          </dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd>
            <GlossaryTerm id="phase">{phase.label}</GlossaryTerm>
            {': '}
            {phase.explanation}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusText trial={trial} />
          </dd>
        </div>
        {trial.diseases.length > 0 ? (
          <div>
            <dt>Conditions</dt>
            <dd>{trial.diseases.map((d) => PLAIN_DISEASE_NAMES[d]).join('; ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>Who can take part</dt>
          <dd>
            Ages: {describeAgeRange(trial.minimumAge, trial.maximumAge)}. Sex:{' '}
            {describeSex(trial.sex)}. The full{' '}
            <GlossaryTerm id="eligibility">eligibility criteria</GlossaryTerm> are in the record;
            the trial team decides.
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            <WhereText trial={trial} nearest={nearest} unit={unit} />
          </dd>
        </div>
        <div>
          <dt>Who to contact</dt>
          <dd>
            <ContactsText trial={trial} nearest={nearest} />
          </dd>
        </div>
      </dl>
      <p className="patient-card-actions">
        <FullRecordLink trial={trial} />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onToggleSaved(trial.nctId)}
        >
          {saved ? 'Remove from my shortlist' : 'Save to my shortlist'}
          <span className="visually-hidden"> ({trial.nctId})</span>
        </button>
      </p>
    </article>
  );
}

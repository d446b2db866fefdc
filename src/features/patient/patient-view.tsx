import { Suspense, lazy, useId, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { DISEASE_IDS, diseasesNamed } from '../../domain/diseases.ts';
import type { DiseaseId } from '../../domain/diseases.ts';
import type { PersonDetails } from '../../domain/eligibility.ts';
import { DISTANCE_UNIT_LABELS, toKm, unitForLocale } from '../../domain/geo.ts';
import type { DistanceUnit } from '../../domain/geo.ts';
import { PLAIN_DISEASE_NAMES, RISK_NOTE } from '../../domain/plain-language.ts';
import { decodeShortlist, shortlistUrl } from '../../domain/shortlist.ts';
import { nearestSite, placeLookup, sitePlaces } from '../../domain/site-places.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatDate, formatCount, pluralize, pluralWord } from '../../lib/format.ts';
import { AboutYou } from './about-you.tsx';
import { GLOSSARY_SECTION_ID, GlossarySection, GlossaryTerm } from './glossary.tsx';
import { NearMe } from './near-me.tsx';
import type { Origin } from './near-me.tsx';
import { patientTrialList } from './patient-trials.ts';
import type { PatientTrialRow } from './patient-trials.ts';
import { ShortlistPanel } from './shortlist-panel.tsx';
import { TrialCard } from './trial-card.tsx';
import { useShortlist } from './use-shortlist.ts';
import './patient.css';

const SiteMap = lazy(() =>
  import('./site-map.tsx').then((module) => ({ default: module.SiteMap })),
);

/** Disease ids in the order of the condition select: alphabetical by plain name, the catch-alls last. */
const CONDITION_OPTIONS: readonly DiseaseId[] = [...DISEASE_IDS].sort((a, b) => {
  const last = (id: DiseaseId) =>
    id === 'other-autoimmune' || id === 'autoimmune-unspecified' ? 1 : 0;
  return last(a) - last(b) || PLAIN_DISEASE_NAMES[a].localeCompare(PLAIN_DISEASE_NAMES[b], 'en');
});

const MY_SHORTLIST_ID = 'patient-shortlist';

export function trialCardId(nctId: string): string {
  return `patient-trial-${nctId}`;
}

function defaultLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

function defaultPageUrl(): string {
  return typeof window === 'undefined' ? 'https://example.invalid/' : window.location.href;
}

/**
 * Finds a condition by the name a person knows it by ("polyradiculoneuropathy", "scleroderma", "ITP"):
 * the plain names and the synonyms of docs/domain.md, case and accents ignored.
 */
function ConditionFinder({ onChoose }: { onChoose: (disease: DiseaseId) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const found = diseasesNamed(text, PLAIN_DISEASE_NAMES);
  return (
    <div className="patient-field condition-finder">
      <label htmlFor={id}>Or type the name of your condition</label>
      <input
        id={id}
        type="search"
        value={text}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      {text.trim().length >= 2 ? (
        <div role="status" className="condition-matches">
          {found.length === 0 ? (
            <p className="patient-hint">
              No condition with that name here. Try another name, or choose from the list above.
            </p>
          ) : (
            <ul>
              {found.map((disease) => (
                <li key={disease}>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => {
                      onChoose(disease);
                      setText('');
                    }}
                  >
                    {PLAIN_DISEASE_NAMES[disease]}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}

export type PatientViewProps = {
  trials: readonly Trial[];
  /** When the data was taken from ClinicalTrials.gov (ISO date or date-time). */
  dataDate?: string;
  /** The chosen condition. Pass it (with onDiseaseChange) to keep it in the URL (`disease=`); omit to let the view keep it. */
  disease?: DiseaseId | null;
  onDiseaseChange?: (disease: DiseaseId | null) => void;
  /** The raw `shortlist` URL parameter ("NCT…,NCT…"): a shortlist someone shared. */
  sharedShortlist?: string | null;
  /** Called when the person asks to see a trial from the map. */
  onSelectTrial?: (nctId: string) => void;
  /** Locale for the distance unit (miles for en-US, en-GB, en-LR, en-MM); default: the browser's. */
  locale?: string;
  /** Page address the shortlist link is built from; default: the current address. */
  pageUrl?: string;
};

/**
 * The patient view: choose a condition, optionally give age, sex and a place, and read open trials in plain
 * words (nearest first), with a map of sites, a glossary and a printable, shareable shortlist.
 */
export function PatientView(props: PatientViewProps) {
  const { trials, dataDate, onDiseaseChange, sharedShortlist, onSelectTrial } = props;
  const conditionId = useId();
  const otherTherapiesId = useId();
  const resultsHeadingId = useId();

  const [ownDisease, setOwnDisease] = useState<DiseaseId | null>(props.disease ?? null);
  const disease = props.disease !== undefined ? props.disease : ownDisease;
  const [includeOtherTherapies, setIncludeOtherTherapies] = useState(false);
  const [person, setPerson] = useState<PersonDetails>({});
  const [origin, setOrigin] = useState<Origin | null>(null);
  const [unit, setUnit] = useState<DistanceUnit>(() =>
    unitForLocale(props.locale ?? defaultLocale()),
  );
  const [maxDistance, setMaxDistance] = useState<number | null>(null);
  const [showOther, setShowOther] = useState(false);
  const [printTarget, setPrintTarget] = useState<'mine' | 'shared'>('mine');
  const shortlist = useShortlist();

  const places = useMemo(() => sitePlaces(trials), [trials]);
  const lookup = useMemo(() => placeLookup(places), [places]);
  const trialsById = useMemo(() => new Map(trials.map((t) => [t.nctId, t])), [trials]);

  const list = useMemo(
    () =>
      patientTrialList(trials, {
        disease,
        includeOtherTherapies,
        origin: origin?.point ?? null,
        maxDistanceKm: maxDistance === null ? null : toKm(maxDistance, unit),
        person,
        lookup,
      }),
    [trials, disease, includeOtherTherapies, origin, maxDistance, unit, person, lookup],
  );
  const shownTrials = useMemo(
    () => [...list.open, ...list.other, ...list.unplaced].map((row) => row.trial),
    [list],
  );
  const marked = [...list.open, ...list.other, ...list.unplaced].filter(
    (row) => row.marks.length > 0,
  ).length;

  const sharedIds = useMemo(() => decodeShortlist(sharedShortlist), [sharedShortlist]);
  const pageUrl = props.pageUrl ?? defaultPageUrl();
  const nearestFor = (trial: Trial) => (origin ? nearestSite(trial, origin.point, lookup) : null);

  const chooseDisease = (next: DiseaseId | null) => {
    setOwnDisease(next);
    onDiseaseChange?.(next);
  };

  const print = (target: 'mine' | 'shared') => {
    flushSync(() => setPrintTarget(target));
    window.print();
  };

  const showTrial = (nctId: string) => {
    if (list.other.some((row) => row.trial.nctId === nctId)) flushSync(() => setShowOther(true));
    const card = document.getElementById(trialCardId(nctId));
    if (card) {
      card.scrollIntoView?.({ block: 'start' });
      card.focus();
    }
    onSelectTrial?.(nctId);
  };

  const conditionName = disease ? PLAIN_DISEASE_NAMES[disease] : 'all autoimmune conditions';

  const renderRows = (rows: readonly PatientTrialRow[]) => (
    <ol className="patient-cards">
      {rows.map((row) => (
        <li key={row.trial.nctId} id={trialCardId(row.trial.nctId)} tabIndex={-1}>
          <TrialCard
            row={row}
            unit={unit}
            saved={shortlist.has(row.trial.nctId)}
            onToggleSaved={shortlist.toggle}
          />
        </li>
      ))}
    </ol>
  );

  return (
    <div className="patient-view">
      <section className="patient-section patient-intro" aria-labelledby={`${conditionId}-intro`}>
        <h2 id={`${conditionId}-intro`}>Trials for patients: in plain words</h2>
        <p>
          These are registered trials of{' '}
          <GlossaryTerm id="hsct">stem cell transplants (HSCT)</GlossaryTerm> and related cell
          therapies in autoimmune disease. Choose your condition, and optionally your age and a
          place, to see trials that are recruiting first. Words with a dotted underline open a short
          explanation; all of them are in the <a href={`#${GLOSSARY_SECTION_ID}`}>glossary</a>.
        </p>
        <p className="banner banner-warning" role="note">
          {RISK_NOTE}
        </p>
        {dataDate ? (
          <p className="patient-hint">
            Data from ClinicalTrials.gov, as of {formatDate(dataDate)}.
          </p>
        ) : null}
        <p>
          <a href={`#${MY_SHORTLIST_ID}`}>Go to my shortlist ({shortlist.ids.length})</a>
        </p>
      </section>

      {sharedIds.length > 0 ? (
        <ShortlistPanel
          title="Shortlist shared with you"
          ids={sharedIds}
          trialsById={trialsById}
          nearestFor={nearestFor}
          unit={unit}
          shareUrl={shortlistUrl(pageUrl, sharedIds)}
          printTarget={printTarget === 'shared'}
          onPrint={() => print('shared')}
          onSaveAll={() => shortlist.add(sharedIds)}
        />
      ) : null}

      <section className="patient-section" aria-labelledby={`${conditionId}-step1`}>
        <h2 id={`${conditionId}-step1`}>1. My condition</h2>
        <div className="patient-field">
          <label htmlFor={conditionId}>My condition</label>
          <select
            id={conditionId}
            value={disease ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              chooseDisease(CONDITION_OPTIONS.find((id) => id === value) ?? null);
            }}
          >
            <option value="">All autoimmune conditions</option>
            {CONDITION_OPTIONS.map((id) => (
              <option key={id} value={id}>
                {PLAIN_DISEASE_NAMES[id]}
              </option>
            ))}
          </select>
        </div>
        <ConditionFinder onChoose={chooseDisease} />
        <div className="patient-field patient-field-inline">
          <input
            id={otherTherapiesId}
            type="checkbox"
            checked={includeOtherTherapies}
            onChange={(event) => setIncludeOtherTherapies(event.target.checked)}
          />
          <label htmlFor={otherTherapiesId}>
            Also show other cell therapies (such as CAR-T and MSC), not only stem cell transplants
          </label>
        </div>
      </section>

      <section className="patient-section" aria-labelledby={`${conditionId}-step2`}>
        <h2 id={`${conditionId}-step2`}>2. About you (optional)</h2>
        <AboutYou person={person} onChange={setPerson} />
      </section>

      <section className="patient-section" aria-labelledby={`${conditionId}-step3`}>
        <h2 id={`${conditionId}-step3`}>3. Near me (optional)</h2>
        <NearMe
          places={places}
          origin={origin}
          onOriginChange={setOrigin}
          unit={unit}
          onUnitChange={setUnit}
          maxDistance={maxDistance}
          onMaxDistanceChange={setMaxDistance}
        />
      </section>

      <section className="patient-section patient-results" aria-labelledby={resultsHeadingId}>
        <h2 id={resultsHeadingId}>Trials for {conditionName}</h2>
        <div role="status" className="patient-summary">
          <p>
            {pluralize(list.open.length, 'trial')} recruiting or about to recruit
            {origin ? `, nearest to ${origin.label} first` : ''}.{' '}
            {pluralize(list.other.length, 'more trial', 'more trials')} not recruiting now.
            {marked > 0
              ? ` ${pluralize(marked, 'trial is', 'trials are')} marked as outside the age range or sex criteria they state; they are still listed.`
              : ''}
          </p>
          {origin && maxDistance !== null && list.unplaced.length > 0 ? (
            <p>
              {pluralize(list.unplaced.length, 'trial')} whose records give no site positions{' '}
              {pluralWord(list.unplaced.length, 'is', 'are')} listed below under “Site positions not
              given”: the distance to {pluralWord(list.unplaced.length, 'it', 'them')} is unknown.
            </p>
          ) : null}
          {origin && maxDistance !== null && list.fartherAway > 0 ? (
            <p>
              Not listed: {pluralize(list.fartherAway, 'trial')} with no site within{' '}
              {formatCount(maxDistance)} {DISTANCE_UNIT_LABELS[unit]}.{' '}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setMaxDistance(null)}
              >
                Show all distances
              </button>
            </p>
          ) : null}
        </div>
        {list.open.length > 0 ? (
          renderRows(list.open)
        ) : (
          <p>
            No recruiting trial matches right now. Trials open often: check again later, or look at
            the trials below and ask your doctor.
          </p>
        )}
        {list.other.length > 0 ? (
          <details
            className="patient-other"
            open={showOther}
            onToggle={(event) => setShowOther(event.currentTarget.open)}
          >
            <summary>Trials not recruiting now ({list.other.length})</summary>
            {renderRows(list.other)}
          </details>
        ) : null}
        {list.unplaced.length > 0 ? (
          <section className="patient-unplaced" aria-labelledby={`${resultsHeadingId}-unplaced`}>
            <h3 id={`${resultsHeadingId}-unplaced`}>
              Site positions not given ({formatCount(list.unplaced.length)})
            </h3>
            <p className="patient-hint">
              These records do not give map positions for their sites, so the distance cannot be
              measured. Each card lists the trial’s countries and sites; recruiting trials come
              first.
            </p>
            {renderRows(list.unplaced)}
          </section>
        ) : null}
      </section>

      <ErrorBoundary label="The map of sites">
        <Suspense fallback={<p role="status">Loading the map of sites…</p>}>
          <SiteMap trials={shownTrials} origin={origin?.point ?? null} onSelectTrial={showTrial} />
        </Suspense>
      </ErrorBoundary>

      <ShortlistPanel
        id={MY_SHORTLIST_ID}
        title="My shortlist"
        ids={shortlist.ids}
        trialsById={trialsById}
        nearestFor={nearestFor}
        unit={unit}
        shareUrl={shortlistUrl(pageUrl, shortlist.ids)}
        printTarget={printTarget === 'mine'}
        onPrint={() => print('mine')}
        onRemove={shortlist.toggle}
        onClear={shortlist.clear}
      />

      <GlossarySection />
    </div>
  );
}

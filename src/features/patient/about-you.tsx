import { useId, useState } from 'react';
import { parseAgeInput } from '../../domain/eligibility.ts';
import type { PersonDetails, PersonSex } from '../../domain/eligibility.ts';

export type AboutYouProps = {
  person: PersonDetails;
  onChange: (person: PersonDetails) => void;
};

/** Optional age and sex for the eligibility quick check. Nothing is stored or sent. */
export function AboutYou({ person, onChange }: AboutYouProps) {
  const ageId = useId();
  const ageHintId = useId();
  const ageErrorId = useId();
  const sexId = useId();
  const [ageText, setAgeText] = useState(person.ageYears == null ? '' : String(person.ageYears));
  const ageInvalid = ageText.trim() !== '' && parseAgeInput(ageText) === null;

  return (
    <div className="about-you">
      <p className="patient-hint" id={ageHintId}>
        Optional. Used only on this page to mark trials whose stated age range or sex criteria do
        not include you. Nothing is hidden, and only the trial team can say whether you can take
        part.
      </p>
      <div className="patient-near-me-row">
        <div className="patient-field">
          <label htmlFor={ageId}>Your age (years)</label>
          <input
            id={ageId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={4}
            value={ageText}
            aria-describedby={ageInvalid ? `${ageHintId} ${ageErrorId}` : ageHintId}
            aria-invalid={ageInvalid || undefined}
            onChange={(event) => {
              setAgeText(event.target.value);
              onChange({ ...person, ageYears: parseAgeInput(event.target.value) });
            }}
          />
          {ageInvalid ? (
            <p id={ageErrorId} className="patient-field-error">
              Enter your age as a whole number of years, from 0 to 120.
            </p>
          ) : null}
        </div>
        <div className="patient-field">
          <label htmlFor={sexId}>Sex</label>
          <select
            id={sexId}
            value={person.sex ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              const sex: PersonSex | null = value === 'female' || value === 'male' ? value : null;
              onChange({ ...person, sex });
            }}
          >
            <option value="">Prefer not to say</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
        </div>
      </div>
    </div>
  );
}

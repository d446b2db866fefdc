import { useId, useMemo, useState } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { matchPlaces, usZipChoice } from '../../domain/gazetteer.ts';
import type { PlaceChoice } from '../../domain/gazetteer.ts';
import { DISTANCE_UNIT_LABELS } from '../../domain/geo.ts';
import type { DistanceUnit, LatLon } from '../../domain/geo.ts';
import type { SitePlace } from '../../domain/site-places.ts';
import { useGazetteer, useUsZip } from '../../queries/gazetteer-query.ts';
import { useGeolocation } from './use-geolocation.ts';
import { formatCount } from '../../lib/format.ts';

export type Origin = { point: LatLon; label: string; source: 'device' | 'place'; placeId?: string };

/** Distance filter choices, in the person's unit. */
export const DISTANCE_CHOICES = [25, 50, 100, 250, 500, 1000, 2500] as const;

export type NearMeProps = {
  places: readonly SitePlace[];
  origin: Origin | null;
  onOriginChange: (origin: Origin | null) => void;
  unit: DistanceUnit;
  onUnitChange: (unit: DistanceUnit) => void;
  /** Maximum distance in `unit`; null = any distance. */
  maxDistance: number | null;
  onMaxDistanceChange: (value: number | null) => void;
};

/**
 * The place picker: filters as the person types (case and accents ignored): trial site cities first, then
 * cities of the bundled gazetteer, a US ZIP code or a UK postcode district. Everything is looked up on the
 * device; the gazetteer chunks load on the first keystroke.
 */
function PlacePicker({
  places,
  selectedId,
  onChoose,
}: {
  places: readonly SitePlace[];
  selectedId: string | null;
  onChoose: (choice: PlaceChoice) => void;
}) {
  const [input, setInput] = useState('');
  const typing = input.trim() !== '';
  const gazetteer = useGazetteer(typing);
  const zip = useUsZip(input);
  const choices = useMemo(() => {
    const found = matchPlaces(input, places, gazetteer.status === 'ready' ? gazetteer.data : null);
    return zip.zip !== null && zip.point !== null
      ? [usZipChoice(zip.zip, zip.point), ...found]
      : found;
  }, [input, places, gazetteer, zip.zip, zip.point]);
  const loading = typing && (gazetteer.status === 'loading' || zip.status === 'loading');
  const hintId = useId();
  let hint = '';
  if (loading) hint = 'Looking up places…';
  else if (gazetteer.status === 'error')
    hint = 'The list of world places could not be loaded; trial site cities are still listed.';
  else if (zip.zip !== null && zip.status === 'ready' && zip.point === null)
    hint = `ZIP code ${zip.zip} is not in the list of US ZIP codes.`;
  else if (typing && choices.length === 0) hint = 'No place matches. Try a nearby city.';
  return (
    <ComboBox
      className="patient-place-combobox"
      items={choices}
      inputValue={input}
      onInputChange={setInput}
      selectedKey={selectedId}
      onSelectionChange={(key) => {
        const choice = choices.find((c) => c.id === key);
        if (choice) onChoose(choice);
      }}
      menuTrigger="input"
      allowsEmptyCollection
      aria-describedby={hintId}
    >
      <Label>Or type a place, US ZIP code or UK postcode</Label>
      <div className="patient-combobox-field">
        <Input placeholder="City, ZIP code or postcode" />
        <Button aria-label="Show places">▾</Button>
      </div>
      <p id={hintId} className="patient-hint" aria-live="polite">
        {hint}
      </p>
      <Popover className="patient-place-popover">
        <ListBox className="patient-place-listbox">
          {(choice: PlaceChoice) => (
            <ListBoxItem id={choice.id} textValue={choice.label} className="patient-place-option">
              <Text slot="label">{choice.label}</Text>{' '}
              <Text slot="description" className="patient-place-option-note">
                {choice.note}
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** "Near me": the device position (asked only on request) or a chosen place, a distance filter and units. */
export function NearMe({
  places,
  origin,
  onOriginChange,
  unit,
  onUnitChange,
  maxDistance,
  onMaxDistanceChange,
}: NearMeProps) {
  const [geo, requestLocation, resetGeo] = useGeolocation((point) =>
    onOriginChange({ point, label: 'your location', source: 'device' }),
  );
  const distanceId = useId();
  const unitId = useId();

  if (places.length === 0) {
    return (
      <div className="near-me">
        <p>
          The trial records shown here give no map positions for their sites, so distances cannot be
          measured. Each trial below lists its countries and sites instead.
        </p>
      </div>
    );
  }

  return (
    <div className="near-me">
      <p className="patient-hint">
        Your location is used only on this device, to measure distances. It is not sent anywhere or
        saved.
      </p>
      <div className="patient-near-me-row">
        <button type="button" className="button" onClick={requestLocation}>
          Use my location
        </button>
        <PlacePicker
          places={places}
          selectedId={origin?.source === 'place' ? (origin.placeId ?? null) : null}
          onChoose={(choice) => {
            resetGeo();
            onOriginChange({
              point: { lat: choice.lat, lon: choice.lon },
              label: choice.label,
              source: 'place',
              placeId: choice.id,
            });
          }}
        />
      </div>
      <div role="status" className="near-me-status">
        {geo.status === 'locating' ? 'Finding your location…' : null}
        {origin ? `Distances are measured from ${origin.label}.` : null}
      </div>
      {geo.status === 'error' ? (
        <p role="alert" className="banner banner-warning">
          {geo.message}
        </p>
      ) : null}
      {origin ? (
        <div className="patient-near-me-row">
          <div className="patient-field">
            <label htmlFor={distanceId}>Show trials with a site within</label>
            <select
              id={distanceId}
              value={maxDistance === null ? '' : String(maxDistance)}
              onChange={(event) =>
                onMaxDistanceChange(event.target.value === '' ? null : Number(event.target.value))
              }
            >
              <option value="">Any distance</option>
              {DISTANCE_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {formatCount(d)} {DISTANCE_UNIT_LABELS[unit]}
                </option>
              ))}
            </select>
          </div>
          <div className="patient-field">
            <label htmlFor={unitId}>Units</label>
            <select
              id={unitId}
              value={unit}
              onChange={(event) => onUnitChange(event.target.value === 'mi' ? 'mi' : 'km')}
            >
              <option value="km">Kilometres</option>
              <option value="mi">Miles</option>
            </select>
          </div>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              resetGeo();
              onOriginChange(null);
            }}
          >
            Clear place
          </button>
        </div>
      ) : null}
    </div>
  );
}

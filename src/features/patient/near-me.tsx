import { useId } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import { DISTANCE_UNIT_LABELS } from '../../domain/geo.ts';
import type { DistanceUnit, LatLon } from '../../domain/geo.ts';
import type { SitePlace } from '../../domain/site-places.ts';
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

/** "Near me": the device position (asked only on request) or a chosen site city, a distance filter and units. */
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
      <div className="near-me-row">
        <button type="button" className="button" onClick={requestLocation}>
          Use my location
        </button>
        <ComboBox
          className="place-combobox"
          items={places}
          selectedKey={origin?.source === 'place' ? (origin.placeId ?? null) : null}
          onSelectionChange={(key) => {
            const place = places.find((p) => p.id === key);
            if (!place) return;
            resetGeo();
            onOriginChange({
              point: { lat: place.lat, lon: place.lon },
              label: place.label,
              source: 'place',
              placeId: place.id,
            });
          }}
          menuTrigger="focus"
        >
          <Label>Or choose a place with trial sites</Label>
          <div className="combobox-field">
            <Input placeholder="Type a city or country" />
            <Button aria-label="Show places">▾</Button>
          </div>
          <Popover className="place-popover">
            <ListBox className="place-listbox">
              {(place: SitePlace) => (
                <ListBoxItem id={place.id} textValue={place.label} className="place-option">
                  {place.label}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
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
        <div className="near-me-row">
          <div className="field">
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
          <div className="field">
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

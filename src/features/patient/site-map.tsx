import { useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { GeoSphere } from 'd3-geo';
import { DataTable } from '../../components/data-table.tsx';
import type { LatLon } from '../../domain/geo.ts';
import { isOpenStatus, plainStatus } from '../../domain/plain-language.ts';
import { placeLookup, siteGroups, sitePlaces, sitesByCountry } from '../../domain/site-places.ts';
import type { SiteGroup } from '../../domain/site-places.ts';
import type { Trial } from '../../domain/trial.ts';
import { pluralize, pluralWord } from '../../lib/format.ts';
import { atlasCountryName, loadWorldShapes } from './world-shapes.ts';
import type { WorldShapes } from './world-shapes.ts';
import './patient.css';

const WIDTH = 960;
const HEIGHT = 500;
const SPHERE: GeoSphere = { type: 'Sphere' };

/** Zoom regions as [west, south, east, north] in degrees. */
export const MAP_REGIONS = {
  world: { label: 'World', bounds: null },
  'north-america': { label: 'North America', bounds: [-170, 7, -50, 72] },
  'south-america': { label: 'South America', bounds: [-92, -56, -32, 14] },
  europe: { label: 'Europe', bounds: [-25, 34, 45, 71] },
  'africa-middle-east': { label: 'Africa and Middle East', bounds: [-20, -36, 65, 40] },
  asia: { label: 'Asia', bounds: [60, -10, 150, 55] },
  oceania: { label: 'Oceania', bounds: [110, -48, 180, -5] },
} as const satisfies Record<
  string,
  { label: string; bounds: readonly [number, number, number, number] | null }
>;
export type MapRegion = keyof typeof MAP_REGIONS;
const REGION_IDS = Object.keys(MAP_REGIONS) as MapRegion[];

type ViewBox = { x: number; y: number; w: number; h: number };

export type SiteMapProps = {
  trials: readonly Trial[];
  /** The person's position or chosen place, drawn as a marker. */
  origin?: LatLon | null;
  /** Called with an NCT id when the person asks to see a trial from a site's list. */
  onSelectTrial?: (nctId: string) => void;
  /** Heading level text; default "Map of trial sites". */
  title?: string;
};

function siteSummary(group: SiteGroup): string {
  return `${pluralize(group.trials.length, 'trial')}${group.open ? ', recruiting' : ''}`;
}

function siteName(group: SiteGroup): string {
  return `${group.label}: ${siteSummary(group)}`;
}

/** The trial ids at a site, at most two and a count of the rest. */
function siteTrialIds(group: SiteGroup): string {
  const ids = group.trials.map((trial) => trial.nctId);
  const rest = ids.length - 2;
  return ids.slice(0, 2).join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

/**
 * World map of trial sites (d3-geo Equal Earth projection of the world-atlas outlines), with recruiting
 * sites drawn larger, as orange circles, and other sites as small dark squares; zoom buttons per region;
 * click (or Enter on) a site to list its trials. The same content follows as a list, "Sites by country".
 */
export function SiteMap({
  trials,
  origin = null,
  onSelectTrial,
  title = 'Map of trial sites',
}: SiteMapProps) {
  const headingId = useId();
  const [shapes, setShapes] = useState<WorldShapes | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [region, setRegion] = useState<MapRegion>('world');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The site under the pointer or with keyboard focus, labelled on the map.
  const [activeId, setActiveId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadWorldShapes().then(
      (loaded) => {
        if (live) setShapes(loaded);
      },
      () => {
        if (live) setLoadError(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // A zoomed region is turned to the middle of the globe: with the world's centre meridian kept, a region
  // near the date line (North America, Oceania) had the globe's curved edge running across its view.
  const projection = useMemo(() => {
    const bounds = MAP_REGIONS[region].bounds;
    const centre = bounds === null ? 0 : (bounds[0] + bounds[2]) / 2;
    return geoEqualEarth()
      .rotate([-centre, 0])
      .fitExtent(
        [
          [4, 4],
          [WIDTH - 4, HEIGHT - 4],
        ],
        SPHERE,
      );
  }, [region]);
  const groups = useMemo(() => siteGroups(trials, placeLookup(sitePlaces(trials))), [trials]);
  const countries = useMemo(() => sitesByCountry(groups), [groups]);

  const countryPaths = useMemo(() => {
    if (!shapes) return [];
    const path = geoPath(projection);
    const counts = new Map(countries.map((c) => [atlasCountryName(c.country), c]));
    return shapes.countries.map((shape, index) => {
      const name = shape.properties.name ?? '';
      return { key: `${name}-${index}`, name, d: path(shape) ?? '', count: counts.get(name) };
    });
  }, [shapes, projection, countries]);

  const spherePath = useMemo(() => geoPath(projection)(SPHERE) ?? '', [projection]);

  const viewBox: ViewBox = useMemo(() => {
    const bounds = MAP_REGIONS[region].bounds;
    if (bounds === null) return { x: 0, y: 0, w: WIDTH, h: HEIGHT };
    const [west, south, east, north] = bounds;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i <= 20; i += 1) {
      const lon = west + ((east - west) * i) / 20;
      const lat = south + ((north - south) * i) / 20;
      for (const point of [
        [lon, south],
        [lon, north],
        [west, lat],
        [east, lat],
      ] as const) {
        const projected = projection([point[0], point[1]]);
        if (!projected) continue;
        minX = Math.min(minX, projected[0]);
        maxX = Math.max(maxX, projected[0]);
        minY = Math.min(minY, projected[1]);
        maxY = Math.max(maxY, projected[1]);
      }
    }
    // Keep the map's aspect ratio so nothing is distorted.
    let w = maxX - minX;
    let h = maxY - minY;
    const aspect = WIDTH / HEIGHT;
    if (w / h > aspect) {
      const newH = w / aspect;
      minY -= (newH - h) / 2;
      h = newH;
    } else {
      const newW = h * aspect;
      minX -= (newW - w) / 2;
      w = newW;
    }
    return { x: minX, y: minY, w, h };
  }, [region, projection]);

  const scale = viewBox.w / WIDTH;

  const markers = useMemo(() => {
    const out: { group: SiteGroup; x: number; y: number }[] = [];
    for (const group of groups) {
      if (!group.point) continue;
      const projected = projection([group.point.lon, group.point.lat]);
      if (!projected) continue;
      const [x, y] = projected;
      if (x < viewBox.x || x > viewBox.x + viewBox.w || y < viewBox.y || y > viewBox.y + viewBox.h)
        continue;
      out.push({ group, x, y });
    }
    // Recruiting sites last, so they are drawn on top.
    return out.sort((a, b) => Number(a.group.open) - Number(b.group.open));
  }, [groups, projection, viewBox]);

  const activeMarker = markers.find((marker) => marker.group.id === activeId) ?? null;
  const originPoint = origin ? projection([origin.lon, origin.lat]) : null;
  const selected = groups.find((g) => g.id === selectedId) ?? null;
  const unplacedSites = groups.filter((g) => g.point === null).length;

  const onMarkerKey = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setSelectedId(id);
    }
  };

  const byCountry = useMemo(() => {
    const map = new Map<string, SiteGroup[]>();
    for (const group of groups) {
      const key = group.country ?? 'Country not stated';
      map.set(key, [...(map.get(key) ?? []), group]);
    }
    return map;
  }, [groups]);

  return (
    <section className="patient-section patient-site-map" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {groups.length === 0 ? (
        <p>No trial sites to show.</p>
      ) : (
        <>
          <div className="patient-map-zoom" role="group" aria-label="Zoom the map to a region">
            {REGION_IDS.map((id) => (
              <button
                key={id}
                type="button"
                className="button button-quiet"
                aria-pressed={region === id}
                onClick={() => setRegion(id)}
              >
                {MAP_REGIONS[id].label}
              </button>
            ))}
          </div>
          <div className="patient-map-frame">
            {loadError ? (
              <p role="alert">
                The map outline could not be loaded. The list of sites below has the same
                information.
              </p>
            ) : !shapes ? (
              <p role="status">Loading the map…</p>
            ) : (
              <svg
                className="patient-map-svg"
                viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.w} ${viewBox.h}`}
                role="group"
                aria-label={`Map of trial sites: ${MAP_REGIONS[region].label}, ${markers.length} sites shown`}
              >
                <g aria-hidden="true">
                  <path d={spherePath} className="patient-map-sphere" />
                  {countryPaths.map((country) => (
                    <path
                      key={country.key}
                      d={country.d}
                      className={
                        country.count
                          ? 'patient-map-country patient-has-sites'
                          : 'patient-map-country'
                      }
                      strokeWidth={0.5 * scale}
                    >
                      <title>
                        {country.count
                          ? `${country.name}: ${country.count.sites} sites (${country.count.openSites} recruiting)`
                          : country.name}
                      </title>
                    </path>
                  ))}
                </g>
                {markers.map(({ group, x, y }) => {
                  const isSelected = group.id === selectedId;
                  const size = (group.open ? 6 : 3.5) * scale;
                  return (
                    <g
                      key={group.id}
                      role="button"
                      tabIndex={0}
                      aria-label={siteName(group)}
                      aria-pressed={isSelected}
                      className={`patient-map-site${group.open ? ' patient-is-open' : ''}${isSelected ? ' patient-is-selected' : ''}`}
                      onClick={() => setSelectedId(group.id)}
                      onKeyDown={(event) => onMarkerKey(event, group.id)}
                      onFocus={() => setActiveId(group.id)}
                      onBlur={() => setActiveId(null)}
                      onMouseEnter={() => setActiveId(group.id)}
                      onMouseLeave={() => setActiveId(null)}
                    >
                      {group.open ? (
                        <circle cx={x} cy={y} r={size} strokeWidth={1.2 * scale} />
                      ) : (
                        <rect
                          x={x - size}
                          y={y - size}
                          width={size * 2}
                          height={size * 2}
                          strokeWidth={0.8 * scale}
                        />
                      )}
                    </g>
                  );
                })}
                {activeMarker ? (
                  <SiteLabel {...activeMarker} viewBox={viewBox} scale={scale} />
                ) : null}
                {originPoint ? (
                  <g className="patient-map-origin" aria-label="Your place" role="img">
                    <path
                      d={`M${originPoint[0] - 7 * scale},${originPoint[1]}h${14 * scale}M${originPoint[0]},${originPoint[1] - 7 * scale}v${14 * scale}`}
                      strokeWidth={2.5 * scale}
                    />
                  </g>
                ) : null}
              </svg>
            )}
          </div>
          <ul className="patient-map-legend" aria-label="Map legend">
            <li>
              <svg
                width="16"
                height="16"
                aria-hidden="true"
                className="patient-map-site patient-is-open"
              >
                <circle cx="8" cy="8" r="6" />
              </svg>{' '}
              Recruiting or not yet recruiting site (large orange circle)
            </li>
            <li>
              <svg width="16" height="16" aria-hidden="true" className="patient-map-site">
                <rect x="4.5" y="4.5" width="7" height="7" />
              </svg>{' '}
              Other site (small dark-blue square)
            </li>
            {origin ? <li>+ Your place</li> : null}
          </ul>
          {unplacedSites > 0 ? (
            <p className="patient-map-note">
              {pluralize(unplacedSites, 'site has', 'sites have')} no position in the records and{' '}
              {pluralWord(unplacedSites, 'is', 'are')} not drawn;{' '}
              {pluralWord(unplacedSites, 'it is', 'they are')} in the list below.
            </p>
          ) : null}
          <div className="map-selection" aria-live="polite">
            {selected ? (
              <>
                <h3>Trials at {selected.label}</h3>
                <SiteTrialList group={selected} onSelectTrial={onSelectTrial} />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setSelectedId(null)}
                >
                  Close site details
                </button>
              </>
            ) : (
              <p className="patient-map-hint">Select a site on the map to see its trials.</p>
            )}
          </div>
          <h3>Sites by country</h3>
          <DataTable
            caption="Trial sites by country"
            columns={[
              { header: 'Country' },
              { header: 'Sites', numeric: true },
              { header: 'Recruiting sites', numeric: true },
              { header: 'Trials', numeric: true },
            ]}
            rows={countries.map((c) => ({
              key: c.country,
              cells: [c.country, c.sites, c.openSites, c.trials],
            }))}
          />
          <ul className="patient-sites-by-country">
            {[...byCountry].map(([country, sites]) => (
              <li key={country}>
                <details>
                  <summary>
                    {country}: {pluralize(sites.length, 'site')}
                  </summary>
                  <ul>
                    {sites.map((site) => (
                      <li key={site.id}>
                        <span className="site-list-name">
                          {site.label}
                          {site.open ? ' (recruiting)' : ''}
                          {site.point ? '' : ' (no map position)'}
                        </span>
                        <SiteTrialList group={site} onSelectTrial={onSelectTrial} />
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The name of a site drawn next to its marker, with its trial count and ids. Hidden from assistive
 * technology: the marker's own name gives the site and count, and choosing it lists the trials. It sits right
 * of the marker, or left of it near the right edge of the view.
 */
function SiteLabel({
  group,
  x,
  y,
  viewBox,
  scale,
}: {
  group: SiteGroup;
  x: number;
  y: number;
  viewBox: ViewBox;
  scale: number;
}) {
  const lines = [group.label, siteSummary(group), siteTrialIds(group)];
  const fontSize = 13 * scale;
  const padding = 5 * scale;
  const width = Math.max(...lines.map((line) => line.length)) * fontSize * 0.6 + padding * 2;
  const height = lines.length * fontSize * 1.25 + padding * 2;
  const gap = 10 * scale;
  const left = x + gap + width > viewBox.x + viewBox.w ? x - gap - width : x + gap;
  const top = Math.min(Math.max(y - height / 2, viewBox.y), viewBox.y + viewBox.h - height);
  return (
    <g className="patient-map-label" aria-hidden="true">
      <rect x={left} y={top} width={width} height={height} rx={3 * scale} strokeWidth={scale} />
      {lines.map((line, index) => (
        <text
          key={index}
          x={left + padding}
          y={top + padding + fontSize * (1.25 * index + 1)}
          fontSize={fontSize}
          fontWeight={index === 0 ? 600 : 400}
        >
          {line}
        </text>
      ))}
    </g>
  );
}

function SiteTrialList({
  group,
  onSelectTrial,
}: {
  group: SiteGroup;
  onSelectTrial?: ((nctId: string) => void) | undefined;
}) {
  return (
    <ul className="patient-site-trials">
      {group.trials.map((trial) => (
        <li key={trial.nctId}>
          <a href={trial.url} target="_blank" rel="noopener noreferrer">
            {trial.title}
          </a>{' '}
          ({trial.nctId}; {plainStatus(trial.status).label}
          {!trial.open && isOpenStatus(trial.status)
            ? '; this site is not marked as recruiting'
            : ''}
          )
          {onSelectTrial ? (
            <>
              {' '}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => onSelectTrial(trial.nctId)}
              >
                Show this trial<span className="visually-hidden"> ({trial.nctId})</span>
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The chart registry: every chart of the dashboard once, in the order researchers ask (disease,
 * transplant type, phase, trend, then the rest). The dashboard draws all of them, the embed those with
 * an `embed` panel name, and every chart gets its source line and downloads from its panel. A chart is
 * one entry here: what it renders (a CategoryBarChart, or a FilterChartPanel with its title, finding
 * sentence, unit and table around a drawing of chart-drawings.tsx), inline or from its own module.
 *
 * This module is light (no chart library): the panels render with the first data and only their
 * drawings load lazily (chart-drawings.tsx).
 */
import type { ReactNode } from 'react';
import type { Panel } from '../../domain/embed-params.ts';
import type { TrialFilters } from '../../domain/filters.ts';
import type { Trial } from '../../domain/trial.ts';
import { ConditioningChart } from './conditioning-chart.tsx';
import type { ChartCrossFilters } from './cross-filters.ts';
import { DiseaseChart } from './disease-chart.tsx';
import { DiseaseTypeMatrix } from './disease-type-matrix.tsx';
import { EnrollmentChart } from './enrollment-chart.tsx';
import { PhaseChart } from './phase-chart.tsx';
import { RandomisedTrials } from './randomised-trials.tsx';
import { ResultsChart } from './results-chart.tsx';
import { CountryChart, SponsorChart, StatusChart } from './simple-charts.tsx';
import { StartYearChart } from './start-year-chart.tsx';
import { StoppedTrials } from './stopped-trials.tsx';
import { TransplantTypeChart } from './transplant-type-chart.tsx';

/** What every chart is drawn from (see ChartList). */
export type ChartInput = {
  /** The trials that pass the filters. */
  trials: readonly Trial[];
  filters: TrialFilters | undefined;
  /** Cross-filter props per filter (empty when the charts do not filter: a locked embed). */
  cross: ChartCrossFilters;
  /** The "Has results" filter as a toggle (empty when the charts do not filter). */
  results: { selected?: boolean; onToggle?: () => void };
  onSelectTrial?: ((nctId: string) => void) | undefined;
};

/** Embed panels that are charts (`summary` and `table` are drawn by the embed itself). */
export type ChartPanelName = Exclude<Panel, 'summary' | 'table'>;

export type ChartDefinition = {
  /** Stable id (React key). */
  id: string;
  /** What could not be shown when the chart fails ("The disease chart could not be shown."). */
  name: string;
  /**
   * Its name in the embed's `panels=` URL parameter when it can be embedded: a public contract, listed
   * in EMBED_PANELS with its share-dialog label in EMBED_PANEL_LABELS (src/domain/embed-params.ts,
   * README "URL parameters"; a test checks that both lists agree).
   */
  embed?: ChartPanelName;
  render: (input: ChartInput) => ReactNode;
};

const onSelect = ({ onSelectTrial }: ChartInput) => (onSelectTrial ? { onSelectTrial } : {});

export const CHARTS = [
  {
    id: 'disease',
    name: 'The disease chart',
    embed: 'disease',
    render: ({ trials, cross }) => <DiseaseChart trials={trials} {...cross.disease} />,
  },
  {
    id: 'transplant-type',
    name: 'The transplant type chart',
    embed: 'type',
    render: ({ trials, cross }) => <TransplantTypeChart trials={trials} {...cross.type} />,
  },
  {
    id: 'phase',
    name: 'The phase chart',
    embed: 'phase',
    render: ({ trials, cross }) => <PhaseChart trials={trials} {...cross.phase} />,
  },
  {
    id: 'start-year',
    name: 'The start year chart',
    embed: 'timeline',
    render: ({ trials, filters, cross }) => (
      <StartYearChart
        trials={trials}
        by={filters !== undefined && filters.therapy.length !== 1 ? 'therapy' : 'type'}
        {...cross.year}
      />
    ),
  },
  {
    id: 'status',
    name: 'The status chart',
    embed: 'status',
    render: ({ trials, cross }) => <StatusChart trials={trials} {...cross.status} />,
  },
  {
    id: 'disease-by-type',
    name: 'The disease by transplant type table',
    render: ({ trials, cross }) => <DiseaseTypeMatrix trials={trials} {...cross.disease} />,
  },
  {
    id: 'conditioning',
    name: 'The conditioning by disease chart',
    render: ({ trials, cross }) => <ConditioningChart trials={trials} {...cross.disease} />,
  },
  {
    id: 'enrollment',
    name: 'The enrollment chart',
    render: ({ trials, cross }) => <EnrollmentChart trials={trials} {...cross.type} />,
  },
  {
    id: 'country',
    name: 'The country chart',
    embed: 'countries',
    render: ({ trials, cross }) => <CountryChart trials={trials} {...cross.country} />,
  },
  {
    id: 'sponsor',
    name: 'The sponsor chart',
    render: ({ trials, cross }) => <SponsorChart trials={trials} {...cross.sponsor} />,
  },
  {
    id: 'results',
    name: 'The results chart',
    render: ({ trials, results }) => <ResultsChart trials={trials} {...results} />,
  },
  {
    id: 'randomised',
    name: 'The randomised trials',
    render: (input) => <RandomisedTrials trials={input.trials} {...onSelect(input)} />,
  },
  {
    id: 'stopped',
    name: 'The stopped trials',
    render: (input) => <StoppedTrials trials={input.trials} {...onSelect(input)} />,
  },
] as const satisfies readonly ChartDefinition[];

/** The charts of an embed showing `panels`, in registry order. */
export function embeddedCharts(panels: readonly Panel[]): readonly ChartDefinition[] {
  return CHARTS.filter(
    (chart: ChartDefinition) => chart.embed !== undefined && panels.includes(chart.embed),
  );
}

import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartsSection } from '../../../src/app/charts-section.tsx';
import { EmbedCharts } from '../../../src/app/embed-charts.tsx';
import { EMBED_PANELS } from '../../../src/domain/embed-params.ts';
import { DEFAULT_FILTERS } from '../../../src/domain/filters.ts';
import { FIRST_SCREEN_CHARTS } from '../../../src/features/charts/chart-list.tsx';
import { CHARTS, embeddedCharts } from '../../../src/features/charts/chart-registry.tsx';
import { syntheticTrial } from '../../trial-factory.ts';

const trials = [
  syntheticTrial({ diseases: ['multiple-sclerosis'], transplantType: 'autologous' }),
  syntheticTrial({ diseases: ['lupus'], transplantType: 'allogeneic', startYear: 2021 }),
];

/** The headings of the chart panels, in page order. */
function panelTitles(): string[] {
  return screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent ?? '');
}

describe('the chart registry', () => {
  it('names every chart once, and every chart panel of the embed URL once, in the same order', () => {
    const ids = CHARTS.map((chart) => chart.id);
    expect(new Set(ids).size).toBe(ids.length);
    const embedded = CHARTS.flatMap((chart) => ('embed' in chart ? [chart.embed] : []));
    expect(embedded).toEqual(EMBED_PANELS.filter((p) => p !== 'summary' && p !== 'table'));
  });

  it('is what the dashboard draws: one titled panel per entry, in its order, the first ones with the first render and the others once the first screen has been shown', async () => {
    render(<ChartsSection trials={trials} />);
    const first = panelTitles();
    expect(first).toHaveLength(FIRST_SCREEN_CHARTS);
    const grid = document.querySelector('.chart-grid');
    expect(grid).toHaveAttribute('aria-busy', 'true');
    // The rest follow once that screen has been painted (here: the frames after it).
    await waitFor(() => expect(panelTitles()).toHaveLength(CHARTS.length));
    expect(grid).not.toHaveAttribute('aria-busy');
    expect(panelTitles().slice(0, FIRST_SCREEN_CHARTS)).toEqual(first);
    expect(panelTitles()).toEqual([
      'Trials by disease',
      'Trials by transplant type',
      'Trials by phase',
      'Trials started per year',
      'Trials by status',
      'Diseases by transplant type',
      'Conditioning by disease',
      'Participants by transplant type',
      'Trials by country',
      'Trials by sponsor class',
      'Trials with posted results',
      'Randomised trials',
      'Stopped trials',
    ]);
    expect(panelTitles()).toHaveLength(CHARTS.length);
  });

  it('is what the embed draws: the chosen chart panels in registry order, whatever the URL order', () => {
    render(
      <EmbedCharts panels={['countries', 'disease']} trials={trials} filters={DEFAULT_FILTERS} />,
    );
    expect(panelTitles()).toEqual(['Trials by disease', 'Trials by country']);
    expect(embeddedCharts(['summary', 'table'])).toEqual([]);
  });

  it('gives each chart its data table alternative', async () => {
    render(<EmbedCharts panels={['timeline']} trials={trials} filters={DEFAULT_FILTERS} />);
    const panel = screen.getByRole('region', { name: 'Trials started per year' });
    expect(within(panel).getByRole('button', { name: 'Show data table' })).toBeVisible();
    expect(await within(panel).findByRole('img')).toHaveAccessibleName(/started per year/);
  });
});

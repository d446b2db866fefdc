import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartDataDateContext } from '../../src/components/chart-source.tsx';
import { THERAPY_COLORS, TRANSPLANT_TYPE_COLORS } from '../../src/features/charts/chart-style.ts';
import { DiseaseChart } from '../../src/features/charts/disease-chart.tsx';
import { PhaseChart } from '../../src/features/charts/phase-chart.tsx';
import { StartYearChart } from '../../src/features/charts/start-year-chart.tsx';
import { TransplantTypeChart } from '../../src/features/charts/transplant-type-chart.tsx';
import { syntheticTrial } from '../trial-factory.ts';

const trials = [
  syntheticTrial({
    diseases: ['multiple-sclerosis'],
    transplantType: 'autologous',
    startYear: 2020,
  }),
  syntheticTrial({
    diseases: ['multiple-sclerosis'],
    transplantType: 'autologous',
    startYear: 2021,
  }),
  syntheticTrial({ diseases: ['lupus'], transplantType: 'allogeneic', startYear: 2021 }),
];

describe('charts read like a publication', () => {
  it('title the finding for the trials shown, give the unit and the source line', () => {
    render(
      <ChartDataDateContext value="2026-04-22">
        <DiseaseChart trials={trials} />
        <TransplantTypeChart trials={trials} />
        <StartYearChart trials={trials} />
      </ChartDataDateContext>,
    );
    const disease = screen.getByRole('region', { name: 'Trials by disease' });
    expect(within(disease).getByText('Multiple sclerosis leads: 2 of 3 trials')).toBeVisible();
    expect(within(disease).getByText('Number of trials.')).toBeVisible();
    expect(
      within(disease).getByText('ClinicalTrials.gov, data as of 22 April 2026, 3 trials'),
    ).toBeVisible();
    const type = screen.getByRole('region', { name: 'Trials by transplant type' });
    expect(within(type).getByText('Most trials are autologous: 2 of 3 trials')).toBeVisible();
    const years = screen.getByRole('region', { name: 'Trials started per year' });
    expect(within(years).getByText('2021 saw the most starts: 2 trials')).toBeVisible();
  });

  it('say in one line when there is nothing to show, without an empty chart box', () => {
    render(
      <>
        <PhaseChart trials={[]} />
        <StartYearChart trials={[syntheticTrial({})]} />
      </>,
    );
    const phase = screen.getByRole('region', { name: 'Trials by phase' });
    expect(within(phase).getByText('No trials to show for these filters.')).toBeVisible();
    expect(within(phase).queryByRole('img')).not.toBeInTheDocument();
    expect(within(phase).queryByRole('button', { name: 'Show data table' })).toBeNull();
    const years = screen.getByRole('region', { name: 'Trials started per year' });
    expect(within(years).getByText('None of these trials has a start date.')).toBeVisible();
  });

  it('use one colour per transplant type and one per therapy, none shared between them', () => {
    const types = Object.values(TRANSPLANT_TYPE_COLORS).filter((c) => c !== '#8C8C8C');
    const therapies = Object.values(THERAPY_COLORS).filter((c) => c !== '#8C8C8C');
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(therapies).size).toBe(therapies.length);
    expect(types.filter((c) => therapies.includes(c))).toEqual([]);
  });
});

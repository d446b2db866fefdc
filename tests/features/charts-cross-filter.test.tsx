import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DiseaseTypeMatrix } from '../../src/features/charts/disease-type-matrix.tsx';
import { EnrollmentChart } from '../../src/features/charts/enrollment-chart.tsx';
import { ResultsChart } from '../../src/features/charts/results-chart.tsx';
import { CountryChart, StatusChart } from '../../src/features/charts/simple-charts.tsx';
import { StartYearChart } from '../../src/features/charts/start-year-chart.tsx';
import { StoppedTrials } from '../../src/features/charts/stopped-trials.tsx';
import { syntheticTrial } from '../trial-factory.ts';

const trials = [
  syntheticTrial({
    status: 'RECRUITING',
    startYear: 2016,
    transplantType: 'autologous',
    countries: ['France'],
    enrollment: { count: 40, type: 'ESTIMATED' },
  }),
  syntheticTrial({
    status: 'COMPLETED',
    startYear: 2014,
    transplantType: 'autologous',
    countries: ['France', 'Italy'],
    hasResults: true,
    enrollment: { count: 25, type: 'ACTUAL' },
  }),
  syntheticTrial({
    status: 'TERMINATED',
    whyStopped: 'Slow accrual',
    startYear: 2016,
    transplantType: 'allogeneic',
    diseases: ['systemic-sclerosis'],
    enrollment: { count: 3, type: 'ACTUAL' },
  }),
];

async function openTable(user: ReturnType<typeof userEvent.setup>, name: string) {
  const panel = screen.getByRole('region', { name });
  await user.click(within(panel).getByRole('button', { name: 'Show data table' }));
  return within(panel).getByRole('table');
}

describe('cross-filtering charts', () => {
  it('toggles a status from its row button and marks the selected one', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    render(<StatusChart trials={trials} selected={['COMPLETED']} onToggle={onToggle} />);
    const table = await openTable(user, 'Trials by status');
    expect(within(table).getByRole('button', { name: 'Completed' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(table).getByRole('button', { name: 'Recruiting' }));
    expect(onToggle).toHaveBeenCalledWith('RECRUITING');
  });

  it('counts each site country once per trial', async () => {
    const user = userEvent.setup();
    render(<CountryChart trials={trials} />);
    const table = await openTable(user, 'Trials by country');
    expect(within(table).getByRole('row', { name: 'France 2' })).toBeVisible();
    expect(within(table).queryByRole('button')).not.toBeInTheDocument();
  });

  it('tabulates trials started per year by transplant type and toggles a year', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    render(<StartYearChart trials={trials} onToggle={onToggle} />);
    const table = await openTable(user, 'Trials started per year');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Start yearAutologousAllogeneicTotal', '2014101', '2015000', '2016112']);
    await user.click(within(table).getByRole('button', { name: '2016' }));
    expect(onToggle).toHaveBeenCalledWith('2016');
  });

  it('splits participants into actual and estimated', async () => {
    const user = userEvent.setup();
    render(<EnrollmentChart trials={trials} />);
    const table = await openTable(user, 'Participants by transplant type');
    expect(within(table).getByRole('row', { name: 'Autologous 25 1 40 1' })).toBeVisible();
    expect(within(table).getByRole('row', { name: 'Total 28 2 40 1' })).toBeVisible();
  });

  it('shows disease by transplant type with summed enrollment', () => {
    render(<DiseaseTypeMatrix trials={trials} />);
    const table = screen.getByRole('table', {
      name: 'Trials (participants) by disease and transplant type',
    });
    expect(
      within(table).getByRole('row', { name: /^Multiple sclerosis 2 \(65\) – – – 2 \(65\)$/ }),
    ).toBeVisible();
  });

  it('filters to trials with results from the results chart', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    render(<ResultsChart trials={trials} onToggle={onToggle} />);
    const table = await openTable(user, 'Trials with posted results');
    await user.click(within(table).getByRole('button', { name: 'Results posted' }));
    expect(onToggle).toHaveBeenCalledTimes(1);
    await user.click(within(table).getByRole('button', { name: 'No results posted' }));
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('lists stopped trials with the stated reason and opens one', async () => {
    const user = userEvent.setup();
    const onSelectTrial = vi.fn();
    render(<StoppedTrials trials={trials} onSelectTrial={onSelectTrial} />);
    const panel = screen.getByRole('region', { name: 'Stopped trials' });
    expect(panel).toHaveTextContent('Reason: Slow accrual');
    await user.click(within(panel).getByRole('button', { name: trials[2]!.title }));
    expect(onSelectTrial).toHaveBeenCalledWith(trials[2]!.nctId);
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Trial } from '../../src/domain/trial.ts';
import { ConditioningChart } from '../../src/features/charts/conditioning-chart.tsx';
import { DiseaseChart } from '../../src/features/charts/disease-chart.tsx';
import { PhaseChart } from '../../src/features/charts/phase-chart.tsx';
import { RandomisedTrials } from '../../src/features/charts/randomised-trials.tsx';
import { CountryChart } from '../../src/features/charts/simple-charts.tsx';
import { StartYearChart } from '../../src/features/charts/start-year-chart.tsx';
import { StoppedTrials } from '../../src/features/charts/stopped-trials.tsx';
import { TransplantTypeChart } from '../../src/features/charts/transplant-type-chart.tsx';
import { syntheticTrial } from '../trial-factory.ts';
import { noDesign } from '../../src/domain/design-facets.ts';

const trials = [
  syntheticTrial({
    diseases: ['multiple-sclerosis'],
    phase: 'PHASE2',
    therapy: 'hsct',
    transplantType: 'autologous',
  }),
  syntheticTrial({
    diseases: ['multiple-sclerosis'],
    phase: 'PHASE3',
    therapy: 'hsct',
    transplantType: 'autologous',
  }),
  syntheticTrial({
    diseases: ['lupus', 'systemic-sclerosis'],
    phase: 'PHASE1',
    therapy: 'car-t',
    transplantType: 'autologous',
  }),
  syntheticTrial({
    diseases: ['crohns-disease'],
    phase: 'NA',
    therapy: 'msc',
    transplantType: 'allogeneic',
  }),
];

/** The rows of a table as arrays of cell texts (header row included). */
function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent ?? ''));
}

describe('DiseaseChart', () => {
  it('is a named section with a chart image that summarises the counts', async () => {
    render(<DiseaseChart trials={trials} />);
    const panel = screen.getByRole('region', { name: 'Trials by disease' });
    // The drawing arrives with the chart library (loaded lazily); the panel's text is there at once.
    expect(within(panel).getByText('Multiple sclerosis leads: 2 of 4 trials')).toBeVisible();
    const chart = await within(panel).findByRole('img');
    expect(chart).toHaveAccessibleName(/Multiple sclerosis: 2; .*Systemic lupus erythematosus: 1/);
  });

  it('reveals the same numbers in a data table and hides them again', async () => {
    const user = userEvent.setup();
    render(<DiseaseChart trials={trials} />);
    const toggle = screen.getByRole('button', { name: 'Show data table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(toggle);
    const table = screen.getByRole('table', { name: 'Trials by disease' });
    expect(tableRows(table)).toEqual([
      ['Disease', 'Trials'],
      ['Multiple sclerosis', '2'],
      ['Systemic sclerosis', '1'],
      ['Systemic lupus erythematosus', '1'],
      ["Crohn's disease", '1'],
    ]);
    expect(screen.getByRole('button', { name: 'Hide data table' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    await user.click(screen.getByRole('button', { name: 'Hide data table' }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('adds a bar for records not classified as autoimmune when they are shown', async () => {
    const user = userEvent.setup();
    render(<DiseaseChart trials={[...trials, syntheticTrial({ diseases: [] })]} />);
    await user.click(screen.getByRole('button', { name: 'Show data table' }));
    expect(
      within(screen.getByRole('table')).getByRole('row', {
        name: 'Not classified as autoimmune 1',
      }),
    ).toBeVisible();
  });
});

describe('TransplantTypeChart', () => {
  it('tabulates every transplant type split by therapy', async () => {
    const user = userEvent.setup();
    render(<TransplantTypeChart trials={trials} />);
    const panel = screen.getByRole('region', { name: 'Trials by transplant type' });
    expect(await within(panel).findByRole('img')).toHaveAccessibleName(
      /Autologous: 3 \(HSCT 2, CAR-T 1\); Allogeneic: 1 \(MSC 1\)/,
    );

    await user.click(within(panel).getByRole('button', { name: 'Show data table' }));
    expect(tableRows(within(panel).getByRole('table'))).toEqual([
      ['Transplant type', 'HSCT', 'CAR-T', 'MSC', 'Treg', 'Other cell therapy', 'Total'],
      ['Autologous', '2', '1', '0', '0', '0', '3'],
      ['Allogeneic', '0', '0', '1', '0', '0', '1'],
      ['Both', '0', '0', '0', '0', '0', '0'],
      ['Unspecified', '0', '0', '0', '0', '0', '0'],
    ]);
  });
});

describe('PhaseChart', () => {
  it('lists every phase in order with its count', async () => {
    const user = userEvent.setup();
    render(<PhaseChart trials={trials} />);
    const panel = screen.getByRole('region', { name: 'Trials by phase' });
    await user.click(within(panel).getByRole('button', { name: 'Show data table' }));
    expect(tableRows(within(panel).getByRole('table')).slice(1)).toEqual([
      ['Early Phase 1', '0'],
      ['Phase 1', '1'],
      ['Phase 1/2', '0'],
      ['Phase 2', '1'],
      ['Phase 2/3', '0'],
      ['Phase 3', '1'],
      ['Phase 4', '0'],
      ['Not applicable', '1'],
      ['No phase', '0'],
    ]);
  });
});

describe('chart descriptions', () => {
  const undatedAndSiteless = [
    syntheticTrial({ startYear: 2019, startDate: '2019-03', countries: ['France'] }),
    syntheticTrial({ countries: ['France', 'Germany'] }),
    syntheticTrial({}),
    syntheticTrial({ status: 'TERMINATED', whyStopped: 'Slow accrual' }),
  ];

  it('state each count once, with the right plural', () => {
    render(
      <>
        <StartYearChart trials={undatedAndSiteless} />
        <CountryChart trials={undatedAndSiteless} />
        <StoppedTrials trials={undatedAndSiteless} />
      </>,
    );
    // The line under the title (a chart with a finding states it first, in its own paragraph).
    const description = (name: string) =>
      within(screen.getByRole('region', { name })).getAllByText(/./, {
        selector: 'p:not(.panel-finding)',
      })[0];
    expect(description('Trials started per year')).toHaveTextContent(
      /split by transplant type\. 3 trials have no start date\.$/,
    );
    expect(description('Trials by country')).toHaveTextContent(
      /^Number of trials\. 2 countries\. A trial counts once in each country with a site; 2 trials list no site\.$/,
    );
    expect(description('Stopped trials')).toHaveTextContent(
      /^1 trial was terminated, suspended or withdrawn\./,
    );
  });

  it('say "1 trial has" for a single undated trial', () => {
    render(<StartYearChart trials={[syntheticTrial({})]} />);
    expect(
      within(screen.getByRole('region', { name: 'Trials started per year' })).getByText(
        /type\. 1 trial has no start date\.$/,
      ),
    ).toBeInTheDocument();
  });
});

describe('ConditioningChart', () => {
  const design = (conditioning: Trial['design']['conditioning']): Trial['design'] => ({
    ...noDesign(),
    conditioning,
  });
  const withConditioning = [
    syntheticTrial({ diseases: ['multiple-sclerosis'], design: design('lymphoablative') }),
    syntheticTrial({
      diseases: ['multiple-sclerosis'],
      design: design('myeloablative-intermediate'),
    }),
    syntheticTrial({ diseases: ['systemic-sclerosis'], design: design('lymphoablative') }),
    // not a transplant: left out
    syntheticTrial({ diseases: ['lupus'], therapy: 'car-t', design: design('not-stated') }),
  ];

  it('counts transplant trials per disease by conditioning intensity, in the chart text and its table', async () => {
    const user = userEvent.setup();
    render(<ConditioningChart trials={withConditioning} />);
    const panel = screen.getByRole('region', { name: 'Conditioning by disease' });
    expect(await within(panel).findByRole('img')).toHaveAccessibleName(
      /Multiple sclerosis: 2 \(Intermediate myeloablative \(BEAM\) 1, Lymphoablative \/ non-myeloablative \(Cy \+ ATG\) 1\); Systemic sclerosis: 1/,
    );
    await user.click(within(panel).getByRole('button', { name: 'Show data table' }));
    const rows = tableRows(within(panel).getByRole('table'));
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['Disease', 'Total'],
      ['Multiple sclerosis', '2'],
      ['Systemic sclerosis', '1'],
    ]);
  });
});

describe('RandomisedTrials', () => {
  it('shows the 10 largest of a long list, and all of them on "Show all"', async () => {
    const user = userEvent.setup();
    const trials = Array.from({ length: 14 }, (_, i) =>
      syntheticTrial({
        acronym: `RCT${i + 1}`,
        enrollment: { count: 100 + i, type: 'ACTUAL' },
        design: { ...noDesign(), allocation: 'randomised', comparator: 'drug-therapy' },
      }),
    );
    render(<RandomisedTrials trials={trials} />);
    const panel = screen.getByRole('region', { name: 'Randomised trials' });
    expect(within(panel).getByText(/^14 randomised transplant trials/)).toBeInTheDocument();
    // Header row + the 10 largest (RCT14 … RCT5).
    const rows = () => tableRows(within(panel).getByRole('table'));
    expect(rows()).toHaveLength(11);
    expect(rows()[1]![0]).toMatch(/^RCT14/);
    expect(rows()[10]![0]).toMatch(/^RCT5/);

    const more = within(panel).getByRole('button', { name: 'Show all 14 randomised trials' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(rows()).toHaveLength(15);
    const less = within(panel).getByRole('button', { name: 'Show the 10 largest only' });
    expect(less).toHaveAttribute('aria-expanded', 'true');
    await user.click(less);
    expect(rows()).toHaveLength(11);
  });

  it('prints every row', () => {
    // The browser as it prints (or saves as PDF): the print media query matches.
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: query === 'print',
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
    try {
      const trials = Array.from({ length: 12 }, (_, i) =>
        syntheticTrial({
          acronym: `RCT${i + 1}`,
          design: { ...noDesign(), allocation: 'randomised', comparator: 'drug-therapy' },
        }),
      );
      render(<RandomisedTrials trials={trials} />);
      const panel = screen.getByRole('region', { name: 'Randomised trials' });
      expect(tableRows(within(panel).getByRole('table'))).toHaveLength(13);
    } finally {
      // jsdom has no matchMedia of its own.
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });

  it('lists every randomised HSCT trial with its comparator, phase, status and enrollment, largest first', () => {
    const design = (over: Partial<Trial['design']>): Trial['design'] => ({
      ...noDesign(),
      allocation: 'randomised',
      comparator: 'drug-therapy',
      ...over,
    });
    render(
      <RandomisedTrials
        trials={[
          syntheticTrial({
            acronym: 'SMALL',
            phase: 'PHASE2',
            status: 'COMPLETED',
            enrollment: { count: 20, type: 'ACTUAL' },
            design: design({ evidence: { comparator: 'Best Available Therapy' } }),
          }),
          syntheticTrial({
            acronym: 'LARGE',
            phase: 'PHASE3',
            status: 'RECRUITING',
            enrollment: { count: 156, type: 'ESTIMATED' },
            design: design({ comparator: 'hsct-regimens' }),
          }),
          syntheticTrial({ acronym: 'SINGLE', design: design({ allocation: 'non-randomised' }) }),
          syntheticTrial({ acronym: 'CART', therapy: 'car-t', design: design({}) }),
        ]}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Randomised trials' });
    expect(tableRows(within(panel).getByRole('table'))).toEqual([
      ['Trial', 'Comparator', 'Phase', 'Status', 'Enrollment'],
      [
        expect.stringMatching(/^LARGE/),
        'HSCT vs HSCT (two regimens)',
        'Phase 3',
        'Recruiting',
        '156',
      ],
      [
        expect.stringMatching(/^SMALL/),
        'HSCT vs drug / best available therapy: Best Available Therapy',
        'Phase 2',
        'Completed',
        '20',
      ],
    ]);
  });
});

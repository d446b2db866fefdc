import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Trial } from '../../../src/domain/trial.ts';
import { TrialTable } from '../../../src/features/trial-table/trial-table.tsx';
import { useSelectedTrial } from '../../../src/state/url-state.ts';
import { syntheticTrial } from '../../trial-factory.ts';
import { renderWithUrl } from './render-with-url.tsx';

/** The text of one column (by header name) of the body rows, top to bottom. */
function column(table: HTMLElement, header: string): string[] {
  const headers = within(table).getAllByRole('columnheader');
  const index = headers.findIndex((h) => h.textContent?.startsWith(header));
  if (index < 0) throw new Error(`no column ${header}`);
  const rows = within(table).getAllByRole('row').slice(1);
  return rows.map((row) => row.querySelectorAll('th, td')[index]?.textContent ?? '');
}

function header(name: string): HTMLElement {
  const button = screen.getByRole('button', { name: new RegExp(`^${name}`) });
  const th = button.closest('th');
  if (!th) throw new Error(`no header ${name}`);
  return th;
}

function threeTrials(): Trial[] {
  return [
    syntheticTrial({
      title: 'Beta trial',
      startDate: '2016-05',
      startYear: 2016,
      enrollment: { count: 40, type: 'ACTUAL' },
    }),
    syntheticTrial({ title: 'alpha trial', startDate: '2021-01-10', startYear: 2021 }),
    syntheticTrial({
      title: 'Gamma trial',
      startDate: '2009',
      startYear: 2009,
      enrollment: { count: 300, type: 'ESTIMATED' },
    }),
  ];
}

describe('TrialTable', () => {
  it('shows the trials in a table named "Trials", newest start first by default', () => {
    renderWithUrl(<TrialTable trials={threeTrials()} />);
    const table = screen.getByRole('table', { name: 'Trials' });
    expect(column(table, 'Title')).toEqual(['alpha trial', 'Beta trial', 'Gamma trial']);
    expect(header('Start')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Title')).not.toHaveAttribute('aria-sort');
    for (const name of [
      'NCT id',
      'Title',
      'Diseases',
      'Therapy and transplant type',
      'Phase',
      'Status',
      'Start',
      'Enrollment',
    ]) {
      expect(
        screen.getByRole('columnheader', { name: new RegExp(`^${name}`) }),
      ).toBeInTheDocument();
    }
  });

  it('hides Sponsor, Countries and Design until chosen in the "Columns" picker', async () => {
    const { user } = renderWithUrl(<TrialTable trials={threeTrials()} />);
    const picker = screen.getByRole('group', { name: 'Columns' });
    for (const name of ['Sponsor', 'Countries', 'Design']) {
      expect(within(picker).getByRole('checkbox', { name })).not.toBeChecked();
      expect(screen.queryByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeNull();
    }
    await user.click(within(picker).getByRole('checkbox', { name: 'Sponsor' }));
    expect(screen.getByRole('columnheader', { name: /^Sponsor/ })).toBeInTheDocument();
    await user.click(within(picker).getByRole('checkbox', { name: 'Phase' }));
    expect(screen.queryByRole('columnheader', { name: /^Phase/ })).toBeNull();
    // The sorted column stays shown: its box is checked and cannot be cleared.
    expect(within(picker).getByRole('checkbox', { name: 'Start' })).toBeDisabled();
    expect(within(picker).getByRole('checkbox', { name: 'Start' })).toBeChecked();
  });

  it('has a Design column (from the picker) summarising allocation, comparator, conditioning and graft', async () => {
    const design: Trial['design'] = {
      conditioning: 'lymphoablative',
      regimen: 'cy-atg',
      graft: 'cd34-selected',
      allocation: 'randomised',
      comparator: 'drug-therapy',
      resultPmids: [],
      evidence: {},
    };
    const { user } = renderWithUrl(
      <TrialTable trials={[syntheticTrial({ startDate: '2020', design }), syntheticTrial()]} />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Design' }));
    const table = screen.getByRole('table', { name: 'Trials' });
    expect(column(table, 'Design')).toEqual([
      'Randomised · vs drug / BAT · Cy/ATG · CD34-selected',
      '—',
    ]);
  });

  it('sorts by a column when its header is clicked, and reverses on a second click, writing sort= to the URL', async () => {
    const { user, lastUrl } = renderWithUrl(<TrialTable trials={threeTrials()} />);
    const table = screen.getByRole('table', { name: 'Trials' });

    await user.click(screen.getByRole('button', { name: /^Title/ }));
    expect(header('Title')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Start')).not.toHaveAttribute('aria-sort');
    expect(column(table, 'Title')).toEqual(['alpha trial', 'Beta trial', 'Gamma trial']);
    expect(lastUrl().get('sort')).toBe('title:asc');

    await user.click(screen.getByRole('button', { name: /^Title/ }));
    expect(header('Title')).toHaveAttribute('aria-sort', 'descending');
    expect(column(table, 'Title')).toEqual(['Gamma trial', 'Beta trial', 'alpha trial']);
    expect(lastUrl().get('sort')).toBe('title:desc');
  });

  it('sorts numbers as numbers and puts trials without a value last', async () => {
    const { user, lastUrl } = renderWithUrl(<TrialTable trials={threeTrials()} />);
    const table = screen.getByRole('table', { name: 'Trials' });

    await user.click(screen.getByRole('button', { name: /^Enrollment/ }));
    expect(lastUrl().get('sort')).toBe('enrollment:desc');
    expect(column(table, 'Enrollment')).toEqual(['300 (est.)', '40', '']);

    await user.click(screen.getByRole('button', { name: /^Enrollment/ }));
    expect(column(table, 'Enrollment')).toEqual(['40', '300 (est.)', '']);
  });

  it('restores the sort from the URL', () => {
    renderWithUrl(<TrialTable trials={threeTrials()} />, '?sort=start:asc');
    const table = screen.getByRole('table', { name: 'Trials' });
    expect(header('Start')).toHaveAttribute('aria-sort', 'ascending');
    expect(column(table, 'Title')).toEqual(['Gamma trial', 'Beta trial', 'alpha trial']);
  });

  it('can be sorted with the keyboard', async () => {
    const { user, lastUrl } = renderWithUrl(<TrialTable trials={threeTrials()} />);
    screen.getByRole('button', { name: /^NCT id/ }).focus();
    await user.keyboard('{Enter}');
    expect(header('NCT id')).toHaveAttribute('aria-sort', 'ascending');
    expect(lastUrl().get('sort')).toBe('nctId:asc');
  });

  it('pages through 5,000 trials quickly, a page at a time', async () => {
    const trials = Array.from({ length: 5000 }, (_, i) =>
      syntheticTrial({
        title: `Generated trial ${String(i).padStart(4, '0')}`,
        startDate: `${2000 + (i % 25)}-01`,
        startYear: 2000 + (i % 25),
        countries: ['France', 'Korea, Republic of', 'Japan', 'Brazil'],
        enrollment: { count: i, type: 'ACTUAL' },
      }),
    );
    const started = performance.now();
    const { user } = renderWithUrl(<TrialTable trials={trials} />, '?sort=title:asc');
    const table = screen.getByRole('table', { name: 'Trials' });
    expect(performance.now() - started).toBeLessThan(3000);

    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Showing 1–50 of 5,000 trials')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 100')).toBeInTheDocument();
    expect(column(table, 'Title')[0]).toBe('Generated trial 0000');
    await user.click(screen.getByRole('checkbox', { name: 'Countries' }));
    expect(column(table, 'Countries')[0]).toBe('France, Korea, Republic of, Japan +1 more');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Showing 51–100 of 5,000 trials')).toBeInTheDocument();
    expect(column(table, 'Title')[0]).toBe('Generated trial 0050');

    await user.click(screen.getByRole('button', { name: 'Last' }));
    expect(screen.getByText('Page 100 of 100')).toBeInTheDocument();
    expect(column(table, 'Title').at(-1)).toBe('Generated trial 4999');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.selectOptions(screen.getByLabelText('Rows per page'), '250');
    expect(within(table).getAllByRole('row')).toHaveLength(251);
    expect(screen.getByText('Showing 1–250 of 5,000 trials')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 20')).toBeInTheDocument();
  });

  it('starts again at the first page when the result set changes', async () => {
    const many = Array.from({ length: 120 }, () => syntheticTrial());
    const fewer = many.slice(0, 90);
    function Harness() {
      const [trials, setTrials] = useState(many);
      return (
        <>
          <button type="button" onClick={() => setTrials(fewer)}>
            Apply a filter
          </button>
          <TrialTable trials={trials} />
        </>
      );
    }
    const { user } = renderWithUrl(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Showing 51–100 of 120 trials')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply a filter' }));
    expect(screen.getByText('Showing 1–50 of 90 trials')).toBeInTheDocument();
  });

  it('says so when no trial matches', () => {
    renderWithUrl(<TrialTable trials={[]} />);
    expect(screen.getAllByText('No trials match the filters.').length).toBeGreaterThan(0);
    expect(screen.queryByRole('navigation', { name: 'Trial table pages' })).not.toBeInTheDocument();
  });

  it('links each row to its trial detail with the current view in the link', () => {
    const trials = threeTrials();
    const first = trials[1]!;
    renderWithUrl(<TrialTable trials={trials} />, '?disease=lupus&view=table&embed=1');
    const link = screen.getByRole('link', { name: first.nctId });
    const params = new URLSearchParams(link.getAttribute('href') ?? '');
    expect(params.get('trial')).toBe(first.nctId);
    expect(params.get('disease')).toBe('lupus');
    expect(params.get('view')).toBe('table');
  });

  it('opens the trial detail in place when a row link is clicked', async () => {
    function SelectedTrial() {
      const [selected] = useSelectedTrial();
      return <p>Selected: {selected ?? 'none'}</p>;
    }
    const trials = threeTrials();
    const target = trials[2]!;
    const { user, lastUrl } = renderWithUrl(
      <>
        <TrialTable trials={trials} />
        <SelectedTrial />
      </>,
      '?view=table',
    );
    expect(screen.getByText('Selected: none')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: target.nctId }));
    expect(screen.getByText(`Selected: ${target.nctId}`)).toBeInTheDocument();
    expect(lastUrl().get('trial')).toBe(target.nctId);
    expect(lastUrl().get('view')).toBe('table');
  });

  it('says "1 trial" when one trial matches', () => {
    renderWithUrl(<TrialTable trials={[syntheticTrial({ title: 'Only one' })]} />, '');
    expect(screen.getByText('Showing 1–1 of 1 trial')).toBeInTheDocument();
  });
});

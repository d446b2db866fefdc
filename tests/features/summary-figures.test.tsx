import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SummaryFigures } from '../../src/features/summary/summary-figures.tsx';
import { syntheticTrial } from '../trial-factory.ts';

describe('SummaryFigures', () => {
  it('shows the number of trials, recruiting trials and total enrollment as labelled figures', () => {
    render(
      <SummaryFigures
        trials={[
          syntheticTrial({
            status: 'RECRUITING',
            enrollment: { count: 1200, type: 'ESTIMATED' },
            countries: ['Sweden'],
          }),
          syntheticTrial({
            status: 'RECRUITING',
            enrollment: { count: 30, type: 'ACTUAL' },
            countries: ['Sweden'],
          }),
          syntheticTrial({ status: 'COMPLETED' }),
        ]}
      />,
    );
    expect(within(screen.getByRole('group', { name: 'Trials' })).getByText('3')).toBeVisible();
    expect(
      within(screen.getByRole('group', { name: 'Recruiting now' })).getByText('2'),
    ).toBeVisible();
    const enrollment = screen.getByRole('group', { name: 'Total enrollment' });
    expect(within(enrollment).getByText('1,230')).toBeVisible();
    expect(enrollment).toHaveTextContent('1 trial without a figure');
    expect(within(screen.getByRole('group', { name: 'Countries' })).getByText('1')).toBeVisible();
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  DataFreshness,
  FreshnessPolicy,
  relativeAge,
} from '../../../src/features/live-data/data-freshness.tsx';

const MIN = 60_000;

describe('relativeAge', () => {
  it('says an age the way people say it', () => {
    expect(relativeAge(20_000)).toBe('just now');
    expect(relativeAge(5 * MIN)).toBe('5 min ago');
    expect(relativeAge(3 * 60 * MIN + 59 * MIN)).toBe('3 h ago');
    expect(relativeAge(24 * 60 * MIN)).toBe('1 day ago');
    expect(relativeAge(3 * 24 * 60 * MIN)).toBe('3 days ago');
  });
});

describe('DataFreshness', () => {
  it('says how old the data is, and (in the details) when it will be checked again', () => {
    const threeHoursAgo = new Date(Date.now() - 3 * 60 * MIN - 5_000).toISOString();
    render(
      <>
        <DataFreshness fetchedAt={threeHoursAgo} refreshing={false} />
        <FreshnessPolicy freshForMs={60 * MIN} />
      </>,
    );
    expect(screen.getByText('Updated 3 h ago')).toBeVisible();
    expect(
      screen.getByText(
        'The data is kept in this browser for quick repeat visits and checked again when older than 1 h.',
      ),
    ).toBeVisible();
  });

  it('says when the live API is tried again for the offline copy', () => {
    render(<FreshnessPolicy freshForMs={null} />);
    expect(
      screen.getByText('The live API is tried again on your next visit, or with Retry.'),
    ).toBeVisible();
  });

  it('says when newer data is being looked for in the background', () => {
    render(<DataFreshness fetchedAt={new Date().toISOString()} refreshing />);
    expect(
      screen.getByText('Updated just now · checking ClinicalTrials.gov for newer data…'),
    ).toBeVisible();
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseEmbedParams } from '../../../src/domain/embed-params.ts';
import { EmbedCredit, EmbedProblems } from '../../../src/features/share/embed-credit.tsx';

describe('EmbedCredit', () => {
  it('credits ClinicalTrials.gov with the data date and links to the full view', () => {
    render(
      <EmbedCredit
        dataDate="2025-09-25T10:00:00"
        fullViewUrl="https://dash.example/?disease=lupus"
      />,
    );
    const credit = screen.getByText(/Data:/);
    expect(credit).toHaveTextContent(
      'Data: ClinicalTrials.gov, as of 25 September 2025 — open full dashboard',
    );
    expect(screen.getByRole('link', { name: 'open full dashboard' })).toHaveAttribute(
      'href',
      'https://dash.example/?disease=lupus',
    );
    expect(screen.getByRole('link', { name: 'ClinicalTrials.gov' })).toHaveAttribute(
      'href',
      'https://clinicaltrials.gov/',
    );
  });

  it('never links to a script URL', () => {
    render(<EmbedCredit fullViewUrl="javascript:alert(1)" />);
    expect(screen.queryByRole('link', { name: 'open full dashboard' })).not.toBeInTheDocument();
    expect(screen.getByText(/Data:/)).toHaveTextContent('Data: ClinicalTrials.gov');
  });
});

describe('EmbedProblems', () => {
  it('lists each problem as text', () => {
    render(
      <EmbedProblems
        problems={['theme: “<b>neon</b>” is not a theme; use light, dark or auto.']}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('theme: “<b>neon</b>” is not a theme');
    expect(screen.getByRole('listitem').querySelector('b')).toBeNull();
  });

  it('shows nothing when there is no problem', () => {
    render(<EmbedProblems problems={[]} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('EmbedProblems', () => {
  it('names at most ten problems and counts the rest (10,000 unknown panels are one short notice)', () => {
    const params = parseEmbedParams(
      `?embed=1&panels=${Array.from({ length: 10_000 }, (_, i) => `nope${i}`).join(',')}`,
    );
    render(<EmbedProblems problems={params.problems} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[0]).toHaveTextContent('panels: “nope0” is not a panel');
    expect(items[10]).toHaveTextContent(
      `and ${(params.problems.length - 10).toLocaleString('en-GB')} more.`,
    );
  });
});

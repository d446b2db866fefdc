import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CiteThisView } from '../../../src/features/share/cite-this-view.tsx';

const CITATION =
  'HSCT Trials Dashboard. Trials of haematopoietic stem cell transplantation in autoimmune disease, filtered view (7 trials). ' +
  'Data: Snapshot of ClinicalTrials.gov taken 25 September 2025, 1,204 studies. https://dash.example/?disease=cidp (accessed 1 October 2025).';

describe('CiteThisView', () => {
  it('shows the citation of the view, copies it, and offers BibTeX and RIS', async () => {
    const user = userEvent.setup();
    render(
      <CiteThisView
        count={7}
        dataset={{ kind: 'snapshot', date: '2025-09-25', studyCount: 1204 }}
        permalink="https://dash.example/?disease=cidp"
        accessed="2025-10-01"
      />,
    );
    expect(screen.getByRole('region', { name: 'Cite this view' })).toBeInTheDocument();
    expect(screen.getByLabelText('Citation')).toHaveValue(CITATION);
    await user.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect(await navigator.clipboard.readText()).toBe(CITATION);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');

    await user.click(screen.getByRole('radio', { name: 'BibTeX' }));
    const field = () => screen.getByLabelText<HTMLTextAreaElement>('Citation').value;
    expect(field()).toMatch(/^@misc\{/);
    await user.click(screen.getByRole('radio', { name: 'RIS' }));
    expect(field()).toMatch(/^TY {2}- DATA\n/);
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RecordCoverage } from '../../src/features/data-source/record-coverage.tsx';

function Harness({ hiddenCount, skipped }: { hiddenCount: number; skipped: number }) {
  const [showHidden, setShowHidden] = useState(false);
  return (
    <RecordCoverage
      hiddenCount={hiddenCount}
      showHidden={showHidden}
      onShowHiddenChange={setShowHidden}
      skipped={skipped}
    />
  );
}

describe('RecordCoverage', () => {
  it('says how many records are hidden and lets the user bring them in and out', async () => {
    const user = userEvent.setup();
    render(<Harness hiddenCount={4} skipped={0} />);
    expect(screen.getByText('4 non-autoimmune records hidden')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Show hidden records' }));
    expect(screen.getByText('4 non-autoimmune records included')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Hide them again' }));
    expect(screen.getByRole('button', { name: 'Show hidden records' })).toBeVisible();
  });

  it('reports skipped records only when there are some', () => {
    const { rerender } = render(<Harness hiddenCount={1} skipped={0} />);
    expect(screen.queryByText(/skipped/)).not.toBeInTheDocument();
    rerender(<Harness hiddenCount={1} skipped={2} />);
    expect(screen.getByText(/2 records skipped while reading the data/)).toBeVisible();
  });

  it('shows nothing when no record is hidden or skipped', () => {
    const { container } = render(<Harness hiddenCount={0} skipped={0} />);
    expect(container).toBeEmptyDOMElement();
  });
});

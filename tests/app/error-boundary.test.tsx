import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/error-boundary.tsx';

let broken = true;

function Fragile() {
  if (broken) throw new Error('The numbers did not add up.');
  return <p>Panel content</p>;
}

function Page() {
  const [clicks, setClicks] = useState(0);
  return (
    <>
      <ErrorBoundary label="The disease chart">
        <Fragile />
      </ErrorBoundary>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        Clicked {clicks} times
      </button>
    </>
  );
}

describe('ErrorBoundary', () => {
  afterEach(() => {
    broken = true;
    vi.restoreAllMocks();
  });

  it('replaces only the broken panel with an explanation and lets the user try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<Page />);

    expect(screen.getByRole('alert')).toHaveTextContent(
      'The disease chart could not be shown. The numbers did not add up.',
    );
    await user.click(screen.getByRole('button', { name: 'Clicked 0 times' }));
    expect(screen.getByRole('button', { name: 'Clicked 1 times' })).toBeVisible();

    broken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Panel content')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS, type TrialFilters } from '../../../src/domain/filters.ts';
import { ActiveFilters } from '../../../src/features/active-filters/active-filters.tsx';
import { FilterPanel } from '../../../src/features/filters/filter-panel.tsx';
import { syntheticTrial } from '../../trial-factory.ts';

const trials = [
  syntheticTrial({
    status: 'RECRUITING',
    startYear: 2016,
    countries: ['Korea, Republic of'],
    diseases: ['systemic-sclerosis'],
  }),
  syntheticTrial({
    status: 'COMPLETED',
    startYear: 2009,
    hasResults: true,
    sponsor: { name: 'NIH', class: 'NIH' },
  }),
  syntheticTrial({ status: 'RECRUITING', therapy: 'car-t', startYear: 2023, diseases: ['lupus'] }),
];

function renderPanel(filters: Partial<TrialFilters> = {}) {
  const onChange = vi.fn();
  const user = userEvent.setup();
  render(
    <FilterPanel
      trials={trials}
      filters={{ ...DEFAULT_FILTERS, ...filters }}
      onChange={onChange}
    />,
  );
  return { onChange, user };
}

describe('FilterPanel', () => {
  it('offers the design facets with counts, and selecting one sets its filter', async () => {
    const { onChange, user } = renderPanel();
    const allocation = screen.getByRole('group', { name: 'Allocation' });
    const option = within(allocation).getByRole('checkbox', { name: /Not stated\s+2 trials/ });
    await user.click(option);
    expect(onChange).toHaveBeenLastCalledWith({ allocation: ['not-stated'] });
    const publications = screen.getByRole('group', { name: 'Result publications' });
    await user.click(
      within(publications).getByRole('checkbox', { name: /None listed\s+2 trials/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith({ publications: ['none'] });
  });

  it('selects only recruiting trials with one click, and undoes it with a second', async () => {
    const { onChange, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Recruiting now' }));
    expect(onChange).toHaveBeenLastCalledWith({ status: ['RECRUITING'] });
  });

  it('shows "Recruiting now" as pressed when it is the active status filter', async () => {
    const { onChange, user } = renderPanel({ status: ['RECRUITING'] });
    const button = screen.getByRole('button', { name: 'Recruiting now' });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    await user.click(button);
    expect(onChange).toHaveBeenLastCalledWith({ status: [] });
  });

  it('offers the start years present in the data and reports the chosen range', async () => {
    const { onChange, user } = renderPanel();
    const from = screen.getByRole('combobox', { name: 'Start year from' });
    expect(
      within(from)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', '2009', '2016']);
    await user.selectOptions(from, '2009');
    expect(onChange).toHaveBeenLastCalledWith({ from: 2009 });
  });

  it('writes the search text to the URL shortly after typing, replacing the history entry', async () => {
    const { onChange, user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'kyv');
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ q: 'kyv' }, { history: 'replace' }),
    );
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('lists country names that contain a comma as one option', () => {
    renderPanel({ therapy: [] });
    expect(screen.getByRole('checkbox', { name: 'Korea, Republic of 1 trial' })).toBeVisible();
  });

  it('toggles posted results and sponsor class', async () => {
    const { onChange, user } = renderPanel();
    await user.click(screen.getByRole('checkbox', { name: /^Has results/ }));
    expect(onChange).toHaveBeenLastCalledWith({ results: true });
    await user.click(screen.getByRole('checkbox', { name: /^NIH/ }));
    expect(onChange).toHaveBeenLastCalledWith({ sponsor: ['NIH'] });
  });
});

describe('ActiveFilters', () => {
  it('announces the number of trials and lists each active filter as a removable chip', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <ActiveFilters
        filters={{
          ...DEFAULT_FILTERS,
          therapy: [],
          country: ['Korea, Republic of'],
          from: 2015,
          results: true,
        }}
        count={1}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 trial');
    const chips = within(screen.getByRole('list', { name: 'Active filters' })).getAllByRole(
      'button',
    );
    expect(chips.map((c) => c.textContent?.replace('×', '').trim())).toEqual([
      'Therapy: all',
      'Country: Korea, Republic of',
      'Started since 2015',
      'Has results',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove filter Therapy: all' }));
    expect(onChange).toHaveBeenLastCalledWith({ therapy: ['hsct'] });
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('shows each mark of the changed filter as a chip that removes only that mark', async () => {
    const onChange = vi.fn();
    const onChangedChange = vi.fn();
    const user = userEvent.setup();
    render(
      <ActiveFilters
        filters={DEFAULT_FILTERS}
        count={2}
        onChange={onChange}
        changed={['updated', 'new']}
        onChangedChange={onChangedChange}
      />,
    );
    const chips = within(screen.getByRole('list', { name: 'Active filters' })).getAllByRole(
      'button',
    );
    expect(chips.map((c) => c.textContent?.replace('×', '').trim())).toEqual([
      'Changed: new since last visit',
      'Changed: updated since last visit',
    ]);
    await user.click(
      screen.getByRole('button', { name: 'Remove filter Changed: new since last visit' }),
    );
    expect(onChangedChange).toHaveBeenLastCalledWith(['updated']);
    await user.click(
      screen.getByRole('button', { name: 'Remove filter Changed: updated since last visit' }),
    );
    expect(onChangedChange).toHaveBeenLastCalledWith(['new']);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('offers Clear all when only the changed filter is active, and clears it with the others', async () => {
    const onChange = vi.fn();
    const onChangedChange = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <ActiveFilters
        filters={DEFAULT_FILTERS}
        count={1}
        onChange={onChange}
        changed={['new']}
        onChangedChange={onChangedChange}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(onChangedChange).toHaveBeenLastCalledWith([]);

    rerender(
      <ActiveFilters
        filters={{ ...DEFAULT_FILTERS, results: true }}
        count={1}
        onChange={onChange}
        changed={['new']}
        onChangedChange={onChangedChange}
      />,
    );
    onChangedChange.mockClear();
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(onChangedChange).toHaveBeenLastCalledWith([]);
  });

  it('shows no changed chip without a setter for it (embed mode has no changed filter)', () => {
    render(
      <ActiveFilters filters={DEFAULT_FILTERS} count={3} onChange={() => {}} changed={['new']} />,
    );
    expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear all' })).not.toBeInTheDocument();
  });

  it('shows neither chips nor Clear all for the default filters', () => {
    render(<ActiveFilters filters={DEFAULT_FILTERS} count={12} onChange={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('12 trials');
    expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear all' })).not.toBeInTheDocument();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../src/components/data-table.tsx';

const COLUMNS = [{ header: 'Disease' }, { header: 'Trials', numeric: true }] as const;
const ROWS = [
  { key: 'ms', cells: ['Multiple sclerosis', 1234] },
  { key: 'ssc', cells: ['Systemic sclerosis', 56] },
];

describe('DataTable', () => {
  it('names the table by its caption, with column headers, row headers and a footer', () => {
    render(
      <DataTable
        caption="Trials by disease"
        columns={COLUMNS}
        rows={ROWS}
        footer={['Total', 1290]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Trials by disease' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Disease', 'Trials']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Multiple sclerosis', 'Systemic sclerosis', 'Total']);
    // Numbers are shown as counts, the footer last.
    expect(
      within(table)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['1,234', '56', '1,290']);
  });

  it('shows one full-width row when there are no rows', () => {
    render(<DataTable caption="Trials" columns={COLUMNS} rows={[]} empty="Nothing to show." />);
    expect(screen.getByRole('cell', { name: 'Nothing to show.' })).toHaveAttribute('colspan', '2');
  });

  it('makes each row header a toggle button when asked', async () => {
    function Toggling() {
      const [selected, setSelected] = useState<string[]>([]);
      const onToggle = (key: string) =>
        setSelected((s) => (s.includes(key) ? s.filter((k) => k !== key) : [...s, key]));
      return (
        <DataTable
          caption="Trials by disease"
          columns={COLUMNS}
          rows={ROWS}
          toggle={{ selected, onToggle }}
        />
      );
    }
    render(<Toggling />);
    const ms = screen.getByRole('button', { name: 'Multiple sclerosis' });
    expect(ms).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(ms);
    expect(ms).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Systemic sclerosis' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('makes column headers sort buttons, the sorted one with aria-sort', async () => {
    function Sorting() {
      const [sort, setSort] = useState<{ column: string; direction: 'asc' | 'desc' }>({
        column: 'Trials',
        direction: 'desc',
      });
      return (
        <DataTable
          caption="Trials by disease"
          columns={COLUMNS}
          rows={ROWS}
          sort={{ ...sort, onSort: (column) => setSort({ column, direction: 'asc' }) }}
        />
      );
    }
    render(<Sorting />);
    const trials = screen.getByRole('columnheader', { name: /^Trials/ });
    const disease = screen.getByRole('columnheader', { name: /^Disease/ });
    expect(trials).toHaveAttribute('aria-sort', 'descending');
    expect(disease).not.toHaveAttribute('aria-sort');
    await userEvent.click(within(disease).getByRole('button'));
    expect(disease).toHaveAttribute('aria-sort', 'ascending');
    expect(trials).not.toHaveAttribute('aria-sort');
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ViewTabs } from '../../src/components/view-tabs.tsx';

type Id = 'one' | 'two' | 'three';

function Harness({ initial = 'one', onSelect }: { initial?: Id; onSelect?: (id: Id) => void }) {
  const [selected, setSelected] = useState<Id>(initial);
  return (
    <>
      <button type="button">Before</button>
      <ViewTabs
        label="Views"
        selected={selected}
        onSelect={(id) => {
          onSelect?.(id);
          setSelected(id);
        }}
        tabs={[
          { id: 'one', label: 'First', panel: <p>First panel</p> },
          { id: 'two', label: 'Second', panel: <p>Second panel</p> },
          { id: 'three', label: 'Third', panel: <button type="button">Inside third</button> },
        ]}
      />
    </>
  );
}

describe('ViewTabs', () => {
  it('is a named tab list whose selected tab labels the one panel shown', () => {
    render(<Harness initial="two" />);
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('aria-selected'))).toEqual([
      'false',
      'true',
      'false',
    ]);
    const panel = screen.getByRole('tabpanel', { name: 'Second' });
    expect(panel).toHaveTextContent('Second panel');
    expect(screen.getByRole('tab', { name: 'Second' })).toHaveAttribute('aria-controls', panel.id);
    expect(screen.queryByText('First panel')).not.toBeInTheDocument();
  });

  it('selects a tab on click', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('tab', { name: 'Third' }));
    expect(screen.getByRole('tab', { name: 'Third' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Third' })).toBeInTheDocument();
  });

  it('has one tab stop, then the panel; arrows, Home and End move and select (wrapping)', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(screen.getByRole('tab', { name: 'First' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('tabpanel', { name: 'First' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('tab', { name: 'First' })).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Second' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Second' })).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Third' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'First' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'First' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Third' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'First' })).toHaveFocus();
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });

  it('skips the panel as a tab stop when it holds a control, going straight to the control', async () => {
    const user = userEvent.setup();
    render(<Harness initial="three" />);
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(screen.getByRole('tab', { name: 'Third' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Inside third' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Third' })).not.toHaveAttribute('tabindex');
  });

  it('leaves arrows with Alt, Ctrl or Meta to the browser, and does not re-select the selected tab', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);
    screen.getByRole('tab', { name: 'First' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    await user.keyboard('{Meta>}{ArrowLeft}{/Meta}');
    await user.keyboard('{Home}');
    expect(onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('tab', { name: 'First' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(onSelect).toHaveBeenCalledWith('two');
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ShareDialog } from '../../../src/features/share/share-dialog.tsx';

const VIEW_URL = 'https://dash.example/base/?disease=lupus&phase=PHASE2';

async function openDialog(props: Partial<Parameters<typeof ShareDialog>[0]> = {}) {
  const user = userEvent.setup();
  render(<ShareDialog viewUrl={VIEW_URL} dataDate="2025-09-25" {...props} />);
  await user.click(screen.getByRole('button', { name: 'Share or embed' }));
  // The dialog's module is loaded on first use, which can take a moment on a busy machine.
  const dialog = await screen.findByRole(
    'dialog',
    { name: 'Share or embed this view' },
    { timeout: 10_000 },
  );
  return { user, dialog };
}

function snippet(dialog: HTMLElement, label: string): string {
  return within(dialog).getByLabelText<HTMLTextAreaElement>(label).value;
}

describe('ShareDialog', () => {
  it('opens from its button and shows the link and the data date', async () => {
    const { dialog } = await openDialog();
    expect(within(dialog).getByLabelText('Link to this view')).toHaveValue(VIEW_URL);
    expect(
      within(dialog).getByText('Data from ClinicalTrials.gov as of 25 September 2025.'),
    ).toBeInTheDocument();
  });

  it('copies the link and confirms it visibly', async () => {
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(VIEW_URL);
    expect(within(dialog).getByText('Copied')).toHaveAttribute('role', 'status');
  });

  it('selects the text and says so when the clipboard refuses', async () => {
    const { user, dialog } = await openDialog();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Denied', 'NotAllowedError'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Copy iframe code' }));
    const field = within(dialog).getByLabelText<HTMLTextAreaElement>('Embed with an iframe');
    expect(field).toHaveFocus();
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(
      within(dialog).getByText(/Could not copy automatically: the text is selected/),
    ).toBeInTheDocument();
  });

  it('offers an iframe snippet and a script snippet of the embedded view', async () => {
    const { dialog } = await openDialog();
    const iframe = snippet(dialog, 'Embed with an iframe');
    expect(iframe).toBe(
      '<iframe src="https://dash.example/base/?embed=1&amp;disease=lupus&amp;phase=PHASE2&amp;panels=summary%2Cdisease%2Ctype%2Cphase" ' +
        'title="HSCT trials dashboard" width="100%" height="600" style="border:0" loading="lazy" ' +
        'referrerpolicy="strict-origin-when-cross-origin" allow=""></iframe>',
    );
    expect(snippet(dialog, 'Embed with a script (height follows the content)')).toBe(
      '<div data-hsct-trials="disease=lupus&amp;phase=PHASE2&amp;panels=summary%2Cdisease%2Ctype%2Cphase" ' +
        'data-title="HSCT trials dashboard" data-height="600"></div>\n' +
        '<script src="https://dash.example/base/embed.js" async></script>',
    );
  });

  it('builds the snippets and the preview from the chosen options', async () => {
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Trial table' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Trials by phase' }));
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Lock the filters (hide the filter controls)' }),
    );
    await user.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    await user.type(within(dialog).getByLabelText('Accent colour (optional)'), '#B03A2E');
    await user.type(within(dialog).getByLabelText(/Your site’s origin/), 'https://host.example');
    const height = within(dialog).getByLabelText('Height of the iframe in pixels');
    await user.clear(height);
    await user.type(height, '800');

    const preview = within(dialog).getByTitle('Preview: HSCT trials dashboard');
    const src = new URL(preview.getAttribute('src')!);
    expect([...src.searchParams]).toEqual([
      ['embed', '1'],
      ['disease', 'lupus'],
      ['phase', 'PHASE2'],
      ['panels', 'summary,disease,type,table'],
      ['lock', '1'],
      ['theme', 'dark'],
      ['accent', '#b03a2e'],
      ['origins', 'https://host.example'],
    ]);
    const iframe = snippet(dialog, 'Embed with an iframe');
    expect(iframe).toContain(`src="${src.toString().replaceAll('&', '&amp;')}"`);
    expect(iframe).toContain('height="800"');
    expect(snippet(dialog, 'Embed with a script (height follows the content)')).not.toContain(
      'origins',
    );
  });

  it('explains a bad accent or origin and leaves it out of the code', async () => {
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByLabelText('Accent colour (optional)'), 'red;x:url(y)');
    await user.type(
      within(dialog).getByLabelText(/Your site’s origin/),
      'https://host.example/page',
    );
    expect(within(dialog).getByLabelText('Accent colour (optional)')).toHaveAccessibleDescription(
      'Not a hex colour: use #rgb or #rrggbb, e.g. #336699. It is left out of the code.',
    );
    expect(within(dialog).getByLabelText(/Your site’s origin/)).toHaveAccessibleDescription(
      /is not an origin in exact form/,
    );
    const iframe = snippet(dialog, 'Embed with an iframe');
    expect(iframe).not.toContain('accent');
    expect(iframe).not.toContain('origins');
  });

  it('escapes a title with quotes and markup in the snippets', async () => {
    const { user, dialog } = await openDialog();
    const title = within(dialog).getByLabelText(
      'Title of the embedded view (read by screen readers)',
    );
    await user.clear(title);
    await user.type(title, 'Lupus "HSCT" <trials>');
    expect(snippet(dialog, 'Embed with an iframe')).toContain(
      'title="Lupus &quot;HSCT&quot; &lt;trials&gt;"',
    );
  });

  it('keeps at least one panel', async () => {
    const { user, dialog } = await openDialog();
    for (const name of ['Summary figures', 'Trials by disease', 'Transplant type']) {
      await user.click(within(dialog).getByRole('checkbox', { name }));
    }
    expect(within(dialog).getByRole('checkbox', { name: 'Trials by phase' })).toBeDisabled();
  });

  it('closes with its Close button and tells the caller', async () => {
    const onClose = vi.fn();
    const { user, dialog } = await openDialog({ onClose });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('closes with Escape and puts the focus back on its button, which says it opens a dialog', async () => {
    const { user } = await openDialog();
    // While the dialog is open, the rest of the page is hidden from assistive technology.
    const trigger = screen.getByRole('button', { name: 'Share or embed', hidden: true });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('dialog', { name: 'Share or embed this view' }),
    ).toBeInTheDocument();
  });

  it('puts the focus on its button on close even when a click did not focus it (as in Safari)', async () => {
    const user = userEvent.setup();
    render(<ShareDialog viewUrl={VIEW_URL} />);
    const trigger = screen.getByRole('button', { name: 'Share or embed' });
    fireEvent.click(trigger); // a click event without focusing the button
    expect(document.activeElement).toBe(document.body);
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Share or embed this view' },
      { timeout: 10_000 },
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('says so when the view has no absolute address', async () => {
    const { dialog } = await openDialog({ viewUrl: 'javascript:alert(1)' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'This view has no shareable address.',
    );
    expect(within(dialog).queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument();
  });
});

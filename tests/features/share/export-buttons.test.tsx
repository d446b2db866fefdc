import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportMeta } from '../../../src/domain/export/provenance.ts';
import type { Trial } from '../../../src/domain/trial.ts';
import { ExportButtons } from '../../../src/features/share/export-buttons.tsx';
import { syntheticTrial } from '../../trial-factory.ts';

/** Synthetic trials (NCT99… ids), not taken from any record. */
const trials: Trial[] = ['NCT99000010', 'NCT99000011'].map((nctId) =>
  syntheticTrial({
    nctId,
    title: `Synthetic HSCT trial ${nctId}, Zürich`,
    status: 'RECRUITING',
    diseases: ['lupus'],
    conditions: ['Lupus'],
    countries: ['Switzerland'],
  }),
);

const meta: ExportMeta = {
  source: 'ClinicalTrials.gov API v2 (live)',
  query: 'query.cond=lupus',
  filters: { disease: ['lupus'] },
  dataAsOf: '2025-09-25',
  appVersion: '0.1.0',
  generatedAt: '2025-10-01T12:00:00.000Z',
  permalink: 'https://dash.example/?disease=lupus',
};

type Download = { filename: string; blob: Blob };
let downloads: Download[];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  // jsdom has no object URLs and does not download: capture what the browser would save.
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: () => {},
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ filename: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExportButtons', () => {
  it('downloads the view as CSV with a byte-order mark and provenance', async () => {
    const user = userEvent.setup();
    render(<ExportButtons trials={trials} meta={meta} />);
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(downloads).toHaveLength(1);
    const [{ filename, blob }] = downloads as [Download];
    expect(filename).toBe('hsct-trials-2025-09-25.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('# Rows: 2');
    expect(text).toContain('"Synthetic HSCT trial NCT99000010, Zürich"');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Saved hsct-trials-2025-09-25.csv (2 trials).',
    );
  });

  it('downloads the view as JSON and RIS', async () => {
    const user = userEvent.setup();
    render(<ExportButtons trials={trials} meta={meta} filenameBase="lupus" />);
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    await user.click(screen.getByRole('button', { name: 'Download RIS' }));
    expect(downloads.map((d) => d.filename)).toEqual([
      'lupus-2025-09-25.json',
      'lupus-2025-09-25.ris',
    ]);
    const json = JSON.parse(await downloads[0]!.blob.text()) as {
      meta: { rowCount: number };
      trials: Trial[];
    };
    expect(json.meta.rowCount).toBe(2);
    expect(json.trials.map((t) => t.nctId)).toEqual(['NCT99000010', 'NCT99000011']);
    expect((await downloads[1]!.blob.text()).match(/^TY {2}- DBASE/gm)).toHaveLength(2);
  });

  it('names the group after what it downloads', () => {
    render(<ExportButtons trials={trials} meta={meta} />);
    expect(
      screen.getByRole('group', { name: 'Download the 2 trials of this view' }),
    ).toBeInTheDocument();
  });
  it('while the site lists load, keeps its buttons as they are; a click says so and saves the file once they are in', async () => {
    const user = userEvent.setup();
    const preparing = 'Preparing the downloads: loading the site lists…';
    const { rerender } = render(
      <ExportButtons trials={trials} meta={meta} preparing={preparing} />,
    );
    // Nothing is said before a click, so the row keeps its height while the lists load.
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    const csv = screen.getByRole('button', { name: 'Download CSV' });
    expect(csv).toBeEnabled();
    await user.click(csv);
    expect(screen.getByRole('status')).toHaveTextContent(preparing);
    expect(downloads).toHaveLength(0);
    rerender(<ExportButtons trials={trials} meta={meta} />);
    expect(downloads.map((d) => d.filename)).toEqual(['hsct-trials-2025-09-25.csv']);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Saved hsct-trials-2025-09-25.csv (2 trials).',
    );
  });

  it('when the site lists failed, disables its buttons and says why; a click queued before saves nothing', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <ExportButtons trials={trials} meta={meta} preparing="Preparing the downloads…" />,
    );
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    const reason = 'The downloads need the site lists. The file could not be loaded.';
    rerender(<ExportButtons trials={trials} meta={meta} unavailable={reason} />);
    expect(screen.getByRole('button', { name: 'Download JSON' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(reason);
    rerender(<ExportButtons trials={trials} meta={meta} />);
    expect(downloads).toHaveLength(0);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { fixtureEntries } from '../../../mocks/emulator/fixture-studies.ts';
import { server } from '../../../mocks/node.ts';
import { normalizeStudy } from '../../../src/domain/normalize-study.ts';
import { compactTrial } from '../../../src/domain/precomputed-dataset.ts';
import type { Trial } from '../../../src/domain/trial.ts';
import { TrialDetail } from '../../../src/features/trial-detail/trial-detail.tsx';
import { renderWithProviders } from '../../render.tsx';

function fixtureStudy(nctId: string) {
  const entry = fixtureEntries().find(
    (e) => e.study.protocolSection?.identificationModule?.nctId === nctId,
  );
  if (!entry) throw new Error(`no fixture ${nctId}`);
  return entry.study;
}

/** The record of a fixture as a list without site lists would hold it. */
function listTrial(nctId: string): Trial {
  const trial = normalizeStudy(fixtureStudy(nctId));
  if (!trial) throw new Error(`fixture ${nctId} has no id`);
  return { ...trial, locations: [], countries: [] };
}

function field(name: string): string {
  const term = screen.getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('TrialDetail', () => {
  it('says why the classifier decided each design facet, and links the result publications', () => {
    // NCT99000001: a synthetic fixture record served by the API emulator
    const trial: Trial = {
      ...listTrial('NCT99000001'),
      design: {
        conditioning: 'lymphoablative',
        regimen: 'cy-atg',
        graft: 'cd34-selected',
        allocation: 'randomised',
        comparator: 'drug-therapy',
        resultPmids: ['12345678'],
        evidence: {
          conditioning: 'Cy/ATG: Cyclophosphamide + ATG',
          graft: 'CD34-selected graft',
          allocation: 'Allocation: Randomized',
          comparator: 'Best Available Therapy',
        },
      },
    };
    renderWithProviders(<TrialDetail nctId="NCT99000001" trial={trial} onClose={() => {}} />);
    expect(field('Conditioning intensity')).toBe(
      'Lymphoablative / non-myeloablative (Cy + ATG) (Cy/ATG): Cy/ATG: Cyclophosphamide + ATG',
    );
    expect(field('Graft manipulation')).toBe(
      'CD34-selected / T-cell depleted: CD34-selected graft',
    );
    expect(field('Allocation')).toBe('Randomised: Allocation: Randomized');
    expect(field('Comparator')).toBe(
      'HSCT vs drug / best available therapy: Best Available Therapy',
    );
    expect(screen.getByRole('link', { name: 'PMID 12345678' })).toHaveAttribute(
      'href',
      'https://pubmed.ncbi.nlm.nih.gov/12345678/',
    );
  });

  it('shows the list trial at once, says what is still loading, then the full record replaces it', async () => {
    // The live record is held back until the test lets it through.
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get('*/api/v2/studies/:nctId', async () => {
        await released;
        return undefined; // on to the API emulator
      }),
    );
    // NCT99000001: a synthetic fixture record, as a precomputed list without site lists holds it
    const trial = compactTrial(listTrial('NCT99000001'));
    renderWithProviders(<TrialDetail nctId="NCT99000001" trial={trial} onClose={() => {}} />);

    const dialog = screen.getByRole('dialog', {
      name: 'Autologous HSCT Versus Best Available Therapy in Highly Active Relapsing-Remitting MS',
    });
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Loading the full record of NCT99000001 from ClinicalTrials.gov',
    );
    expect(field('Therapy')).toBe('HSCT');
    expect(field('Transplant type')).toBe('Autologous');
    expect(field('Disease')).toBe('Multiple sclerosis');
    expect(field('Evidence')).toBe(trial.transplantEvidence);
    expect(trial.transplantEvidence).toMatch(/autologous/i);
    expect(field('Start')).toBe('1 February 2023');
    expect(field('Ages')).toBe('18 Years and older');
    for (const pending of [
      'Summary: loading the full record…',
      'Whether each date is actual or estimated: loading the full record…',
      'Arms and intervention descriptions: loading the full record…',
      'Sites: loading the full record…',
    ]) {
      expect(within(dialog).getByText(pending)).toBeInTheDocument();
    }
    expect(within(dialog).queryByText('The record lists no sites.')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('heading', { name: 'Arms' })).not.toBeInTheDocument();

    release();
    await waitFor(() => expect(within(dialog).queryByRole('status')).not.toBeInTheDocument());
    expect(within(dialog).queryByText(/loading the full record/)).not.toBeInTheDocument();
    const sites = within(dialog).getByRole('table', { name: '3 sites' });
    const norway = within(sites).getByRole('rowheader', { name: 'Synthetic Clinic' }).closest('tr');
    expect(norway).toHaveTextContent('Norway');
    expect(norway).toHaveTextContent('Not yet recruiting');
    expect(field('Start')).toBe('1 February 2023 (actual)');
    expect(field('Completion')).toBe('December 2029 (estimated)');
    expect(field('Ages')).toBe('18 Years and older');
    expect(field('Sex')).toBe('All');
    expect(field('Healthy volunteers')).toBe('Not stated');
    expect(field('Collaborators')).toBe('Synthetic MS Society');
    // The registry's sponsor class label, not the enum in title case ("(Other)", "(Nih)").
    expect(field('Lead sponsor')).toBe(
      'Synthetic University Hospital — Other (academic, hospital)',
    );
    expect(within(dialog).getByRole('heading', { name: 'Arms' })).toBeInTheDocument();
    expect(within(dialog).getByText('Best available therapy')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/reinfusion of the unmanipulated autologous graft/),
    ).toBeInTheDocument();
  });

  it('loads a trial the dataset does not hold, and links to the record on ClinicalTrials.gov', async () => {
    // NCT02428309: a real fixture record (lupus, regulatory T cells), mocks/source/hsct
    renderWithProviders(<TrialDetail nctId="NCT02428309" onClose={() => {}} />);
    expect(
      await screen.findByRole('dialog', { name: 'Autologous Polyclonal Tregs for Lupus' }),
    ).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /View NCT02428309 on ClinicalTrials\.gov/ });
    expect(link).toHaveAttribute('href', 'https://clinicaltrials.gov/study/NCT02428309');
    expect(field('Therapy')).toBe('Treg');
    expect(field('Ages')).toBe('18 Years to 60 Years');
    expect(field('Status')).toBe('Terminated');
    expect(screen.getByText('Low Dose Treg Cohort')).toBeInTheDocument();
  });

  it('says clearly when ClinicalTrials.gov has no such trial', async () => {
    renderWithProviders(<TrialDetail nctId="NCT99999998" onClose={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Trial not found. ClinicalTrials.gov has no study NCT99999998.',
    );
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows the loaded record with one quiet line when the live record cannot be fetched, and a retry that says what it does', async () => {
    server.use(http.get('*/api/v2/studies/:nctId', () => HttpResponse.error()));
    const trial = listTrial('NCT99000001');
    const { user } = renderWithProviders(
      <TrialDetail nctId="NCT99000001" trial={trial} onClose={() => {}} />,
    );
    const line = await screen.findByText(/^The live record could not be fetched/);
    expect(line).toHaveTextContent('this is the record from the loaded data.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(field('Therapy')).toBe('HSCT');
    expect(screen.getByText('The record lists no sites.')).toBeInTheDocument();

    // A retry that fails again keeps the line and says it tried.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Tried 2 times: still not reachable.')).toBeInTheDocument();

    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: '3 sites' })).toBeInTheDocument();
    expect(screen.queryByText(/^The live record could not be fetched/)).not.toBeInTheDocument();
  });

  it('closes with the Back to results button and with Escape', async () => {
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <TrialDetail nctId="NCT99000001" trial={listTrial('NCT99000001')} onClose={onClose} />,
    );
    await user.click(screen.getByRole('button', { name: 'Back to results' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    await screen.findByRole('table', { name: '3 sites' }); // let the record load before unmounting
  });

  it('shows registry text as text, never as markup', async () => {
    // synthetic record with markup in its fields (not a real trial)
    server.use(
      http.get('*/api/v2/studies/:nctId', () =>
        HttpResponse.json({
          protocolSection: {
            identificationModule: {
              nctId: 'NCT99000900',
              briefTitle: '<img src=x onerror="alert(1)"> Synthetic title',
            },
            armsInterventionsModule: {
              interventions: [{ type: 'PROCEDURE', name: '<b>Autologous HSCT</b>' }],
            },
          },
        }),
      ),
    );
    renderWithProviders(<TrialDetail nctId="NCT99000900" onClose={() => {}} />);
    expect(
      await screen.findByRole('dialog', { name: '<img src=x onerror="alert(1)"> Synthetic title' }),
    ).toBeInTheDocument();
    expect(screen.getByText('<b>Autologous HSCT</b>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('lists a long list of sites in part until asked for all of them', async () => {
    // NCT02513394: a real full record (not autoimmune) with 437 sites, tests/data/records
    const { user } = renderWithProviders(<TrialDetail nctId="NCT02513394" onClose={() => {}} />);
    const sites = await screen.findByRole('table', { name: '437 sites' });
    expect(within(sites).getAllByRole('row')).toHaveLength(26);
    await user.click(screen.getByRole('button', { name: 'Show all 437 sites' }));
    expect(within(sites).getAllByRole('row')).toHaveLength(438);
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DISEASE_IDS } from '../../../src/domain/diseases.ts';
import { PLAIN_DISEASE_NAMES } from '../../../src/domain/plain-language.ts';
import { SHORTLIST_STORAGE_KEY } from '../../../src/domain/shortlist.ts';
import { PatientView } from '../../../src/features/patient/patient-view.tsx';
import {
  LUPUS_CART,
  MS_CHICAGO,
  MS_COMPLETED,
  MS_LONDON,
  MS_YOUNG,
  PATIENT_TRIALS,
  SSC_WOMEN,
} from './patient-fixtures.ts';

const PAGE = 'https://dashboard.example/?view=patient';

function renderView(props: Partial<Parameters<typeof PatientView>[0]> = {}) {
  const user = userEvent.setup();
  render(
    <PatientView
      trials={PATIENT_TRIALS}
      dataDate="2025-09-25"
      locale="en-US"
      pageUrl={PAGE}
      {...props}
    />,
  );
  return user;
}

function cardTitles(): string[] {
  return screen
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading', { level: 3 }).textContent ?? '');
}

function card(title: string): HTMLElement {
  const article = screen
    .getAllByRole('article')
    .find((a) => within(a).queryByRole('heading', { level: 3, name: title }) !== null);
  if (!article) throw new Error(`no card for ${title}`);
  return article;
}

/** jsdom has no Geolocation API: give the page one for a test (the browser's API, not our code). */
function stubGeolocation(getCurrentPosition: Geolocation['getCurrentPosition']) {
  Object.defineProperty(window.navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition },
  });
}

async function chooseCondition(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.selectOptions(
    screen.getByRole('combobox', { name: 'My condition' }),
    screen.getByRole('option', { name }),
  );
}

beforeEach(() => {
  window.localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(window.navigator, 'geolocation');
});

describe('PatientView: condition and order', () => {
  it('offers every condition by its plain name', () => {
    renderView();
    const select = screen.getByRole('combobox', { name: 'My condition' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    for (const id of DISEASE_IDS) expect(options).toContain(PLAIN_DISEASE_NAMES[id]);
    expect(options).toContain('Multiple sclerosis (MS)');
  });

  it('shows recruiting and not-yet-recruiting trials of the chosen condition first, closed ones after', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Trials for Multiple sclerosis (MS)' }),
    ).toBeInTheDocument();
    expect(cardTitles()).toEqual([
      MS_CHICAGO.title,
      MS_YOUNG.title,
      MS_LONDON.title,
      MS_COMPLETED.title,
    ]);
    expect(screen.queryByRole('heading', { name: SSC_WOMEN.title })).not.toBeInTheDocument();
    expect(screen.getByText('Trials not recruiting now (1)')).toBeInTheDocument();
    expect(screen.getByText(/3 trials recruiting or about to recruit/)).toBeInTheDocument();
  });

  it('shows other cell therapies only when asked', async () => {
    const user = renderView();
    await chooseCondition(user, 'Lupus (SLE), including lupus nephritis');
    expect(screen.queryByRole('heading', { name: LUPUS_CART.title })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Also show other cell therapies/ }));
    expect(
      within(card(LUPUS_CART.title)).getByRole('button', { name: /CAR-T cell therapy/ }),
    ).toBeInTheDocument();
  });

  it('reports a condition change to the app and follows the disease it is given', async () => {
    const onDiseaseChange = vi.fn();
    const user = renderView({ disease: 'systemic-sclerosis', onDiseaseChange });
    expect(cardTitles()).toEqual([SSC_WOMEN.title]);
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    expect(onDiseaseChange).toHaveBeenCalledWith('multiple-sclerosis');
  });
});

describe('PatientView: plain language', () => {
  it('explains what is tested, whose cells, the phase and the status of each trial', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    const chicago = card(MS_CHICAGO.title);
    expect(
      within(chicago).getByText(/your own stem cells \(or cells\) are used/),
    ).toBeInTheDocument();
    expect(
      within(chicago).getByText(/A large study comparing it with the usual treatment/),
    ).toBeInTheDocument();
    expect(within(chicago).getByText(/Looking for participants now/)).toBeInTheDocument();
    expect(
      within(card(MS_YOUNG.title)).getByText(/a donor's stem cells \(or cells\) are used/),
    ).toBeInTheDocument();
    expect(
      within(chicago).getByText('Ages: 18 to 55 years. Sex: All sexes. The full', { exact: false }),
    ).toBeInTheDocument();
  });

  it('opens a plain definition from a term in a card, and links to the glossary', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    await user.click(within(card(MS_CHICAGO.title)).getByRole('button', { name: /^Autologous/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Autologous' });
    expect(within(dialog).getByText(/Using your own cells/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'All terms in the glossary' })).toHaveAttribute(
      'href',
      '#patient-glossary-autologous',
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const glossary = screen.getByRole('region', { name: 'Glossary: words used on this page' });
    expect(within(glossary).getByText('Mobilisation')).toBeInTheDocument();
    expect(
      within(glossary).getByText(/graft-versus-host disease/, { selector: 'dt' }),
    ).toBeInTheDocument();
  });

  it('says that trials carry risks and that the trial team decides', () => {
    renderView();
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent(/graft-versus-host disease \(GVHD\)/);
    expect(note).toHaveTextContent(/decided by the trial team/);
    expect(screen.getByText(/as of 25 September 2025/)).toBeInTheDocument();
  });
});

describe('PatientView: eligibility quick check', () => {
  it('marks trials outside the stated age range and keeps them listed', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    await user.type(screen.getByRole('textbox', { name: 'Your age (years)' }), '35');
    expect(
      within(card(MS_YOUNG.title)).getByRole('list', { name: 'Quick check' }),
    ).toHaveTextContent('Outside the stated age range (the trial states: 18 to 30 years)');
    expect(
      within(card(MS_CHICAGO.title)).queryByRole('list', { name: 'Quick check' }),
    ).not.toBeInTheDocument();
    expect(cardTitles()).toContain(MS_YOUNG.title);
    expect(
      screen.getByText(/1 trial is marked as outside the age range or sex criteria/),
    ).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/\beligible\b/i);
  });

  it('marks trials outside the stated sex criteria', async () => {
    const user = renderView();
    await chooseCondition(user, 'Systemic sclerosis (scleroderma)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sex' }), 'Male');
    expect(
      within(card(SSC_WOMEN.title)).getByText(/Outside the stated sex criteria/),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sex' }), 'Female');
    expect(
      within(card(SSC_WOMEN.title)).queryByText(/Outside the stated sex criteria/),
    ).not.toBeInTheDocument();
  });

  it('asks for a whole number when the age cannot be read', async () => {
    const user = renderView();
    const age = screen.getByRole('textbox', { name: 'Your age (years)' });
    await user.type(age, 'abc');
    expect(age).toHaveAttribute('aria-invalid', 'true');
    expect(age).toHaveAccessibleDescription(/Enter your age as a whole number/);
  });
});

describe('PatientView: contacts', () => {
  it('links phone numbers with tel: and e-mail addresses with mailto:, and links the full record', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    const chicago = card(MS_CHICAGO.title);
    expect(
      within(chicago).getByRole('link', { name: '+1 (312) 555-0100 ext. 12' }),
    ).toHaveAttribute('href', 'tel:+13125550100;ext=12');
    expect(within(chicago).getByRole('link', { name: 'ms-hsct@example.org' })).toHaveAttribute(
      'href',
      'mailto:ms-hsct@example.org',
    );
    expect(within(chicago).getByRole('link', { name: '312-555-0199' })).toHaveAttribute(
      'href',
      'tel:3125550199',
    );
    expect(
      within(chicago).getByRole('link', { name: /Full record on ClinicalTrials.gov/ }),
    ).toHaveAttribute('href', MS_CHICAGO.url);
    expect(
      within(card(MS_LONDON.title)).getByText(/The record lists no contact/),
    ).toBeInTheDocument();
  });
});

describe('PatientView: near me', () => {
  it('sorts by distance from a chosen site city and shows each trial’s nearest recruiting site in miles', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    await user.click(
      screen.getByRole('combobox', { name: 'Or type a place, US ZIP code or UK postcode' }),
    );
    await user.keyboard('Milw');
    await user.click(
      await screen.findByRole('option', { name: 'Milwaukee, Wisconsin, United States' }),
    );
    expect(
      screen.getByText('Distances are measured from Milwaukee, Wisconsin, United States.'),
    ).toBeInTheDocument();
    expect(cardTitles().slice(0, 3)).toEqual([MS_YOUNG.title, MS_CHICAGO.title, MS_LONDON.title]);
    expect(
      within(card(MS_CHICAGO.title)).getByText(
        /Nearest recruiting site: Lakeside Hospital, Chicago, Illinois, United States \(8\d miles away\)/,
      ),
    ).toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Show trials with a site within' }),
      '50 miles',
    );
    expect(cardTitles()).toEqual([MS_YOUNG.title]);
    expect(
      screen.getByText(/Not listed: 3 trials with no site within 50 miles/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all distances' }));
    expect(cardTitles()).toHaveLength(4);
  });

  it('uses the device position when allowed', async () => {
    const getCurrentPosition = vi.fn((success: PositionCallback) => {
      success({ coords: { latitude: 41.8781, longitude: -87.6298 } } as GeolocationPosition);
    });
    stubGeolocation(getCurrentPosition);
    const user = renderView({ locale: 'de-DE' });
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    await user.click(screen.getByRole('button', { name: 'Use my location' }));
    expect(screen.getByText('Distances are measured from your location.')).toBeInTheDocument();
    expect(within(card(MS_CHICAGO.title)).getByText(/\(2\.1 km away\)/)).toBeInTheDocument();
    expect(cardTitles()[0]).toBe(MS_CHICAGO.title);
  });

  it('explains clearly when location permission is denied', async () => {
    stubGeolocation((_ok, fail) =>
      fail?.({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError),
    );
    const user = renderView();
    await user.click(screen.getByRole('button', { name: 'Use my location' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Location permission was denied/);
    expect(screen.getByRole('alert')).toHaveTextContent(/choose a place from the list instead/);
  });
});

describe('PatientView: shortlist', () => {
  it('saves and removes trials, keeps them in local storage, and gives a link that reopens them', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    await user.click(
      within(card(MS_CHICAGO.title)).getByRole('button', { name: /Save to my shortlist/ }),
    );
    await user.click(
      within(card(MS_LONDON.title)).getByRole('button', { name: /Save to my shortlist/ }),
    );

    const panel = screen.getByRole('region', { name: 'My shortlist (2)' });
    expect(
      within(panel)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([MS_CHICAGO.title, MS_LONDON.title]);
    expect(within(panel).getByRole('link', { name: 'ms-hsct@example.org' })).toHaveAttribute(
      'href',
      'mailto:ms-hsct@example.org',
    );
    expect(JSON.parse(window.localStorage.getItem(SHORTLIST_STORAGE_KEY) ?? '[]')).toEqual([
      MS_CHICAGO.nctId,
      MS_LONDON.nctId,
    ]);
    expect(within(panel).getByRole('textbox', { name: 'Link that reopens this list' })).toHaveValue(
      `https://dashboard.example/?view=patient&shortlist=${MS_CHICAGO.nctId},${MS_LONDON.nctId}`,
    );

    await user.click(within(panel).getByRole('button', { name: 'Copy link to this list' }));
    expect(await within(panel).findByText('Link copied.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toContain(
      `shortlist=${MS_CHICAGO.nctId},${MS_LONDON.nctId}`,
    );

    await user.click(
      within(card(MS_CHICAGO.title)).getByRole('button', { name: /Remove from my shortlist/ }),
    );
    expect(screen.getByRole('region', { name: 'My shortlist (1)' })).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(SHORTLIST_STORAGE_KEY) ?? '[]')).toEqual([
      MS_LONDON.nctId,
    ]);
  });

  it('prints the shortlist', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    window.localStorage.setItem(SHORTLIST_STORAGE_KEY, JSON.stringify([MS_CHICAGO.nctId]));
    const user = renderView();
    await user.click(screen.getByRole('button', { name: 'Print this list' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('restores the saved shortlist and shows a shared one that can be kept', async () => {
    window.localStorage.setItem(SHORTLIST_STORAGE_KEY, JSON.stringify([MS_LONDON.nctId]));
    const user = renderView({ sharedShortlist: `${SSC_WOMEN.nctId},NCT99999999,not-an-id` });
    const shared = screen.getByRole('region', { name: 'Shortlist shared with you (2)' });
    expect(within(shared).getByRole('heading', { name: SSC_WOMEN.title })).toBeInTheDocument();
    expect(within(shared).getByText(/not in the current data/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'My shortlist (1)' })).toBeInTheDocument();
    await user.click(within(shared).getByRole('button', { name: 'Save these to my shortlist' }));
    expect(screen.getByRole('region', { name: 'My shortlist (3)' })).toBeInTheDocument();
  });
});

describe('PatientView: map of sites', () => {
  it('loads the map of the listed trials’ sites with a list of sites by country', async () => {
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    const map = await screen.findByRole('region', { name: 'Map of trial sites' });
    const table = await within(map).findByRole('table', { name: 'Trial sites by country' });
    expect(within(table).getByRole('row', { name: 'United States 3 2 3' })).toBeInTheDocument();
  });
});

describe('PatientView: the issue’s done-when', () => {
  it('lets a 35-year-old with MS near Chicago see recruiting transplant trials by distance and print whom to call', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const user = renderView();
    await chooseCondition(user, 'Multiple sclerosis (MS)');
    await user.type(screen.getByRole('textbox', { name: 'Your age (years)' }), '35');
    await user.click(
      screen.getByRole('combobox', { name: 'Or type a place, US ZIP code or UK postcode' }),
    );
    await user.keyboard('Chicago');
    await user.click(
      await screen.findByRole('option', { name: 'Chicago, Illinois, United States' }),
    );

    expect(cardTitles().slice(0, 3)).toEqual([MS_CHICAGO.title, MS_YOUNG.title, MS_LONDON.title]);
    expect(
      within(card(MS_CHICAGO.title)).getByText(
        /Nearest recruiting site: .*\(less than 1 mile away\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(card(MS_YOUNG.title)).getByText(/Outside the stated age range/),
    ).toBeInTheDocument();

    await user.click(
      within(card(MS_CHICAGO.title)).getByRole('button', { name: /Save to my shortlist/ }),
    );
    const panel = screen.getByRole('region', { name: 'My shortlist (1)' });
    expect(within(panel).getByRole('link', { name: '312-555-0199' })).toHaveAttribute(
      'href',
      'tel:3125550199',
    );
    await user.click(within(panel).getByRole('button', { name: 'Print this list' }));
    expect(print).toHaveBeenCalledOnce();
    expect(panel).toHaveClass('patient-is-print-target');
  });
});

describe('PatientView: data without site positions', () => {
  it('says distances cannot be measured instead of offering an empty place list', () => {
    const unplaced = PATIENT_TRIALS.map((t) => ({
      ...t,
      locations: t.locations.map(({ lat: _lat, lon: _lon, ...rest }) => rest),
    }));
    render(<PatientView trials={unplaced} pageUrl={PAGE} />);
    expect(
      screen.getByText(/give no map positions for their sites, so distances cannot be measured/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use my location' })).not.toBeInTheDocument();
  });
});

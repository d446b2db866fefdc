/**
 * Atom feeds of the change ledger: one for everything, one per disease, one per therapy, one per
 * disease × transplant type. The feed list is defined here once: the snapshot writes the files, the app
 * lists the ones that have entries. Pure: no file system, no fetch.
 */
import { DEFAULT_FILTERS, type TrialFilters } from './filters.ts';
import { DISEASE_IDS, DISEASE_LABELS, type DiseaseId } from './diseases.ts';
import {
  describeLedgerEntry,
  ledgerEntryId,
  newestFirst,
  type Ledger,
  type LedgerEntry,
  type LedgerTrial,
} from './ledger.ts';
import {
  THERAPIES,
  THERAPY_LABELS,
  TRANSPLANT_TYPES,
  type Therapy,
  type TransplantType,
} from './trial.ts';

/** Newest entries a feed keeps. */
export const FEED_MAX_ENTRIES = 100;
/** Folder of the feeds under the site root (public/ in the repository). */
export const FEEDS_DIR = 'feeds';
const ID_PREFIX = 'urn:hsct-trials-dashboard';

export type FeedSpec = {
  /** all | disease-<id> | therapy-<id> | disease-<id>-<type>; the file is feeds/<key>.xml. */
  key: string;
  title: string;
  disease?: DiseaseId;
  therapy?: Therapy;
  transplantType?: TransplantType;
};

/** The site path of a feed, relative to the site root. */
export const feedPath = (spec: FeedSpec): string => `${FEEDS_DIR}/${spec.key}.xml`;

/** A transplant type in a feed title ("Lupus, autologous transplant"). */
const TYPE_WORDS: Record<TransplantType, string> = {
  autologous: 'autologous transplant',
  allogeneic: 'allogeneic transplant',
  both: 'autologous and allogeneic transplant',
  unspecified: 'transplant type not stated',
};

const ALL_FEED: FeedSpec = { key: 'all', title: 'All changes' };

/** Every feed there can be, broadest first. */
export function feedSpecs(): FeedSpec[] {
  return [
    ALL_FEED,
    ...DISEASE_IDS.map((disease) => ({
      key: `disease-${disease}`,
      title: DISEASE_LABELS[disease],
      disease,
    })),
    ...THERAPIES.map((therapy) => ({
      key: `therapy-${therapy}`,
      title: THERAPY_LABELS[therapy],
      therapy,
    })),
    ...DISEASE_IDS.flatMap((disease) =>
      TRANSPLANT_TYPES.map((transplantType) => ({
        key: `disease-${disease}-${transplantType}`,
        title: `${DISEASE_LABELS[disease]}, ${TYPE_WORDS[transplantType]}`,
        disease,
        transplantType,
      })),
    ),
  ];
}

export function feedMatches(spec: FeedSpec, trial: LedgerTrial): boolean {
  if (spec.disease !== undefined && !trial.diseases.includes(spec.disease)) return false;
  if (spec.therapy !== undefined && trial.therapy !== spec.therapy) return false;
  if (spec.transplantType !== undefined && trial.transplantType !== spec.transplantType)
    return false;
  return true;
}

/** The entries of a feed, newest first, at most `max`. */
export function feedEntries(
  ledger: Ledger,
  spec: FeedSpec,
  max: number = FEED_MAX_ENTRIES,
): LedgerEntry[] {
  return ledger.entries
    .filter((e) => {
      const trial = ledger.trials[e.nctId];
      return trial !== undefined && feedMatches(spec, trial);
    })
    .sort(newestFirst)
    .slice(0, max);
}

/** The feeds that have entries ("all" always), with their entry counts (before the cap). */
export function availableFeeds(ledger: Ledger): { spec: FeedSpec; count: number }[] {
  const specs = feedSpecs();
  const counts = new Map<string, number>(specs.map((s) => [s.key, 0]));
  for (const e of ledger.entries) {
    const trial = ledger.trials[e.nctId];
    if (trial === undefined) continue;
    for (const s of specs)
      if (feedMatches(s, trial)) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  }
  return specs
    .map((spec) => ({ spec, count: counts.get(spec.key) ?? 0 }))
    .filter(({ spec, count }) => spec === ALL_FEED || count > 0);
}

const NARROWING_KEYS = [
  'phase',
  'status',
  'country',
  'sponsor',
] as const satisfies readonly (keyof TrialFilters)[];

/**
 * The narrowest feed that holds every change of the trials the filters show: disease × type, else
 * disease, else therapy, else all. `exact` when the feed shows no more than the filters (no other
 * filter narrows the view further).
 */
export function feedForFilters(filters: TrialFilters): { spec: FeedSpec; exact: boolean } {
  const disease = filters.disease.length === 1 ? filters.disease[0] : undefined;
  const type = filters.type.length === 1 ? filters.type[0] : undefined;
  const therapy = filters.therapy.length === 1 ? filters.therapy[0] : undefined;
  const specs = feedSpecs();
  const find = (want: Partial<FeedSpec>) =>
    specs.find(
      (s) =>
        s.disease === want.disease &&
        s.therapy === want.therapy &&
        s.transplantType === want.transplantType,
    ) ?? ALL_FEED;
  const spec =
    disease !== undefined && type !== undefined
      ? find({ disease, transplantType: type })
      : disease !== undefined
        ? find({ disease })
        : therapy !== undefined
          ? find({ therapy })
          : ALL_FEED;
  const narrowed =
    NARROWING_KEYS.some((k) => filters[k].length > 0) ||
    filters.from !== DEFAULT_FILTERS.from ||
    filters.to !== DEFAULT_FILTERS.to ||
    filters.results ||
    filters.q.trim() !== '' ||
    filters.disease.length > 1 ||
    filters.type.length > 1 ||
    (spec.therapy === undefined && filters.therapy.length > 0) ||
    (spec.disease === undefined && filters.disease.length > 0) ||
    (spec.transplantType === undefined && filters.type.length > 0);
  return { spec, exact: !narrowed };
}

// ------------------------------------------------------------------------------------------------
// Atom

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type AtomOptions = {
  /**
   * The dashboard's address (e.g. https://example.org/trials/). Without it, links are relative to the
   * feed file (../?trial=…), which feed readers resolve against the feed's own URL.
   */
  siteUrl?: string;
  /** When the feed was generated (ISO date-time): the feed's <updated> when it has no entries. */
  generatedAt: string;
  max?: number;
};

/** The dashboard URL of a trial, seen from a feed file. */
export function dashboardTrialUrl(nctId: string, siteUrl?: string): string {
  const query = `?trial=${encodeURIComponent(nctId)}`;
  if (siteUrl === undefined) return `../${query}`;
  return `${siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`}${query}`;
}

const recordUrl = (nctId: string) =>
  `https://clinicaltrials.gov/study/${encodeURIComponent(nctId)}`;

/** Atom wants a full date-time. */
const atomDate = (date: string): string => (date.length === 10 ? `${date}T00:00:00Z` : date);

function entryXml(e: LedgerEntry, trial: LedgerTrial | undefined, options: AtomOptions): string {
  const what = describeLedgerEntry(e);
  const title = trial === undefined ? `${e.nctId}: ${what}` : `${trial.title}: ${what}`;
  const dates =
    e.updated === undefined
      ? `Seen in the registry data of ${e.dataDate}.`
      : `Record updated ${e.updated}; seen in the registry data of ${e.dataDate}.`;
  const summary = `${what}. ${e.nctId}. ${dates}`;
  const categories = trial
    ? [
        ...trial.diseases.map((d) => ({ term: `disease-${d}`, label: DISEASE_LABELS[d] })),
        { term: `therapy-${trial.therapy}`, label: THERAPY_LABELS[trial.therapy] },
        { term: `kind-${e.kind}`, label: e.kind },
      ]
    : [{ term: `kind-${e.kind}`, label: e.kind }];
  return [
    '  <entry>',
    `    <id>${escapeXml(`${ID_PREFIX}:ledger:${ledgerEntryId(e)}`)}</id>`,
    `    <title>${escapeXml(title)}</title>`,
    `    <updated>${escapeXml(atomDate(e.dataDate))}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(dashboardTrialUrl(e.nctId, options.siteUrl))}"/>`,
    `    <link rel="related" type="text/html" title="The record on ClinicalTrials.gov" href="${escapeXml(recordUrl(e.nctId))}"/>`,
    ...categories.map(
      (c) => `    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`,
    ),
    `    <summary type="text">${escapeXml(summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** The Atom document of one feed: the newest `max` entries (FEED_MAX_ENTRIES by default). */
export function atomFeed(ledger: Ledger, spec: FeedSpec, options: AtomOptions): string {
  const entries = feedEntries(ledger, spec, options.max ?? FEED_MAX_ENTRIES);
  const newest = entries[0];
  const updated = newest === undefined ? options.generatedAt : atomDate(newest.dataDate);
  const self =
    options.siteUrl === undefined
      ? `${spec.key}.xml`
      : `${options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`}${feedPath(spec)}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(`${ID_PREFIX}:feed:${spec.key}`)}</id>`,
    `  <title>${escapeXml(`HSCT Trials Dashboard: ${spec.title}`)}</title>`,
    `  <subtitle>${escapeXml('What changed in the registered trials, from the nightly snapshot of ClinicalTrials.gov: new trials, status, enrollment, dates, results, phase and classification.')}</subtitle>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    '  <author><name>HSCT Trials Dashboard</name></author>',
    '  <generator>HSCT Trials Dashboard change ledger</generator>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.siteUrl ?? '../')}"/>`,
    ...entries.map((e) => entryXml(e, ledger.trials[e.nctId], options)),
    '</feed>',
    '',
  ].join('\n');
}

import type { FeedSpec } from '../../domain/feeds.ts';
import { pluralize } from '../../lib/format.ts';
import './ledger.css';

export type FeedLinksProps = {
  /** The feeds with entries ("All changes" always). */
  feeds: readonly { spec: FeedSpec; count: number }[];
  /** The feed of the current filters, or the narrowest feed that holds them. */
  current?: { spec: FeedSpec; exact: boolean } | undefined;
  hrefOf: (spec: FeedSpec) => string;
};

const feedTitle = (spec: FeedSpec) => `HSCT Trials Dashboard: ${spec.title}`;

/**
 * The site's own Atom feeds of the change ledger: the one for the current filters first, then every
 * feed that has entries. Also puts the current feed in the page head (<link rel="alternate">, hoisted
 * by React) so that a browser or feed reader finds it from the page.
 */
export function FeedLinks({ feeds, current, hrefOf }: FeedLinksProps) {
  return (
    <>
      {current !== undefined ? (
        <>
          <link
            rel="alternate"
            type="application/atom+xml"
            title={feedTitle(current.spec)}
            href={hrefOf(current.spec)}
          />
          <a href={hrefOf(current.spec)} type="application/atom+xml">
            {current.exact
              ? `Atom feed of these filters: ${current.spec.title}`
              : `Closest Atom feed: ${current.spec.title} (wider than these filters)`}
          </a>
        </>
      ) : null}
      <details className="ledger-feed-links">
        <summary>All Atom feeds of changes ({feeds.length})</summary>
        <ul>
          {feeds.map(({ spec, count }) => (
            <li key={spec.key}>
              <a href={hrefOf(spec)} type="application/atom+xml">
                {spec.title}
              </a>{' '}
              <span className="ledger-note">({pluralize(count, 'change')})</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

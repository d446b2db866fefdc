/** The single-series exploration charts: status, top countries, sponsor class. */
import { memo } from 'react';
import { countByCountry, countBySponsorClass, countByStatus } from '../../domain/aggregate.ts';
import type { Trial } from '../../domain/trial.ts';
import { formatCount, pluralize } from '../../lib/format.ts';
import { CategoryBarChart } from './category-bar-chart.tsx';
import { leaderFinding, shareText } from './findings.ts';
import type { CrossFilter } from './filter-chart-panel.tsx';

type Props = { trials: readonly Trial[] } & Partial<CrossFilter>;

function filterOf({ selected, onToggle }: Partial<CrossFilter>) {
  return onToggle ? { filter: { selected: selected ?? [], onToggle } } : {};
}

/** Trials per overall recruitment status. */
export const StatusChart = memo(function StatusChart({ trials, ...cross }: Props) {
  const rows = countByStatus(trials).map((r) => ({ key: r.value, label: r.label, count: r.count }));
  const recruiting = rows.find((r) => r.key === 'RECRUITING')?.count ?? 0;
  return (
    <CategoryBarChart
      title="Trials by status"
      finding={
        trials.length === 0 ? undefined : `Recruiting now: ${shareText(recruiting, trials.length)}`
      }
      count={trials.length}
      description="Overall recruitment status as last reported by the sponsor."
      category="Status"
      rows={rows}
      summaryPrefix="Bar chart of trials by status"
      labelWidth={170}
      {...filterOf(cross)}
    />
  );
});

/** Countries with the most trials (a trial counts once in each of its site countries). */
export const CountryChart = memo(function CountryChart({ trials, ...cross }: Props) {
  const { rows, countries, noCountry } = countByCountry(trials, 15);
  const note =
    countries > rows.length
      ? `Top ${rows.length} of ${formatCount(countries)} countries.`
      : `${pluralize(countries, 'country', 'countries')}.`;
  return (
    <CategoryBarChart
      title="Trials by country"
      finding={leaderFinding(
        rows,
        trials.length,
        (label, share) => `${label} has the most: ${share} have a site there`,
      )}
      count={trials.length}
      description={`${note} A trial counts once in each country with a site${noCountry > 0 ? `; ${pluralize(noCountry, 'trial lists', 'trials list')} no site` : ''}.`}
      category="Country"
      rows={rows.map((r) => ({ key: r.value, label: r.label, count: r.count }))}
      summaryPrefix="Bar chart of trials by country"
      labelWidth={170}
      {...filterOf(cross)}
    />
  );
});

/** Trials per lead sponsor class. */
export const SponsorChart = memo(function SponsorChart({ trials, ...cross }: Props) {
  const rows = countBySponsorClass(trials).map((r) => ({
    key: r.value,
    label: r.label,
    count: r.count,
  }));
  return (
    <CategoryBarChart
      title="Trials by sponsor class"
      finding={leaderFinding(rows, trials.length, (label, share) =>
        label === 'Other'
          ? `Most are led by universities and hospitals (“Other”): ${share}`
          : `${label} sponsors lead the most: ${share}`,
      )}
      count={trials.length}
      description="The class the registry gives the lead sponsor: most transplant trials are led by universities and hospitals (“Other”)."
      category="Sponsor class"
      rows={rows}
      summaryPrefix="Bar chart of trials by sponsor class"
      labelWidth={190}
      {...filterOf(cross)}
    />
  );
});

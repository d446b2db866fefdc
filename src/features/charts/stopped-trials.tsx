import { memo, useState } from 'react';
import { Panel } from '../../components/panel.tsx';
import { stoppedTrials } from '../../domain/aggregate.ts';
import { STATUS_LABELS, type KnownStatus, type Trial } from '../../domain/trial.ts';
import { formatCount, pluralize } from '../../lib/format.ts';
import './charts.css';

export type StoppedTrialsProps = {
  trials: readonly Trial[];
  /** Open the trial detail. */
  onSelectTrial?: (nctId: string) => void;
};

const FIRST = 8;

/** Terminated, suspended and withdrawn trials with the reason the record states. */
export const StoppedTrials = memo(function StoppedTrials({
  trials,
  onSelectTrial,
}: StoppedTrialsProps) {
  const stopped = stoppedTrials(trials);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? stopped : stopped.slice(0, FIRST);
  return (
    <Panel
      title="Stopped trials"
      className="panel-wide"
      description={
        stopped.length === 0
          ? 'None of these trials was terminated, suspended or withdrawn.'
          : `${pluralize(stopped.length, 'trial was', 'trials were')} terminated, suspended or withdrawn. The reason is as the sponsor stated it.`
      }
    >
      {stopped.length > 0 ? (
        <ul className="charts-stopped-list">
          {shown.map((t) => (
            <li key={t.nctId}>
              <span className="charts-stopped-status">
                {STATUS_LABELS[t.status as KnownStatus] ?? t.status}
              </span>{' '}
              {onSelectTrial ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSelectTrial(t.nctId)}
                >
                  {t.title}
                </button>
              ) : (
                <a href={t.url}>{t.title}</a>
              )}{' '}
              <span className="charts-stopped-meta">
                ({t.nctId}
                {t.startYear !== undefined ? `, started ${t.startYear}` : ''})
              </span>
              <p className="charts-stopped-reason">
                {t.whyStopped ? `Reason: ${t.whyStopped}` : 'No reason stated.'}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {stopped.length > FIRST ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setShowAll((v) => !v)}
          aria-expanded={showAll}
        >
          {showAll ? 'Show fewer' : `Show all ${formatCount(stopped.length)}`}
        </button>
      ) : null}
    </Panel>
  );
});

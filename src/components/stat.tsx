import { useId, type ReactNode } from 'react';

export type StatProps = {
  label: string;
  value: ReactNode;
  /** Small print under the value (e.g. how it was computed). */
  note?: ReactNode;
};

/** One labelled headline figure: a group named by its label, holding the value. */
export function Stat({ label, value, note }: StatProps) {
  const labelId = useId();
  return (
    <div className="stat" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="stat-label">
        {label}
      </span>
      <span className="stat-value">{value}</span>
      {note ? <span className="stat-note">{note}</span> : null}
    </div>
  );
}

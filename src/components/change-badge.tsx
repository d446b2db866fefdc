import './change-badge.css';

export type ChangeBadgeProps = {
  kind: 'new' | 'updated';
  /** What changed, one short sentence each (e.g. 'Status: Recruiting → Completed'). */
  details?: readonly string[];
};

/** "New" or "Changed" since the visitor's last visit, with what changed, as text. */
export function ChangeBadge({ kind, details = [] }: ChangeBadgeProps) {
  return (
    <span className={`change-badge change-badge-${kind}`}>
      {/* Spaces (not drawn in the flex box) keep the words apart for screen readers and copy. */}{' '}
      <span className="change-badge-label">{kind === 'new' ? 'New' : 'Changed'}</span>
      {details.length > 0 ? (
        <span className="change-badge-details">
          <span className="visually-hidden">: </span>
          {details.join('; ')}
        </span>
      ) : null}{' '}
    </span>
  );
}

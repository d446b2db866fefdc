import { useId, type ReactNode } from 'react';

export type PanelProps = {
  /** The panel's heading, which names the section. */
  title: string;
  /** The line under the heading. */
  description: ReactNode;
  className?: string;
  children?: ReactNode;
};

/** A titled dashboard panel: a section named by its heading, a line of description, the content. */
export function Panel({ title, description, className, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {title}
      </h2>
      <p className="panel-description">{description}</p>
      {children}
    </section>
  );
}

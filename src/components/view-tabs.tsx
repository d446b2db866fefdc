import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export type ViewTab<Id extends string> = {
  id: Id;
  label: ReactNode;
  /** Rendered only while this tab is selected. */
  panel: ReactNode;
};

export type ViewTabsProps<Id extends string> = {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly ViewTab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  className?: string;
  listClassName?: string;
  tabClassName?: string;
  panelClassName?: string;
};

/**
 * Tabs following the WAI-ARIA tabs pattern with automatic activation: one tab stop (the selected tab);
 * Left/Right arrows (wrapping), Home and End move to a tab and select it; the selected panel is labelled
 * by its tab and is itself focusable. Only the selected panel is rendered.
 *
 * Written here rather than taken from a component library: the first view needs only this, and the
 * library's locale detection at import time (Intl) cost a long task on phones.
 */
export function ViewTabs<Id extends string>({
  label,
  tabs,
  selected,
  onSelect,
  className,
  listClassName,
  tabClassName,
  panelClassName,
}: ViewTabsProps<Id>) {
  const base = useId();
  const tabRefs = useRef(new Map<Id, HTMLButtonElement>());
  const tabId = (id: Id) => `${base}-tab-${id}`;
  const panelId = (id: Id) => `${base}-panel-${id}`;
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index <= 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const next = tabs[target];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className={listClassName} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) tabRefs.current.set(tab.id, el);
                else tabRefs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId(tab.id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              className={tabClassName}
              onClick={() => {
                if (!isSelected) onSelect(tab.id);
              }}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={panelId(current.id)}
          aria-labelledby={tabId(current.id)}
          tabIndex={0}
          className={panelClassName}
        >
          {current.panel}
        </div>
      ) : null}
    </div>
  );
}

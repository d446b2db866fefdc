import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';

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
 * Left/Right arrows (wrapping), Home and End move to a tab and select it (with no modifier key, so
 * Alt+Left still goes back); the selected panel is labelled by its tab, and is itself a tab stop only
 * while it holds nothing focusable. Only the selected panel is rendered.
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

  const panel = useRef<HTMLDivElement>(null);
  const panelFocusable = usePanelNeedsTabStop(panel, current?.id);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
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
    if (next.id !== current?.id) onSelect(next.id);
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
          ref={panel}
          role="tabpanel"
          id={panelId(current.id)}
          aria-labelledby={tabId(current.id)}
          tabIndex={panelFocusable ? 0 : undefined}
          className={panelClassName}
        >
          {current.panel}
        </div>
      ) : null}
    </div>
  );
}

const FOCUSABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable=""], [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/**
 * Whether the panel should be a tab stop itself: only while nothing inside it can take the focus
 * (its content may arrive later, lazily loaded, so it is watched).
 */
function usePanelNeedsTabStop(
  panel: RefObject<HTMLDivElement | null>,
  selected: string | undefined,
): boolean {
  const [needs, setNeeds] = useState(true);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const check = () => setNeeds(element.querySelector(FOCUSABLE) === null);
    check();
    const observer = new MutationObserver(check);
    observer.observe(element, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['tabindex', 'disabled', 'href'],
    });
    return () => observer.disconnect();
  }, [panel, selected]);
  return needs;
}

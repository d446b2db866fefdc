/**
 * The chart drawings (Recharts, the largest library of the app), loaded lazily. Everything else of a
 * chart panel (title, finding, unit, source line, data table) is light and renders with the first data;
 * only the drawing waits for this chunk. The panel reserves the drawing's height meanwhile, so nothing
 * moves when it arrives.
 */
import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useState,
  type ComponentType,
} from 'react';
import type { CategoryBarsProps } from './category-bars.tsx';
import type { StackedBarChartProps } from './stacked-bar-chart.tsx';
import type { YearColumnsProps } from './year-columns.tsx';
import { whenFirstScreenShown } from '../../lib/first-screen.ts';

/**
 * The width of the chart area the drawings are drawn in (pixels), when the panel knows it: a drawing
 * then has that fixed width instead of measuring its container (Recharts' `responsive`), which drew
 * every chart twice on its first draw (at 100 px, then at the width it measured) and forced a layout.
 */
export const ChartWidthContext = createContext<number | undefined>(undefined);

/** What every drawing gets besides its own props: the width it is drawn at, when known. */
export type DrawingWidth = { width?: number | undefined };

/**
 * A component drawn by a lazily loaded module: nothing until the module is there (the panel keeps the
 * room), then the drawing. Once loaded it renders synchronously on every later mount (printing draws
 * every chart in one synchronous render); a failed load reaches the panel's error boundary, whose
 * "Try again" loads it again.
 */
function lazyDrawing<P extends object>(
  load: () => Promise<ComponentType<P & DrawingWidth>>,
): { Drawing: ComponentType<P>; preload: () => Promise<ComponentType<P & DrawingWidth>> } {
  type Loaded = ComponentType<P & DrawingWidth>;
  let loaded: Loaded | undefined;
  let pending: Promise<Loaded> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Drawing(props: P) {
    const width = useContext(ChartWidthContext);
    const [state, setState] = useState<{ component?: Loaded; error?: Error }>(() =>
      loaded ? { component: loaded } : {},
    );
    useEffect(() => {
      if (state.component !== undefined) return undefined;
      let live = true;
      preload().then(
        (component) => live && startTransition(() => setState({ component })),
        (error: unknown) =>
          live && setState({ error: error instanceof Error ? error : new Error(String(error)) }),
      );
      return () => {
        live = false;
      };
    }, [state.component]);
    if (state.error !== undefined) throw state.error;
    const Component = state.component;
    return Component ? <Component {...props} width={width} /> : null;
  }
  return { Drawing, preload };
}

const categoryBars = lazyDrawing<CategoryBarsProps>(() =>
  import('./category-bars.tsx').then((module) => module.CategoryBars),
);
const stackedBars = lazyDrawing<StackedBarChartProps>(() =>
  import('./stacked-bar-chart.tsx').then((module) => module.StackedBarChart),
);
const yearColumns = lazyDrawing<YearColumnsProps>(() =>
  import('./year-columns.tsx').then((module) => module.YearColumns),
);

export const CategoryBars = categoryBars.Drawing;
export const StackedBars = stackedBars.Drawing;
export const YearColumns = yearColumns.Drawing;

/** Starts loading every drawing. */
function preloadChartDrawings(): Promise<unknown> {
  return Promise.all([categoryBars.preload(), stackedBars.preload(), yearColumns.preload()]);
}

/**
 * Loads the drawings once the first screen with data has been shown (`whenFirstScreenShown`:
 * the result count and the chart panels' titles painted) and the files the page preloads for its first
 * view (the `<link rel="preload">` and `modulepreload` of index.html: the entry's chunks and the
 * dataset) have arrived, or at once when there are none. The chart library is the largest download
 * after those: asked together with them it would slow the dataset (and the result count) down on a slow
 * line; arriving before the first screen's paint, even only downloaded (a modulepreload, run after
 * the paint), it counts in Lighthouse's simulated largest contentful paint (2.4 s became 3.2-3.3 s:
 * docs/performance.md, "Downloading the chart drawings before the first screen"); asked only once a
 * chart's turn came (as before), the first chart waited for it. A chart panel waits for this before
 * its turn to draw.
 */
export function chartDrawingsAfterFirstScreen(): Promise<unknown> {
  return whenFirstScreenShown().then(preloadsArrived).then(preloadChartDrawings);
}

/** Resolves once every file that index.html preloads has arrived (or failed). */
function preloadsArrived(): Promise<void> {
  if (typeof document === 'undefined' || typeof performance === 'undefined') {
    return Promise.resolve();
  }
  // A file that has arrived has its resource timing entry (recorded before the link's load event).
  const pending = [
    ...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"], link[rel="modulepreload"]'),
  ].filter((link) => performance.getEntriesByName(link.href).length === 0);
  return new Promise((resolve) => {
    let left = pending.length;
    if (left === 0) return resolve();
    const arrived = () => {
      left -= 1;
      if (left === 0) resolve();
    };
    for (const link of pending) {
      link.addEventListener('load', arrived, { once: true });
      link.addEventListener('error', arrived, { once: true });
    }
  });
}

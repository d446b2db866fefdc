/**
 * The chart drawings (Recharts, the largest library of the app), loaded lazily. Everything else of a
 * chart panel (title, finding, unit, source line, data table) is light and renders with the first data;
 * only the drawing waits for this chunk, which is loaded once that first screen is shown
 * (src/lib/first-screen.ts). The panel reserves the drawing's height meanwhile, so nothing
 * moves when it arrives.
 */
import { startTransition, useEffect, useState, type ComponentType } from 'react';
import { whenFirstScreenShown } from '../../lib/first-screen.ts';
import type { CategoryBarsProps } from './category-bars.tsx';
import type { StackedBarChartProps } from './stacked-bar-chart.tsx';
import type { YearColumnsProps } from './year-columns.tsx';

/**
 * A component drawn by a lazily loaded module: nothing until the module is there (the panel keeps the
 * room), then the drawing. Once loaded it renders synchronously on every later mount (printing draws
 * every chart in one synchronous render); a failed load reaches the panel's error boundary, whose
 * "Try again" loads it again.
 */
function lazyDrawing<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Drawing: ComponentType<P>; preload: () => Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= whenFirstScreenShown()
      .then(load)
      .then(
        (component) => (loaded = component),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      ));
  function Drawing(props: P) {
    const [state, setState] = useState<{ component?: ComponentType<P>; error?: Error }>(() =>
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
    const Loaded = state.component;
    return Loaded ? <Loaded {...props} /> : null;
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

/** Starts loading every drawing (once the charts are on screen, so that printing finds them loaded). */
export function preloadChartDrawings(): Promise<unknown> {
  return Promise.all([categoryBars.preload(), stackedBars.preload(), yearColumns.preload()]);
}

import { createContext, useContext, type ReactNode, type RefObject } from 'react';

/** What a chart panel tells its actions: its texts and the element that holds the chart's SVG. */
export type ChartActionTarget = {
  title: string;
  chart: RefObject<HTMLElement | null>;
  /** The title that states the finding, the unit line and the source line, as the panel shows them. */
  finding?: string | undefined;
  subtitle?: string | undefined;
  source?: string | undefined;
};

export type RenderChartActions = (target: ChartActionTarget) => ReactNode;

/**
 * Extra buttons under every chart (e.g. "Download SVG" / "Download PNG"), supplied by the app so that
 * chart panels need not know about exporting. Without a provider a chart panel shows no actions.
 */
export const ChartActionsContext = createContext<RenderChartActions | null>(null);

/** The actions for one chart panel (nothing when no provider is set). */
export function ChartActions(target: ChartActionTarget) {
  const render = useContext(ChartActionsContext);
  return render ? <>{render(target)}</> : null;
}

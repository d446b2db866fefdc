import { useCallback } from 'react';
import { ChartActionsContext, type RenderChartActions } from '../components/chart-actions.tsx';
import { ChartDataDateContext } from '../components/chart-source.tsx';
import type { ExportMeta } from '../domain/export/provenance.ts';
import { ChartDownloadButtons } from '../features/share/chart-download-buttons.tsx';
import { ChartsSection, type ChartsSectionProps } from './charts-section.tsx';

export type ChartsWithDownloadsProps = ChartsSectionProps & {
  /** Provenance written into saved chart images. */
  meta: ExportMeta;
};

/** The dashboard charts, each with its source line and "Download SVG" / "Download PNG" buttons. Loaded lazily. */
export function ChartsWithDownloads({ meta, ...props }: ChartsWithDownloadsProps) {
  const count = props.trials.length;
  const render = useCallback<RenderChartActions>(
    (target) => <ChartDownloadButtons {...target} meta={meta} count={count} />,
    [meta, count],
  );
  return (
    <ChartDataDateContext value={meta.dataAsOf}>
      <ChartActionsContext value={render}>
        <ChartsSection {...props} />
      </ChartActionsContext>
    </ChartDataDateContext>
  );
}

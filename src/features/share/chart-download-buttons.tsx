import { useState, type RefObject } from 'react';
import {
  exportFilename,
  provenanceSentence,
  type ExportMeta,
} from '../../domain/export/provenance.ts';
import { downloadChartPng, downloadChartSvg } from './chart-download.ts';
import './share.css';

export type ChartDownloadButtonsProps = {
  /** The chart's title, e.g. "Trials by disease" (file name and the SVG's <title>). */
  title: string;
  /** The element holding the chart's SVG. */
  chart: RefObject<HTMLElement | null>;
  /** Provenance of the view the chart shows. */
  meta: ExportMeta;
  /** Number of trials in the view. */
  count: number;
};

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  );
}

function chartSvg(chart: HTMLElement | null): SVGSVGElement | null {
  if (!chart) return null;
  return chart.querySelector<SVGSVGElement>('svg.recharts-surface') ?? chart.querySelector('svg');
}

/** "Download SVG" and "Download PNG" for one chart, with provenance in the file. */
export function ChartDownloadButtons({ title, chart, meta, count }: ChartDownloadButtonsProps) {
  const [problem, setProblem] = useState('');
  const save = (format: 'svg' | 'png') => {
    const svg = chartSvg(chart.current);
    if (!svg) {
      setProblem('This chart has no picture to save yet.');
      return;
    }
    setProblem('');
    const filename = exportFilename(meta, format, `hsct-trials-${slug(title)}`);
    const chartMeta = { title, description: provenanceSentence(meta, count) };
    if (format === 'svg') downloadChartSvg(svg, filename, chartMeta);
    else
      downloadChartPng(svg, filename, chartMeta).catch((error: unknown) =>
        setProblem(error instanceof Error ? error.message : 'The PNG image could not be made.'),
      );
  };
  return (
    <div className="chart-downloads" role="group" aria-label={`Save the chart “${title}”`}>
      <button type="button" className="button button-quiet" onClick={() => save('svg')}>
        Download SVG
      </button>
      <button type="button" className="button button-quiet" onClick={() => save('png')}>
        Download PNG
      </button>
      <span role="status" className="export-status">
        {problem}
      </span>
    </div>
  );
}

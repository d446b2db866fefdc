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
  /** Texts drawn around the chart in the file, as on the page (see ChartMeta). */
  finding?: string | undefined;
  subtitle?: string | undefined;
  source?: string | undefined;
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

/**
 * The chart's own SVG: the one named for screen readers (role="img"), else the largest. Legend icons
 * are small SVGs of the same class; taking the first SVG found saved a 14-pixel legend square.
 */
export function chartSvg(chart: HTMLElement | null): SVGSVGElement | null {
  if (!chart) return null;
  const named = chart.querySelector<SVGSVGElement>('svg[role="img"]');
  if (named) return named;
  const area = (svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    return box.width * box.height;
  };
  return [...chart.querySelectorAll<SVGSVGElement>('svg')].reduce<SVGSVGElement | null>(
    (best, svg) => (best === null || area(svg) > area(best) ? svg : best),
    null,
  );
}

/** Text and background colour of the panel the chart sits on (light or dark theme). */
function panelColors(chart: HTMLElement): { textColor: string; background: string } {
  const panel = chart.closest<HTMLElement>('.panel') ?? chart;
  const style = getComputedStyle(panel);
  const background =
    style.backgroundColor && style.backgroundColor !== 'rgba(0, 0, 0, 0)'
      ? style.backgroundColor
      : '#ffffff';
  return { textColor: style.color || '#1a1d21', background };
}

/** "Download SVG" and "Download PNG" for one chart, with provenance in the file. */
export function ChartDownloadButtons({
  title,
  finding,
  subtitle,
  source,
  chart,
  meta,
  count,
}: ChartDownloadButtonsProps) {
  const [problem, setProblem] = useState('');
  const save = (format: 'svg' | 'png') => {
    const svg = chartSvg(chart.current);
    if (!svg || !chart.current) {
      setProblem('This chart has no picture to save yet.');
      return;
    }
    setProblem('');
    const filename = exportFilename(meta, format, `hsct-trials-${slug(title)}`);
    const chartMeta = {
      title,
      description: provenanceSentence(meta, count),
      finding,
      subtitle,
      source,
      ...panelColors(chart.current),
    };
    if (format === 'svg') downloadChartSvg(svg, filename, chartMeta);
    else
      downloadChartPng(svg, filename, chartMeta).catch((error: unknown) =>
        setProblem(error instanceof Error ? error.message : 'The PNG image could not be made.'),
      );
  };
  return (
    <div className="share-chart-downloads" role="group" aria-label={`Save the chart “${title}”`}>
      <button type="button" className="button button-quiet" onClick={() => save('svg')}>
        Download SVG
      </button>
      <button type="button" className="button button-quiet" onClick={() => save('png')}>
        Download PNG
      </button>
      <span role="status" className="share-export-status">
        {problem}
      </span>
    </div>
  );
}

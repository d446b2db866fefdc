// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { serializeChartSvg } from '../../../src/features/share/chart-download.ts';

function chart(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML =
    '<style>.bar { fill: rgb(10, 20, 30); }</style>' +
    '<svg width="300" height="150" role="img" aria-label="Trials by disease"><g><rect class="bar" width="40" height="80"></rect>' +
    '<text x="5" y="100">Zürich &amp; 北京</text></g></svg>';
  document.body.append(host);
  return host.querySelector('svg')!;
}

describe('serializeChartSvg', () => {
  it('makes a standalone SVG with a title and a description saying where the data came from', () => {
    const text = serializeChartSvg(chart(), {
      title: 'Trials by disease',
      description:
        'HSCT Trials Dashboard, 12 trials. Data: ClinicalTrials.gov, as of 25 September 2025. <view>',
    });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('width')).toBe('300');
    expect(svg.getAttribute('viewBox')).toBe('0 0 300 150');
    expect(svg.firstElementChild?.tagName).toBe('title');
    expect(svg.firstElementChild?.textContent).toBe('Trials by disease');
    expect(svg.querySelector('desc')?.textContent).toBe(
      'HSCT Trials Dashboard, 12 trials. Data: ClinicalTrials.gov, as of 25 September 2025. <view>',
    );
    expect(svg.querySelector('text')?.textContent).toBe('Zürich & 北京');
  });

  it('inlines the computed styles the chart needs outside the page', () => {
    const doc = new DOMParser().parseFromString(
      serializeChartSvg(chart(), { title: 't', description: 'd' }),
      'image/svg+xml',
    );
    expect(doc.querySelector('rect')?.getAttribute('style')).toContain('fill: rgb(10, 20, 30)');
  });
});

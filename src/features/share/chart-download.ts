/**
 * Charts as files: the chart's SVG serialized with the computed styles it needs inlined (so it looks
 * the same outside the page) and a <title>/<desc> saying what it shows and where the data came from;
 * PNG by drawing that SVG on a canvas.
 */
import { downloadBlob } from './download.ts';

export type ChartMeta = {
  /** What the chart shows, e.g. "Trials by disease". */
  title: string;
  /** Provenance sentence (provenanceSentence(meta, count) from domain/export/provenance.ts). */
  description: string;
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style into each element's style attribute. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/**
 * Copies the computed presentation properties into the clone's style attributes: all of them on the
 * root, and on descendants only those that differ from the parent's (inheritance does the rest).
 */
function inlineStyles(source: Element, target: Element, parentStyle?: CSSStyleDeclaration): void {
  const view = source.ownerDocument.defaultView;
  if (!view) return;
  const computed = view.getComputedStyle(source);
  const style = (target as SVGElement).style as CSSStyleDeclaration | undefined;
  if (style) {
    for (const property of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value !== '' && value !== parentStyle?.getPropertyValue(property))
        style.setProperty(property, value);
    }
  }
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t, computed);
  }
}

function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width =
    box.width ||
    Number.parseFloat(svg.getAttribute('width') ?? '') ||
    svg.viewBox.baseVal?.width ||
    800;
  const height =
    box.height ||
    Number.parseFloat(svg.getAttribute('height') ?? '') ||
    svg.viewBox.baseVal?.height ||
    400;
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** The chart as a standalone SVG document (text), with a <title> and <desc> first. */
export function serializeChartSvg(svg: SVGSVGElement, meta: ChartMeta): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  const { width, height } = chartSize(svg);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const doc = svg.ownerDocument;
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = meta.title;
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = meta.description;
  clone.prepend(title, desc);
  let text = new XMLSerializer().serializeToString(clone);
  // Serializers add the namespace to an SVG-namespaced root; make sure of it for any other case.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

export function downloadChartSvg(svg: SVGSVGElement, filename: string, meta: ChartMeta): void {
  downloadBlob(
    new Blob([serializeChartSvg(svg, meta)], { type: 'image/svg+xml;charset=utf-8' }),
    filename,
  );
}

export type PngOptions = {
  /** Pixel ratio of the image, default 2 (sharp on high-density screens). */
  scale?: number;
  /** Background colour painted under the chart, default white; null keeps it transparent. */
  background?: string | null;
};

/** The chart as a PNG Blob (rejects with a clear message when the browser cannot draw it). */
export async function renderChartPng(
  svg: SVGSVGElement,
  meta: ChartMeta,
  options: PngOptions = {},
): Promise<Blob> {
  const { scale = 2, background = '#ffffff' } = options;
  const { width, height } = chartSize(svg);
  const svgUrl = URL.createObjectURL(
    new Blob([serializeChartSvg(svg, meta)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = svgUrl;
    });
    const canvas = svg.ownerDocument.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the chart as a PNG image.');
    if (background) {
      context.fillStyle = background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG image could not be made.'))),
        'image/png',
      );
    });
  } finally {
    URL.revokeObjectURL(svgUrl);
  }
}

export async function downloadChartPng(
  svg: SVGSVGElement,
  filename: string,
  meta: ChartMeta,
  options?: PngOptions,
): Promise<void> {
  downloadBlob(await renderChartPng(svg, meta, options), filename);
}

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
  /**
   * Drawn around the chart, as the page shows them: the title that states the finding and the unit
   * line above, the source line ("ClinicalTrials.gov, data as of …, N trials") below.
   */
  finding?: string | undefined;
  subtitle?: string | undefined;
  source?: string | undefined;
  /** Colours of the panel the chart sits on (so the text stays readable in the dark theme too). */
  textColor?: string | undefined;
  background?: string | undefined;
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

/** Splits text into lines of at most about `width` px at `fontSize` (an average glyph is ~0.55 em). */
export function wrapText(text: string, fontSize: number, width: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

type TextLine = { text: string; size: number; weight: number; muted: boolean };

/**
 * The chart inside a frame that carries its texts: finding and unit above, source below, on the
 * panel's background. The chart keeps its own size and coordinates (a nested <svg>).
 */
function framed(clone: SVGSVGElement, width: number, height: number, meta: ChartMeta) {
  const doc = clone.ownerDocument;
  const pad = 16;
  const textWidth = Math.max(width, 320);
  const lines = (text: string | undefined, size: number, weight: number, muted: boolean) =>
    text ? wrapText(text, size, textWidth).map((t) => ({ text: t, size, weight, muted })) : [];
  const head: TextLine[] = [
    ...lines(meta.finding, 18, 700, false),
    ...lines(meta.subtitle, 13, 400, true),
  ];
  const foot = lines(meta.source, 12, 400, true);
  const lineHeight = (line: TextLine) => Math.round(line.size * 1.4);
  const headHeight = head.reduce((sum, line) => sum + lineHeight(line), 0);
  const footHeight = foot.reduce((sum, line) => sum + lineHeight(line), 0);
  const top = pad + headHeight + (head.length > 0 ? 8 : 0);
  const totalWidth = textWidth + 2 * pad;
  const totalHeight = top + height + (foot.length > 0 ? 8 : 0) + footHeight + pad;
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(totalWidth));
  root.setAttribute('height', String(totalHeight));
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`);
  const color = meta.textColor ?? '#1a1d21';
  root.setAttribute(
    'style',
    `font-family: ${clone.style.fontFamily || 'sans-serif'}; color: ${color}`,
  );
  if (meta.background) {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', meta.background);
    root.append(rect);
  }
  const write = (line: TextLine, y: number) => {
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(pad));
    text.setAttribute('y', String(y));
    text.setAttribute('font-size', String(line.size));
    text.setAttribute('font-weight', String(line.weight));
    text.setAttribute('fill', color);
    if (line.muted) text.setAttribute('fill-opacity', '0.75');
    text.textContent = line.text;
    root.append(text);
  };
  let y = pad;
  for (const line of head) {
    y += lineHeight(line);
    write(line, y - Math.round(line.size * 0.35));
  }
  clone.setAttribute('x', String(pad));
  clone.setAttribute('y', String(top));
  root.append(clone);
  y = top + height + 8;
  for (const line of foot) {
    y += lineHeight(line);
    write(line, y - Math.round(line.size * 0.35));
  }
  return { root, width: totalWidth, height: totalHeight };
}

function hasFrame(meta: ChartMeta): boolean {
  return Boolean(meta.finding || meta.subtitle || meta.source || meta.background);
}

/** Size of the saved image: the chart, plus its frame when the meta has texts to draw around it. */
function imageSize(svg: SVGSVGElement, meta: ChartMeta): { width: number; height: number } {
  const size = chartSize(svg);
  if (!hasFrame(meta)) return size;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = framed(clone, size.width, size.height, meta);
  return { width, height };
}

/** The chart as a standalone SVG document (text), with a <title> and <desc> first. */
export function serializeChartSvg(svg: SVGSVGElement, meta: ChartMeta): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  const { width, height } = chartSize(svg);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const root = hasFrame(meta) ? framed(clone, width, height, meta).root : clone;
  const doc = svg.ownerDocument;
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = meta.title;
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = meta.description;
  root.prepend(title, desc);
  let text = new XMLSerializer().serializeToString(root);
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
  const { scale = 2, background = meta.background ?? '#ffffff' } = options;
  const { width, height } = imageSize(svg, meta);
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

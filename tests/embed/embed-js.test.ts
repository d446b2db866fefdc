// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEmbedScriptValue, buildEmbedUrl } from '../../src/domain/embed-params.ts';
import type { HsctTrialsApi } from '../../src/embed/embed-script.ts';

/**
 * public/embed.js as served (built from src/embed/embed-script.ts; tests/scripts/build-embed.test.ts
 * checks it is up to date): plain ES2017, run here the way a browser runs a classic script.
 */
const EMBED_JS = readFileSync(resolve(process.cwd(), 'public/embed.js'), 'utf8');
const APP = 'https://dash.example';
const SCRIPT_SRC = `${APP}/base/embed.js`;

function runEmbedScript(): HsctTrialsApi {
  const script = document.createElement('script');
  script.src = SCRIPT_SRC;
  // While a classic script runs, the browser exposes it as document.currentScript.
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  try {
    runInThisContext(EMBED_JS, { filename: 'embed.js' });
  } finally {
    Object.defineProperty(document, 'currentScript', { value: null, configurable: true });
  }
  return window.HSCTTrials!;
}

function addEmbed(value: string, attributes: Record<string, string> = {}): HTMLElement {
  const div = document.createElement('div');
  div.setAttribute('data-hsct-trials', value);
  for (const [name, v] of Object.entries(attributes)) div.setAttribute(name, v);
  document.body.append(div);
  return div;
}

function frameOf(element: Element): HTMLIFrameElement {
  const iframe = element.querySelector('iframe');
  if (!iframe) throw new Error('no iframe inserted');
  return iframe;
}

function messageFrom(iframe: HTMLIFrameElement, data: unknown, origin = APP): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: iframe.contentWindow }));
}

const frameMessage = (type: string, fields: Record<string, unknown> = {}) => ({
  source: 'hsct-trials',
  version: 1,
  type,
  ...fields,
});

beforeEach(() => {
  delete window.HSCTTrials;
  document.body.replaceChildren();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('embed.js', () => {
  it('is small and dependency-free', () => {
    expect(new TextEncoder().encode(EMBED_JS).length).toBeLessThan(8 * 1024);
    expect(EMBED_JS).not.toMatch(/\bimport\b|\brequire\(/);
    expect(EMBED_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('inserts an iframe of the view, with the embed parameters and the host page as allowed origin', () => {
    const element = addEmbed('disease=lupus&panels=summary,disease', {
      'data-title': 'Lupus trials',
    });
    runEmbedScript();
    const iframe = frameOf(element);
    const src = new URL(iframe.getAttribute('src')!);
    expect(src.origin + src.pathname).toBe(`${APP}/base/`);
    expect([...src.searchParams]).toEqual([
      ['embed', '1'],
      ['disease', 'lupus'],
      ['panels', 'summary,disease'],
      ['origins', window.location.origin],
    ]);
    expect(iframe).toHaveAttribute('title', 'Lupus trials');
    expect(iframe).toHaveAttribute('loading', 'lazy');
    expect(iframe).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    expect(iframe).toHaveAttribute('allow', '');
    expect(iframe).toHaveAttribute('width', '100%');
    expect(iframe.style.border).toMatch(/^0(px)?/);
    expect(iframe.style.height).toBe('600px');
  });

  it('opens the same frame URL as the iframe snippet of the same view and options', () => {
    const viewUrl = `${APP}/base/?disease=lupus%2Cx,cidp&phase=PHASE2&view=table&theme=light`;
    const options = { panels: ['table', 'summary'] as const, lock: true, accent: '#B03A2E' };
    const element = addEmbed(buildEmbedScriptValue(viewUrl, options));
    runEmbedScript();
    expect(frameOf(element).getAttribute('src')).toBe(
      buildEmbedUrl(viewUrl, { ...options, origins: [window.location.origin] }),
    );
  });

  it('gives a default title and ignores embed and origins written in the attribute', () => {
    const element = addEmbed('?embed=0&origins=https://evil.example&phase=PHASE2', {
      'data-height': '420',
    });
    runEmbedScript();
    const iframe = frameOf(element);
    const src = new URL(iframe.src);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.getAll('origins')).toEqual([window.location.origin]);
    expect(src.searchParams.get('phase')).toBe('PHASE2');
    expect(iframe).toHaveAttribute('title', 'HSCT trials dashboard');
    expect(iframe.style.height).toBe('420px');
  });

  it('treats markup in the attributes as text', () => {
    const element = addEmbed('q=<img src=x onerror=alert(1)>', { 'data-title': '<b>bold</b>' });
    runEmbedScript();
    const iframe = frameOf(element);
    expect(element.children).toHaveLength(1);
    expect(iframe.title).toBe('<b>bold</b>');
    expect(new URL(iframe.src).searchParams.get('q')).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('follows resize messages from its own frame only', () => {
    const firstElement = addEmbed('disease=lupus');
    const secondElement = addEmbed('disease=cidp');
    runEmbedScript();
    const first = frameOf(firstElement);
    const second = frameOf(secondElement);

    messageFrom(first, frameMessage('resize', { height: 812.4 }));
    expect(first.style.height).toBe('813px');
    expect(second.style.height).toBe('600px');

    messageFrom(first, frameMessage('resize', { height: 90 }), 'https://evil.example');
    messageFrom(first, { ...frameMessage('resize', { height: 90 }), version: 2 });
    messageFrom(first, frameMessage('resize', { height: '90px' }));
    messageFrom(first, frameMessage('resize', { height: 1e9 }));
    window.dispatchEvent(
      new MessageEvent('message', {
        data: frameMessage('resize', { height: 90 }),
        origin: APP,
        source: null,
      }),
    );
    expect(first.style.height).toBe('813px');
  });

  it('sends setFilters to the frame with the app origin as target, once the frame is ready', () => {
    const element = addEmbed('disease=lupus');
    const api = runEmbedScript();
    const iframe = frameOf(element);
    const post = vi.spyOn(iframe.contentWindow!, 'postMessage').mockImplementation(() => {});

    expect(api.setFilters(element, { disease: ['cidp'] })).toBe(true);
    expect(post).not.toHaveBeenCalled();

    messageFrom(iframe, frameMessage('ready'));
    expect(post).toHaveBeenLastCalledWith(
      { source: 'hsct-trials', version: 1, type: 'setFilters', filters: { disease: ['cidp'] } },
      APP,
    );

    api.setFilters(0, null);
    expect(post).toHaveBeenLastCalledWith(
      { source: 'hsct-trials', version: 1, type: 'setFilters', filters: null },
      APP,
    );
    expect(post).toHaveBeenCalledTimes(2);
    expect(api.setFilters(5, {})).toBe(false);
  });

  it('passes frame messages to listeners and as DOM events on the element', () => {
    const element = addEmbed('disease=lupus');
    const api = runEmbedScript();
    const iframe = frameOf(element);
    const selected = vi.fn();
    const off = api.on('select', selected);
    const domEvents: unknown[] = [];
    element.addEventListener('hsct-trials:select', (event) =>
      domEvents.push((event as CustomEvent).detail),
    );

    messageFrom(iframe, frameMessage('select', { nctId: 'NCT01234567' }));
    off();
    messageFrom(iframe, frameMessage('select', { nctId: null }));

    expect(selected.mock.calls).toEqual([
      [frameMessage('select', { nctId: 'NCT01234567' }), element],
    ]);
    expect(domEvents).toEqual([
      frameMessage('select', { nctId: 'NCT01234567' }),
      frameMessage('select', { nctId: null }),
    ]);
  });

  it('lists its embeds, picks up later ones with scan, and does not embed twice when loaded twice', () => {
    const first = addEmbed('disease=lupus');
    const api = runEmbedScript();
    const later = addEmbed('disease=cidp');
    runEmbedScript();
    api.scan();
    expect(api.embeds().map((e) => e.element)).toEqual([first, later]);
    expect(document.querySelectorAll('iframe')).toHaveLength(2);
  });
});

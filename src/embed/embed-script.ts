/*!
 * HSCT Trials Dashboard — embed script (no dependencies, ES2017). Built from src/embed/embed-script.ts
 * with the message protocol of src/lib/embed-protocol.ts (`npm run build:embed`); do not edit embed.js.
 *
 * Usage: put an element with a `data-hsct-trials` attribute where the dashboard should appear and load
 * this script from the dashboard's own site:
 *
 *   <div data-hsct-trials="disease=lupus&panels=summary,disease" data-title="Lupus transplant trials"></div>
 *   <script src="https://DASHBOARD-HOST/BASE/embed.js" async></script>
 *
 * The attribute value is the query string of the view (filters and embed options: panels, lock, theme,
 * accent). The script inserts an iframe of <dashboard>/?embed=1&<value>&origins=<this page's origin>,
 * keeps its height in step with the content (resize messages), and exposes:
 *
 *   HSCTTrials.setFilters(elementOrIndex, filters)  // change the filters of one embed; filters null = clear
 *   HSCTTrials.on(type, callback)                    // 'ready' | 'resize' | 'filters' | 'select';
 *                                                    // callback(message, element); returns an "off" function
 *   HSCTTrials.embeds()                              // [{ element, iframe }]
 *   HSCTTrials.scan()                                // embed elements added to the page later
 *
 * Optional attributes: data-title (iframe title, default "HSCT trials dashboard"), data-height (starting
 * height in CSS pixels, default 600). Each element also receives DOM events "hsct-trials:<type>" with
 * the message in event.detail.
 */
import {
  FRAME_MESSAGE_TYPES,
  MAX_HEIGHT,
  embedFrameSearch,
  isFrameMessage,
  setFiltersMessage,
  type FrameMessage,
  type FrameMessageType,
  type MessageFilters,
} from '../lib/embed-protocol.ts';

type Embed = {
  element: Element;
  iframe: HTMLIFrameElement;
  ready: boolean;
  pending: MessageFilters | null | undefined;
};
type Listener = (message: FrameMessage, element: Element) => void;

export type HsctTrialsApi = {
  setFilters(target: Element | number, filters: MessageFilters | null): boolean;
  on(type: FrameMessageType, callback: Listener): () => void;
  embeds(): { element: Element; iframe: HTMLIFrameElement }[];
  scan(): void;
};

declare global {
  interface Window {
    HSCTTrials?: HsctTrialsApi;
  }
}

function findScriptUrl(): string | null {
  // Written without ?. and ?? so that the ES2017 output stays small.
  const current = document.currentScript as HTMLScriptElement | null;
  if (current && current.src) return current.src;
  const scripts = Array.from(document.getElementsByTagName('script')).reverse();
  const found = scripts.find((script) => /\/embed\.js(?:[?#]|$)/.test(script.src));
  return found ? found.src : null;
}

function start(scriptUrl: string): HsctTrialsApi {
  const appBase = new URL('./', scriptUrl);
  const appOrigin = appBase.origin;
  const embeds: Embed[] = [];
  const listeners: Partial<Record<FrameMessageType, Listener[]>> = {};

  function frameUrl(value: string | null): string {
    const given = new URLSearchParams(String(value || '').replace(/^[?#]/, ''));
    const hostOrigin = window.location.origin;
    const url = new URL(appBase.href);
    url.search = embedFrameSearch(given, hostOrigin && hostOrigin !== 'null' ? [hostOrigin] : []);
    return url.href;
  }

  function startHeight(element: Element): number {
    const h = parseInt(element.getAttribute('data-height') || '', 10);
    return h > 0 && h <= MAX_HEIGHT ? h : 600;
  }

  function create(element: Element): void {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('src', frameUrl(element.getAttribute('data-hsct-trials')));
    iframe.setAttribute('title', element.getAttribute('data-title') || 'HSCT trials dashboard');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    iframe.setAttribute('allow', '');
    iframe.setAttribute('width', '100%');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = `${startHeight(element)}px`;
    element.setAttribute('data-hsct-trials-ready', '');
    element.appendChild(iframe);
    embeds.push({ element, iframe, ready: false, pending: undefined });
  }

  function scan(): void {
    const found = document.querySelectorAll('[data-hsct-trials]:not([data-hsct-trials-ready])');
    for (let i = 0; i < found.length; i++) create(found[i] as Element);
  }

  function embedFor(target: Element | number): Embed | undefined {
    if (typeof target === 'number') return embeds[target];
    return embeds.find((e) => e.element === target || e.iframe === target);
  }

  function send(embed: Embed, filters: MessageFilters | null): boolean {
    const win = embed.iframe.contentWindow;
    if (!win) return false;
    win.postMessage(setFiltersMessage(filters), appOrigin);
    return true;
  }

  function emit(message: FrameMessage, embed: Embed): void {
    for (const listener of listeners[message.type] || []) {
      try {
        listener(message, embed.element);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
    let event: CustomEvent;
    try {
      event = new CustomEvent(`hsct-trials:${message.type}`, { detail: message });
    } catch {
      return;
    }
    embed.element.dispatchEvent(event);
  }

  function onMessage(event: MessageEvent): void {
    if (event.origin !== appOrigin) return;
    const embed = embeds.find((e) => e.iframe.contentWindow === event.source);
    const data: unknown = event.data;
    if (!embed || !isFrameMessage(data)) return;
    if (data.type === 'resize') embed.iframe.style.height = `${Math.ceil(data.height)}px`;
    if (data.type === 'ready') {
      embed.ready = true;
      if (embed.pending !== undefined) {
        send(embed, embed.pending);
        embed.pending = undefined;
      }
    }
    emit(data, embed);
  }

  window.addEventListener('message', onMessage);

  return {
    setFilters(target, filters) {
      const embed = embedFor(target);
      if (!embed) return false;
      const value =
        filters === null ? null : (JSON.parse(JSON.stringify(filters || {})) as MessageFilters);
      if (!embed.ready) {
        embed.pending = value;
        return true;
      }
      return send(embed, value);
    },
    on(type, callback) {
      if (!FRAME_MESSAGE_TYPES.includes(type) || typeof callback !== 'function') return () => {};
      const list = listeners[type] || [];
      listeners[type] = list;
      list.push(callback);
      return () => {
        const at = list.indexOf(callback);
        if (at >= 0) list.splice(at, 1);
      };
    },
    embeds: () => embeds.map((e) => ({ element: e.element, iframe: e.iframe })),
    scan,
  };
}

if (window.HSCTTrials && typeof window.HSCTTrials.scan === 'function') {
  window.HSCTTrials.scan();
} else {
  const scriptUrl = findScriptUrl();
  if (scriptUrl) {
    const api = start(scriptUrl);
    window.HSCTTrials = api;
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', () => api.scan());
    else api.scan();
  }
}

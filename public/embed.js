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
(function () {
  'use strict';
  // src/lib/embed-protocol.ts
  var PROTOCOL_SOURCE = 'hsct-trials';
  var FRAME_MESSAGE_TYPES = ['ready', 'resize', 'filters', 'select'];
  var NCT_ID = /^NCT\d{8}$/;
  function embedFrameSearch(view, origins) {
    const params = new URLSearchParams();
    params.set('embed', '1');
    view.forEach((value, key) => {
      if (key !== 'embed' && key !== 'origins') params.append(key, value);
    });
    if (origins.length > 0) params.set('origins', origins.join(','));
    return params.toString();
  }
  function setFiltersMessage(filters) {
    return {
      source: PROTOCOL_SOURCE,
      version: 1,
      type: 'setFilters',
      filters,
    };
  }
  function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }
  function isFrameMessage(data) {
    if (!isPlainObject(data)) return false;
    if (data.source !== 'hsct-trials' || data.version !== 1) return false;
    switch (data.type) {
      case 'ready':
        return true;
      case 'resize':
        return (
          typeof data.height === 'number' &&
          Number.isFinite(data.height) &&
          data.height >= 0 &&
          data.height <= 1e5
        );
      case 'filters':
        return isPlainObject(data.filters);
      case 'select':
        return data.nctId === null || (typeof data.nctId === 'string' && NCT_ID.test(data.nctId));
      default:
        return false;
    }
  }
  // src/embed/embed-script.ts
  function findScriptUrl() {
    const current = document.currentScript;
    if (current && current.src) return current.src;
    const found = Array.from(document.getElementsByTagName('script'))
      .reverse()
      .find((script) => /\/embed\.js(?:[?#]|$)/.test(script.src));
    return found ? found.src : null;
  }
  function start(scriptUrl) {
    const appBase = new URL('./', scriptUrl);
    const appOrigin = appBase.origin;
    const embeds = [];
    const listeners = {};
    function frameUrl(value) {
      const given = new URLSearchParams(String(value || '').replace(/^[?#]/, ''));
      const hostOrigin = window.location.origin;
      const url = new URL(appBase.href);
      url.search = embedFrameSearch(given, hostOrigin && hostOrigin !== 'null' ? [hostOrigin] : []);
      return url.href;
    }
    function startHeight(element) {
      const h = parseInt(element.getAttribute('data-height') || '', 10);
      return h > 0 && h <= 1e5 ? h : 600;
    }
    function create(element) {
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
      embeds.push({
        element,
        iframe,
        ready: false,
        pending: void 0,
      });
    }
    function scan() {
      const found = document.querySelectorAll('[data-hsct-trials]:not([data-hsct-trials-ready])');
      for (let i = 0; i < found.length; i++) create(found[i]);
    }
    function embedFor(target) {
      if (typeof target === 'number') return embeds[target];
      return embeds.find((e) => e.element === target || e.iframe === target);
    }
    function send(embed, filters) {
      const win = embed.iframe.contentWindow;
      if (!win) return false;
      win.postMessage(setFiltersMessage(filters), appOrigin);
      return true;
    }
    function emit(message, embed) {
      for (const listener of listeners[message.type] || [])
        try {
          listener(message, embed.element);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      let event;
      try {
        event = new CustomEvent(`hsct-trials:${message.type}`, { detail: message });
      } catch (_unused) {
        return;
      }
      embed.element.dispatchEvent(event);
    }
    function onMessage(event) {
      if (event.origin !== appOrigin) return;
      const embed = embeds.find((e) => e.iframe.contentWindow === event.source);
      const data = event.data;
      if (!embed || !isFrameMessage(data)) return;
      if (data.type === 'resize') embed.iframe.style.height = `${Math.ceil(data.height)}px`;
      if (data.type === 'ready') {
        embed.ready = true;
        if (embed.pending !== void 0) {
          send(embed, embed.pending);
          embed.pending = void 0;
        }
      }
      emit(data, embed);
    }
    window.addEventListener('message', onMessage);
    return {
      setFilters(target, filters) {
        const embed = embedFor(target);
        if (!embed) return false;
        const value = filters === null ? null : JSON.parse(JSON.stringify(filters || {}));
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
      embeds: () =>
        embeds.map((e) => ({
          element: e.element,
          iframe: e.iframe,
        })),
      scan,
    };
  }
  if (window.HSCTTrials && typeof window.HSCTTrials.scan === 'function') window.HSCTTrials.scan();
  else {
    const scriptUrl = findScriptUrl();
    if (scriptUrl) {
      const api = start(scriptUrl);
      window.HSCTTrials = api;
      if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', () => api.scan());
      else api.scan();
    }
  }
})();

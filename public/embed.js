/*!
 * HSCT Trials Dashboard — embed script (no dependencies, no build step, ES2017).
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
  var SOURCE = 'hsct-trials';
  var VERSION = 1;
  var TYPES = ['ready', 'resize', 'filters', 'select'];
  var MAX_HEIGHT = 100000;

  if (window.HSCTTrials && typeof window.HSCTTrials.scan === 'function') {
    window.HSCTTrials.scan();
    return;
  }

  function findScriptUrl() {
    var current = document.currentScript;
    if (current && current.src) return current.src;
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/embed\.js(?:[?#]|$)/.test(scripts[i].src)) return scripts[i].src;
    }
    return null;
  }

  var scriptUrl = findScriptUrl();
  if (!scriptUrl) return;
  var appBase = new URL('./', scriptUrl);
  var appOrigin = appBase.origin;

  var embeds = [];
  var listeners = {};

  function frameUrl(value) {
    var given = new URLSearchParams(String(value || '').replace(/^[?#]/, ''));
    var params = new URLSearchParams();
    params.set('embed', '1');
    given.forEach(function (v, k) {
      if (k !== 'embed' && k !== 'origins') params.append(k, v);
    });
    var hostOrigin = window.location.origin;
    if (hostOrigin && hostOrigin !== 'null') params.set('origins', hostOrigin);
    var url = new URL(appBase.href);
    url.search = params.toString();
    return url.href;
  }

  function startHeight(element) {
    var h = parseInt(element.getAttribute('data-height') || '', 10);
    return h > 0 && h <= MAX_HEIGHT ? h : 600;
  }

  function create(element) {
    var iframe = document.createElement('iframe');
    iframe.setAttribute('src', frameUrl(element.getAttribute('data-hsct-trials')));
    iframe.setAttribute('title', element.getAttribute('data-title') || 'HSCT trials dashboard');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    iframe.setAttribute('allow', '');
    iframe.setAttribute('width', '100%');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = startHeight(element) + 'px';
    element.setAttribute('data-hsct-trials-ready', '');
    element.appendChild(iframe);
    embeds.push({ element: element, iframe: iframe, ready: false, pending: undefined });
  }

  function scan() {
    var found = document.querySelectorAll('[data-hsct-trials]:not([data-hsct-trials-ready])');
    for (var i = 0; i < found.length; i++) create(found[i]);
  }

  function embedFor(target) {
    if (typeof target === 'number') return embeds[target];
    for (var i = 0; i < embeds.length; i++) {
      if (embeds[i].element === target || embeds[i].iframe === target) return embeds[i];
    }
    return undefined;
  }

  function send(embed, filters) {
    var win = embed.iframe.contentWindow;
    if (!win) return false;
    win.postMessage(
      { source: SOURCE, version: VERSION, type: 'setFilters', filters: filters },
      appOrigin,
    );
    return true;
  }

  function emit(type, message, embed) {
    var list = listeners[type] || [];
    for (var i = 0; i < list.length; i++) {
      try {
        list[i](message, embed.element);
      } catch (error) {
        setTimeout(function () {
          throw error;
        });
      }
    }
    var event;
    try {
      event = new CustomEvent('hsct-trials:' + type, { detail: message });
    } catch (e) {
      return;
    }
    embed.element.dispatchEvent(event);
  }

  function onMessage(event) {
    if (event.origin !== appOrigin) return;
    var embed;
    for (var i = 0; i < embeds.length; i++) {
      if (embeds[i].iframe.contentWindow === event.source) embed = embeds[i];
    }
    var data = event.data;
    if (
      !embed ||
      !data ||
      typeof data !== 'object' ||
      data.source !== SOURCE ||
      data.version !== VERSION
    )
      return;
    if (TYPES.indexOf(data.type) < 0) return;
    if (data.type === 'resize') {
      var h = data.height;
      if (typeof h !== 'number' || !isFinite(h) || h < 0 || h > MAX_HEIGHT) return;
      embed.iframe.style.height = Math.ceil(h) + 'px';
    }
    if (data.type === 'ready') {
      embed.ready = true;
      if (embed.pending !== undefined) {
        send(embed, embed.pending);
        embed.pending = undefined;
      }
    }
    emit(data.type, data, embed);
  }

  window.addEventListener('message', onMessage);

  window.HSCTTrials = {
    setFilters: function (elementOrIndex, filters) {
      var embed = embedFor(elementOrIndex);
      if (!embed) return false;
      var value = filters === null ? null : JSON.parse(JSON.stringify(filters || {}));
      if (!embed.ready) {
        embed.pending = value;
        return true;
      }
      return send(embed, value);
    },
    on: function (type, callback) {
      if (TYPES.indexOf(type) < 0 || typeof callback !== 'function') return function () {};
      (listeners[type] = listeners[type] || []).push(callback);
      return function () {
        var list = listeners[type];
        var at = list.indexOf(callback);
        if (at >= 0) list.splice(at, 1);
      };
    },
    embeds: function () {
      return embeds.map(function (e) {
        return { element: e.element, iframe: e.iframe };
      });
    },
    scan: scan,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();

/*
 * Script of embed-demo.html (kept out of the page so a strict Content-Security-Policy works).
 * ?app=<URL of the dashboard> chooses the dashboard to embed (default: the directory of this page).
 * It loads <app>/embed.js, so this page must never be served from the dashboard's own origin: it lives in
 * examples/, outside public/, and is not part of the build.
 */
(function () {
  'use strict';
  var SOURCE = 'hsct-trials';

  function appBase() {
    var given = new URLSearchParams(window.location.search).get('app');
    var fallback = new URL('./', window.location.href);
    if (!given) return { url: fallback };
    try {
      var url = new URL(given, window.location.href);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
      if (!/\/$/.test(url.pathname)) url.pathname += '/';
      url.search = '';
      url.hash = '';
      return { url: url };
    } catch (e) {
      return {
        url: fallback,
        problem:
          'The app parameter is not an http(s) URL: "' +
          given.slice(0, 80) +
          '". Using ' +
          fallback.href +
          '.',
      };
    }
  }

  function log(text) {
    var list = document.getElementById('demo-log');
    if (!list) return;
    var item = document.createElement('li');
    item.textContent = text;
    list.appendChild(item);
    while (list.children.length > 20) list.removeChild(list.firstChild);
  }

  function start() {
    var app = appBase();
    var base = app.url;
    document.getElementById('demo-app').textContent = base.href;
    if (app.problem) {
      var problem = document.getElementById('demo-problem');
      problem.textContent = app.problem;
      problem.hidden = false;
    }

    // 1. A plain iframe, with its own resize listener.
    var iframe = document.getElementById('demo-iframe');
    var src = new URL(base.href);
    var params = new URLSearchParams({
      embed: '1',
      disease: 'multiple-sclerosis',
      panels: 'summary,phase,timeline,status',
      lock: '1',
      theme: 'dark',
    });
    if (window.location.origin !== 'null') params.set('origins', window.location.origin);
    src.search = params.toString();
    iframe.src = src.href;
    window.addEventListener('message', function (event) {
      if (event.origin !== base.origin || event.source !== iframe.contentWindow) return;
      var data = event.data;
      if (!data || data.source !== SOURCE || data.version !== 1) return;
      if (
        data.type === 'resize' &&
        typeof data.height === 'number' &&
        data.height >= 0 &&
        data.height <= 100000
      ) {
        iframe.style.height = Math.ceil(data.height) + 'px';
      }
      log(
        'iframe: ' +
          data.type +
          (data.type === 'resize' ? ' ' + Math.ceil(data.height) + 'px' : ''),
      );
    });

    // 2. The script embed: load embed.js from the dashboard's site.
    var script = document.createElement('script');
    script.src = new URL('embed.js', base).href;
    script.async = true;
    script.onload = function () {
      var api = window.HSCTTrials;
      if (!api) return;
      ['ready', 'filters', 'select'].forEach(function (type) {
        api.on(type, function (message) {
          var detail = type === 'select' ? ' ' + String(message.nctId) : '';
          log('script embed: ' + type + detail);
        });
      });
      document.getElementById('show-lupus').addEventListener('click', function () {
        api.setFilters(document.getElementById('demo-script-embed'), { disease: ['lupus'] });
      });
      document.getElementById('show-all').addEventListener('click', function () {
        api.setFilters(0, null);
      });
    };
    script.onerror = function () {
      log('Could not load ' + script.src);
    };
    document.head.appendChild(script);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

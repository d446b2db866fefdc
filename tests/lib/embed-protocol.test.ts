// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFrameMessenger,
  filtersMessage,
  isAllowedOrigin,
  isFrameMessage,
  isHostMessage,
  observeHeight,
  readyMessage,
  resizeMessage,
  sanitizeFilters,
  selectMessage,
  setFiltersMessage,
} from '../../src/lib/embed-protocol.ts';

describe('frame messages', () => {
  it('carry the source, the version and their fields', () => {
    expect(readyMessage()).toEqual({ source: 'hsct-trials', version: 1, type: 'ready' });
    expect(resizeMessage(412.2)).toEqual({
      source: 'hsct-trials',
      version: 1,
      type: 'resize',
      height: 413,
    });
    expect(selectMessage('NCT01234567')).toEqual({
      source: 'hsct-trials',
      version: 1,
      type: 'select',
      nctId: 'NCT01234567',
    });
    expect(filtersMessage({ disease: ['lupus'], from: 2010 })).toEqual({
      source: 'hsct-trials',
      version: 1,
      type: 'filters',
      filters: { disease: ['lupus'], from: 2010 },
    });
  });

  it('are recognised by isFrameMessage, and malformed ones are not', () => {
    expect(isFrameMessage(readyMessage())).toBe(true);
    expect(isFrameMessage(resizeMessage(300))).toBe(true);
    expect(isFrameMessage(selectMessage(null))).toBe(true);
    expect(isFrameMessage({ ...resizeMessage(300), height: Number.NaN })).toBe(false);
    expect(isFrameMessage({ ...selectMessage(null), nctId: '<img src=x>' })).toBe(false);
    expect(isFrameMessage({ ...readyMessage(), version: 2 })).toBe(false);
    expect(isFrameMessage({ source: 'other', version: 1, type: 'ready' })).toBe(false);
  });
});

describe('isHostMessage', () => {
  it('accepts a setFilters message with filters or null', () => {
    expect(
      isHostMessage({ source: 'hsct-trials', type: 'setFilters', filters: { disease: ['lupus'] } }),
    ).toBe(true);
    expect(isHostMessage(setFiltersMessage(null))).toBe(true);
  });

  it.each([
    ['a string', 'setFilters'],
    ['null', null],
    ['an array', [{ source: 'hsct-trials', type: 'setFilters', filters: {} }]],
    ['another source', { source: 'other', type: 'setFilters', filters: {} }],
    ['another type', { source: 'hsct-trials', type: 'resize', filters: {} }],
    ['another version', { source: 'hsct-trials', version: 2, type: 'setFilters', filters: {} }],
    ['filters that are a list', { source: 'hsct-trials', type: 'setFilters', filters: ['lupus'] }],
    ['missing filters', { source: 'hsct-trials', type: 'setFilters' }],
    ['an extra key', { source: 'hsct-trials', type: 'setFilters', filters: {}, eval: 'x' }],
  ])('rejects %s', (_name, data) => {
    expect(isHostMessage(data)).toBe(false);
  });
});

describe('sanitizeFilters', () => {
  it('keeps known keys with values of the right type and drops the rest', () => {
    // Parsed from JSON, as a structured-clone message would arrive: "__proto__" is an own key here.
    const data: unknown = JSON.parse(
      '{"disease":["lupus","lupus","  cidp ","",7],"phase":"PHASE2","from":"2010","to":20000,"results":1,' +
        '"hidden":"maybe","q":" stem\\u0000cell ","sponsor":null,"constructor":"x","__proto__":{"polluted":true},"unknown":["x"]}',
    );
    // Values are checked against the vocabularies later (checkMessageFilters, as for the URL).
    expect(sanitizeFilters(data)).toEqual({
      disease: ['lupus', 'cidp'],
      phase: ['PHASE2'],
      from: '2010',
      to: 20000,
      results: 1,
      hidden: 'maybe',
      q: 'stem cell',
    });
  });

  it('cuts long text and long lists', () => {
    const filters = sanitizeFilters({
      q: 'x'.repeat(500),
      country: Array.from({ length: 80 }, (_, i) => `C${i}`),
    });
    expect(filters.q).toHaveLength(200);
    expect(filters.country).toHaveLength(50);
  });

  it('returns no filters for anything that is not a plain object', () => {
    expect(sanitizeFilters('disease=lupus')).toEqual({});
    expect(sanitizeFilters(new Date())).toEqual({});
    expect(sanitizeFilters(null)).toEqual({});
  });
});

describe('isAllowedOrigin', () => {
  it('allows exactly the listed origins', () => {
    const allowed = ['https://host.example', 'http://localhost:5173'];
    expect(isAllowedOrigin('https://host.example', allowed)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5173', allowed)).toBe(true);
    expect(isAllowedOrigin('https://host.example.evil', allowed)).toBe(false);
    expect(isAllowedOrigin('http://host.example', allowed)).toBe(false);
    expect(isAllowedOrigin('null', ['null'])).toBe(false);
    expect(isAllowedOrigin('*', ['*'])).toBe(false);
  });
});

function frameWindow(): Window {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  return iframe.contentWindow!;
}

function nextMessage(): Promise<MessageEvent> {
  return new Promise((resolve) => window.addEventListener('message', resolve, { once: true }));
}

describe('createFrameMessenger', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('does nothing outside a frame', () => {
    const post = vi.spyOn(window, 'postMessage');
    const messenger = createFrameMessenger(window);
    messenger.ready();
    expect(messenger.framed).toBe(false);
    expect(post).not.toHaveBeenCalled();
  });

  it('posts protocol messages to the parent window', async () => {
    const messenger = createFrameMessenger(frameWindow());
    expect(messenger.framed).toBe(true);
    const received = nextMessage();
    messenger.select('NCT01234567');
    expect((await received).data).toEqual(selectMessage('NCT01234567'));
  });

  it('posts a resize only when the height changes', () => {
    const win = frameWindow();
    const post = vi.spyOn(win.parent, 'postMessage');
    const messenger = createFrameMessenger(win, 'https://host.example');
    messenger.resize(300.4);
    messenger.resize(301);
    messenger.resize(500);
    expect(post.mock.calls).toEqual([
      [resizeMessage(301), 'https://host.example'],
      [resizeMessage(500), 'https://host.example'],
    ]);
  });

  it('hands over setFilters only from the parent and an allowed origin', () => {
    const win = frameWindow();
    const handler = vi.fn();
    const stop = createFrameMessenger(win).onSetFilters(['https://host.example'], handler);
    const send = (origin: string, source: Window, data: unknown) =>
      win.dispatchEvent(
        new (win as Window & typeof globalThis).MessageEvent('message', { data, origin, source }),
      );
    const parent = win.parent;

    send('https://host.example', parent, {
      source: 'hsct-trials',
      type: 'setFilters',
      filters: { disease: ['lupus'], bogus: 1 },
    });
    send('https://evil.example', parent, setFiltersMessage({ disease: ['cidp'] }));
    send('https://host.example', win, setFiltersMessage({ disease: ['cidp'] }));
    send('https://host.example', parent, {
      source: 'hsct-trials',
      type: 'setFilters',
      filters: 'x',
    });
    send('https://host.example', parent, setFiltersMessage(null));
    stop();
    send('https://host.example', parent, setFiltersMessage({ disease: ['nmosd'] }));

    expect(handler.mock.calls).toEqual([[{ disease: ['lupus'] }], [null]]);
  });
});

describe('observeHeight', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports the height now and after each change, and stops when asked', () => {
    let notify: () => void = () => {};
    const disconnect = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    const el = document.createElement('div');
    let height = 120.3;
    vi.spyOn(el, 'getBoundingClientRect').mockImplementation(() => ({ height }) as DOMRect);
    const heights: number[] = [];
    const stop = observeHeight(el, (h) => heights.push(h));
    height = 121;
    notify();
    height = 480;
    notify();
    stop();
    expect(heights).toEqual([121, 480]);
    expect(disconnect).toHaveBeenCalledOnce();
  });

  it('reports the height once where there is no ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const el = document.createElement('div');
    vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ height: 90 } as DOMRect);
    const heights: number[] = [];
    observeHeight(el, (h) => heights.push(h))();
    expect(heights).toEqual([90]);
  });
});

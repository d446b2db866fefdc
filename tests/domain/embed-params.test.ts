import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EMBED_PANELS,
  EMBED_PANELS,
  buildEmbedScriptValue,
  buildEmbedUrl,
  checkMessageFilters,
  embedScriptUrl,
  fullViewUrl,
  parseEmbedParams,
} from '../../src/domain/embed-params.ts';

describe('parseEmbedParams', () => {
  it('gives the defaults when no embed parameter is set', () => {
    expect(parseEmbedParams('?disease=lupus')).toEqual({
      embed: false,
      panels: [...DEFAULT_EMBED_PANELS],
      lock: false,
      theme: 'auto',
      accent: null,
      origins: [],
      problems: [],
    });
  });

  it('reads every embed parameter', () => {
    const params = parseEmbedParams(
      'embed=1&panels=table,summary,countries&lock=1&theme=dark&accent=%23A0C&origins=https://example.org,http://localhost:5173',
    );
    expect(params).toEqual({
      embed: true,
      panels: ['summary', 'countries', 'table'],
      lock: true,
      theme: 'dark',
      accent: '#a0c',
      origins: ['https://example.org', 'http://localhost:5173'],
      problems: [],
    });
  });

  it('accepts URLSearchParams and an accent written without "#"', () => {
    expect(parseEmbedParams(new URLSearchParams({ embed: '1', accent: '336699' })).accent).toBe(
      '#336699',
    );
  });

  it('names the parameter and the bad value in each problem', () => {
    const { problems, panels, theme, accent, lock } = parseEmbedParams(
      'embed=1&panels=summary,pie&theme=neon&accent=red&lock=yes',
    );
    expect(panels).toEqual(['summary']);
    expect(theme).toBe('auto');
    expect(accent).toBeNull();
    expect(lock).toBe(false);
    expect(problems).toEqual([
      `panels: “pie” is not a panel; use any of ${EMBED_PANELS.join(', ')}.`,
      'lock: “yes” is not understood; use lock=1 to turn it on.',
      'theme: “neon” is not a theme; use light, dark or auto.',
      'accent: “red” is not a hex colour; use #rgb or #rrggbb, e.g. %23336699.',
    ]);
  });

  it('falls back to the default panels when none is known, and says so', () => {
    const { panels, problems } = parseEmbedParams('embed=1&panels=pie,donut');
    expect(panels).toEqual([...DEFAULT_EMBED_PANELS]);
    expect(problems).toHaveLength(3);
    expect(problems[2]).toMatch(/^panels: no known panel given; showing the default panels/);
  });

  it('explains an empty accent (an unencoded "#" starts the fragment)', () => {
    expect(
      parseEmbedParams(new URL('https://dash.example/?embed=1&accent=#336699').search).problems,
    ).toEqual([
      'accent: the value is empty; give a hex colour such as %23336699 (write # as %23 in a URL).',
    ]);
  });

  it('refuses "*" and anything that is not an exact origin', () => {
    const { origins, problems } = parseEmbedParams(
      'embed=1&origins=*,https://example.org/,javascript:alert(1),ftp://files.example,not a url,https://ok.example:8443',
    );
    expect(origins).toEqual(['https://ok.example:8443']);
    expect(problems).toEqual([
      'origins: “*” is not allowed; list each site that may control the view, e.g. https://example.org.',
      'origins: “https://example.org/” is not an origin in exact form; write it as “https://example.org” (scheme and host only, no path or trailing slash).',
      'origins: “javascript:alert(1)” is not an http or https origin.',
      'origins: “ftp://files.example” is not an http or https origin.',
      'origins: “not a url” is not an origin; write it as https://host or https://host:port.',
    ]);
  });

  it('shows a bad value as plain text, cut to 40 characters', () => {
    const long = `<script>alert("x")</script>${'a'.repeat(60)}`;
    const [problem] = parseEmbedParams(`theme=${encodeURIComponent(long)}`).problems;
    expect(problem).toBe(`theme: “${long.slice(0, 40)}…” is not a theme; use light, dark or auto.`);
  });

  it('strips control characters from the value shown', () => {
    const [problem] = parseEmbedParams('theme=da%0Ark').problems;
    expect(problem).toBe('theme: “da rk” is not a theme; use light, dark or auto.');
  });

  it('still embeds when the embed value is not understood, and says so', () => {
    const params = parseEmbedParams('embed=yes');
    expect(params.embed).toBe(true);
    expect(params.problems).toEqual(['embed: “yes” is not understood; use embed=1.']);
  });
});

describe('embed URLs', () => {
  const viewUrl =
    'https://dash.example/base/?disease=lupus%2Cx,cidp&phase=PHASE2&embed=1&theme=light#top';

  it('builds the embed URL of a view with the chosen options, replacing an earlier embed setup', () => {
    const url = new URL(
      buildEmbedUrl(viewUrl, {
        panels: ['table', 'summary'],
        lock: true,
        theme: 'dark',
        accent: '#B03A2E',
        origins: ['https://host.example', 'https://bad.example/path'],
      }),
    );
    expect(url.origin + url.pathname).toBe('https://dash.example/base/');
    expect(url.hash).toBe('');
    expect([...url.searchParams]).toEqual([
      ['embed', '1'],
      ['disease', 'lupus,x,cidp'],
      ['phase', 'PHASE2'],
      ['panels', 'summary,table'],
      ['lock', '1'],
      ['theme', 'dark'],
      ['accent', '#b03a2e'],
      ['origins', 'https://host.example'],
    ]);
    expect(parseEmbedParams(url.search).problems).toEqual([]);
  });

  it('leaves out an invalid accent and the automatic theme', () => {
    const url = new URL(
      buildEmbedUrl('https://dash.example/', { accent: 'red;background:url(x)', theme: 'auto' }),
    );
    expect(url.searchParams.has('accent')).toBe(false);
    expect(url.searchParams.has('theme')).toBe(false);
    expect(url.searchParams.get('panels')).toBe(DEFAULT_EMBED_PANELS.join(','));
  });

  it('gives embed.js the view query without embed and origins, and its own address next to the app', () => {
    const value = buildEmbedScriptValue(viewUrl, {
      panels: ['summary'],
      origins: ['https://host.example'],
    });
    expect([...new URLSearchParams(value)]).toEqual([
      ['disease', 'lupus,x,cidp'],
      ['phase', 'PHASE2'],
      ['panels', 'summary'],
    ]);
    expect(embedScriptUrl(viewUrl)).toBe('https://dash.example/base/embed.js');
  });

  it('links an embedded view back to the same view in the full app', () => {
    expect(
      fullViewUrl(
        'https://dash.example/?embed=1&disease=lupus&panels=summary&lock=1&theme=dark&accent=%23333&origins=https%3A%2F%2Fh.example&trial=NCT01234567',
      ),
    ).toBe('https://dash.example/?disease=lupus&trial=NCT01234567');
  });
});

describe('checkMessageFilters', () => {
  it('checks the design facets against their vocabularies', () => {
    expect(
      checkMessageFilters({
        allocation: ['randomised'],
        graft: ['cd34', 'CD34-selected'],
        publications: ['pmid'],
      }),
    ).toEqual({
      filters: { allocation: ['randomised'], graft: ['cd34-selected'], publications: ['pmid'] },
      issues: [{ param: 'graft', value: 'cd34', reason: 'unknown graft value' }],
    });
  });

  it('keeps known values and names each unknown one', () => {
    expect(
      checkMessageFilters({
        disease: ['lupus', 'flu'],
        therapy: ['hsct'],
        type: ['autologous', 'xeno'],
        phase: ['PHASE2'],
        country: ['Åland Islands'],
        from: 2010,
        results: true,
        q: 'cyclophosphamide',
      }),
    ).toEqual({
      filters: {
        disease: ['lupus'],
        therapy: ['hsct'],
        type: ['autologous'],
        phase: ['PHASE2'],
        country: ['Åland Islands'],
        from: 2010,
        results: true,
        q: 'cyclophosphamide',
      },
      issues: [
        { param: 'disease', value: 'flu', reason: 'unknown disease value' },
        { param: 'type', value: 'xeno', reason: 'unknown type value' },
      ],
    });
  });
});

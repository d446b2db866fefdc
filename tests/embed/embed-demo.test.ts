// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

const read = (name: string) =>
  readFileSync(resolve(process.cwd(), 'examples/embed-demo', name), 'utf8');
const DEMO_HTML = read('embed-demo.html');
const DEMO_JS = read('embed-demo.js');

/** Shows embed-demo.html at `search` and runs its script (jsdom does not load external scripts). */
function openDemo(search: string): void {
  window.history.replaceState(null, '', `/embed-demo.html${search}`);
  const page = new DOMParser().parseFromString(DEMO_HTML, 'text/html');
  document.body.replaceChildren(
    ...Array.from(page.body.childNodes, (node) => document.importNode(node, true)),
  );
  runInThisContext(DEMO_JS, { filename: 'embed-demo.js' });
}

afterEach(() => {
  document.querySelectorAll('head script[src$="embed.js"]').forEach((s) => s.remove());
  window.history.replaceState(null, '', '/');
});

describe('embed-demo.html', () => {
  it('has no inline script or inline event handler', () => {
    expect(DEMO_HTML).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(DEMO_HTML).not.toMatch(/\son[a-z]+=/i);
    expect(DEMO_HTML).toContain('<script src="embed-demo.js" defer></script>');
  });

  it('embeds the dashboard given by ?app, once by iframe and once by embed.js', () => {
    openDemo('?app=https://dash.example/base/');
    expect(screen.getByText('https://dash.example/base/')).toBeInTheDocument();
    const iframe = screen.getByTitle('HSCT trials in multiple sclerosis');
    const src = new URL(iframe.getAttribute('src')!);
    expect(src.origin + src.pathname).toBe('https://dash.example/base/');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      embed: '1',
      disease: 'multiple-sclerosis',
      panels: 'summary,phase,timeline,status',
      lock: '1',
      theme: 'dark',
      origins: window.location.origin,
    });
    expect(document.querySelector('head script[src$="embed.js"]')).toHaveAttribute(
      'src',
      'https://dash.example/base/embed.js',
    );
    expect(document.querySelector('[data-hsct-trials]')).toHaveAttribute(
      'data-hsct-trials',
      'disease=lupus,systemic-sclerosis&panels=summary,disease,phase,table&accent=%23b03a2e',
    );
  });

  it('uses its own site when ?app is missing, and says so when ?app is not a web address', () => {
    openDemo('?app=javascript:alert(1)');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The app parameter is not an http(s) URL: "javascript:alert(1)".',
    );
    const src = new URL(
      screen.getByTitle('HSCT trials in multiple sclerosis').getAttribute('src')!,
    );
    expect(src.origin + src.pathname).toBe(`${window.location.origin}/`);
  });
});

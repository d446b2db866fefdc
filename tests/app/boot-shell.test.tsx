/**
 * index.html paints the app's header before any script runs (fast first and largest paint); React then
 * replaces it with its own. The two must say the same thing, or the page changes under the reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.tsx';
import { renderWithProviders } from '../render.tsx';

const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the boot shell of index.html', () => {
  const html = readFileSync(join(process.cwd(), 'index.html'), 'utf8');
  const boot = new DOMParser().parseFromString(html, 'text/html');

  it('shows the same heading and tagline as the app, with the same classes', () => {
    renderWithProviders(<App mockMode={false} />);
    const heading = screen.getByRole('heading', { level: 1 });
    const header = heading.closest('header');
    const bootHeader = boot.querySelector('#root header');
    expect(bootHeader?.className).toBe(header?.className);
    expect(words(bootHeader?.querySelector('h1')?.textContent)).toBe(words(heading.textContent));
    const tagline = header?.querySelector('p');
    const bootTagline = bootHeader?.querySelector('p');
    expect(bootTagline?.className).toBe(tagline?.className);
    expect(words(bootTagline?.textContent)).toBe(words(tagline?.textContent));
  });

  it('says it is loading, and what is needed when scripts are off', () => {
    const main = boot.querySelector('#root main');
    expect(words(main?.textContent)).toContain('Loading trials…');
    expect(main?.querySelector('noscript')).not.toBeNull();
  });
});

import type { ReactElement } from 'react';
import { NuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import { renderWithProviders } from '../../render.tsx';

/**
 * Renders `ui` in the app providers and a nuqs testing adapter that starts at `search` and keeps
 * URL updates in memory (like a browser); returns the query strings written, newest last.
 */
export function renderWithUrl(ui: ReactElement, search = '') {
  const urls: string[] = [];
  const onUrlUpdate = (event: UrlUpdateEvent) => {
    urls.push(event.queryString);
  };
  const result = renderWithProviders(
    <NuqsTestingAdapter searchParams={search} hasMemory onUrlUpdate={onUrlUpdate}>
      {ui}
    </NuqsTestingAdapter>,
  );
  return { ...result, urls, lastUrl: () => new URLSearchParams(urls.at(-1) ?? search) };
}

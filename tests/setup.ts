import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node.ts';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// DOM matchers and unmounting after each test, only where there is a DOM (jsdom tests).
if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup, configure } = await import('@testing-library/react');
  afterEach(() => cleanup());
  // findBy*/waitFor wait up to 5 s (default 1 s): on a loaded machine a render after a network answer
  // can take longer than a second. A missing element still fails, only later.
  configure({ asyncUtilTimeout: 5_000 });
}

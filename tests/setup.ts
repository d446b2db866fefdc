import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node.ts';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// DOM matchers and unmounting after each test, only where there is a DOM (jsdom tests).
if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}

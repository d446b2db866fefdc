/** The MSW worker for the browser mock mode (VITE_MOCK=1). The bundled dataset is served by Vite itself. */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.ts';

export const worker = setupWorker(...handlers);

/**
 * Browser tests pick a fault scenario or a data scale by URL: `?mock-scenario=<name>` (see
 * mocks/scenarios.ts) or `?mock-scale=<n>` (n generated synthetic studies). Mock build only: this module is
 * imported by src/main.tsx only when VITE_MOCK=1. Unknown names are ignored (healthy emulator).
 */
export async function applyMockOptionsFromUrl(search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const scenario = params.get('mock-scenario');
  const scale = Number(params.get('mock-scale'));
  if (scenario === null && !(scale > 0)) return;
  const { isMockScenario, scaleHandlers, scenarioHandlers } = await import('./scenarios.ts');
  if (scale > 0) worker.use(...scaleHandlers(Math.min(Math.floor(scale), 200_000)));
  if (scenario !== null && isMockScenario(scenario)) worker.use(...scenarioHandlers(scenario));
}

/** The MSW worker for the browser mock mode (VITE_MOCK=1). The bundled dataset is served by Vite itself. */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.ts';

export const worker = setupWorker(...handlers);

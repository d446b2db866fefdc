import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { Providers } from './app/providers.tsx';
import { browserDatasetPersister } from './app/query-persistence.ts';
import './styles/global.css';

async function startMockApi(): Promise<void> {
  const { worker, applyMockOptionsFromUrl } = await import('../mocks/browser.ts');
  await applyMockOptionsFromUrl(window.location.search);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}

async function main(): Promise<void> {
  if (import.meta.env.VITE_MOCK === '1') {
    try {
      await startMockApi();
    } catch (error) {
      // Without the emulator the app still works: the live request fails and the bundled sample is shown.
      console.error('The API emulator (MSW) could not start:', error);
    }
  }
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  createRoot(container).render(
    <StrictMode>
      <Providers persister={browserDatasetPersister()}>
        <App />
      </Providers>
    </StrictMode>,
  );
}

void main();

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider, type Persister } from '@tanstack/react-query-persist-client';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { createQueryClient } from './query-client.ts';
import { configureDatasetCache, datasetPersistOptions } from './query-persistence.ts';

export type ProvidersProps = {
  children: ReactNode;
  client?: QueryClient;
  /** Saves the dataset query (IndexedDB in the app, see query-persistence.ts). Default: none (tests). */
  persister?: Persister | undefined;
};

function RootFallback({ error }: { error: Error }) {
  return (
    <div className="root-error" role="alert">
      <h1>HSCT Trials Dashboard</h1>
      <p>Something went wrong and the page could not be shown: {error.message}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </div>
  );
}

/** App-wide providers: the root error boundary, the URL state (nuqs) and the query cache. */
export function Providers({ children, client, persister }: ProvidersProps) {
  const [queryClient] = useState(() => {
    const created = client ?? createQueryClient();
    if (persister) configureDatasetCache(created);
    return created;
  });
  const [persistOptions] = useState(() => (persister ? datasetPersistOptions(persister) : null));
  return (
    <ErrorBoundary fallback={(error) => <RootFallback error={error} />}>
      <NuqsAdapter>
        {persistOptions ? (
          <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
            {children}
          </PersistQueryClientProvider>
        ) : (
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        )}
      </NuqsAdapter>
    </ErrorBoundary>
  );
}

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { createQueryClient } from './query-client.ts';

export type ProvidersProps = { children: ReactNode; client?: QueryClient };

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
export function Providers({ children, client }: ProvidersProps) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <ErrorBoundary fallback={(error) => <RootFallback error={error} />}>
      <NuqsAdapter>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </NuqsAdapter>
    </ErrorBoundary>
  );
}

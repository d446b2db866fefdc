import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Providers } from '../src/app/providers.tsx';
import { createQueryClient } from '../src/app/query-client.ts';

export type RenderWithProvidersOptions = Omit<RenderOptions, 'wrapper'> & { client?: QueryClient };

/** Renders `ui` inside the app providers with a fresh query client (no query retries). */
export function renderWithProviders(
  ui: ReactElement,
  { client, ...options }: RenderWithProvidersOptions = {},
) {
  const queryClient = client ?? createQueryClient({ retry: false });
  const user = userEvent.setup();
  const result = render(<Providers client={queryClient}>{ui}</Providers>, options);
  return { user, queryClient, ...result };
}

import { QueryClient } from '@tanstack/react-query';
import type { PlatformError } from '../platform/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: PlatformError;
  }
}

/**
 * Call state is written by the notifications socket and REST re-reads, never refetched on a
 * timer, on focus or on reconnect: the socket keeps it true.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        refetchOnMount: false,
      },
      mutations: { retry: false },
    },
  });
}

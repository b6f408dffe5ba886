import { QueryClient, type QueryCache } from '@tanstack/react-query';
import type { PlatformError } from '../platform/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: PlatformError;
  }
}

/**
 * Call state is written by the notifications socket and REST re-reads, never refetched on a
 * timer, on focus or on reconnect: the socket keeps it true. Lookups (names, prompts) that do
 * fetch are never retried for refusals (401/403/404) and honour a 429's Retry-After.
 */
export function createQueryClient(queryCache?: QueryCache): QueryClient {
  return new QueryClient({
    queryCache,
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: Infinity,
        retry: (failureCount, error) =>
          failureCount < 2 &&
          (error.kind === 'network' || error.kind === 'server' || error.kind === 'rateLimited'),
        retryDelay: (attempt, error) =>
          error.kind === 'rateLimited'
            ? (error.retryAfterMs ?? 1000)
            : Math.min(8000, 500 * 2 ** attempt),
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        refetchOnMount: false,
      },
      mutations: { retry: false },
    },
  });
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useServices } from '../../../services/widget-services';
import type { Prompt } from '../../../platform/architect';

const PROMPTS_PER_PAGE = 25;

/**
 * Prompts matching a search (name or description), a page at a time ("Show more"). Fetched when
 * asked for, kept five minutes per search, never refetched on a timer.
 */
export function usePrompts(search: string) {
  const { platform } = useServices();
  const query = useInfiniteQuery({
    queryKey: ['playback', 'prompts', search],
    queryFn: async ({ pageParam }) =>
      (await platform.playback()).listPrompts({
        search,
        pageNumber: pageParam,
        pageSize: PROMPTS_PER_PAGE,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) =>
      last.pageNumber < last.pageCount ? last.pageNumber + 1 : undefined,
    gcTime: 5 * 60_000,
  });
  const prompts = useMemo<Prompt[]>(
    () => query.data?.pages.flatMap((page) => page.prompts) ?? [],
    [query.data],
  );
  return { ...query, prompts, total: query.data?.pages[0]?.total };
}

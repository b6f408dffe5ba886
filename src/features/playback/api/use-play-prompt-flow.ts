import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../../services/widget-services';
import type { FlowSummary } from '../../../platform/architect';
import type { PlatformError } from '../../../platform/errors';

/** The secure call flow this widget's playback protocol is built for (deploy/architect/). */
const PLAY_PROMPT_FLOW_NAME = 'Play Prompt';

export type FlowLookup =
  | { status: 'found'; flowId: string }
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'failed'; error: PlatformError };

/** The platform's `name` matching is undocumented: the exact name (any case) of a live flow. */
export function pickFlow(flows: readonly FlowSummary[], name = PLAY_PROMPT_FLOW_NAME) {
  const wanted = name.trim().toLowerCase();
  return flows.find(
    (f) =>
      !f.deleted && f.type.toLowerCase() === 'securecall' && f.name.trim().toLowerCase() === wanted,
  );
}

/**
 * The Play Prompt flow id: the configured one (`VITE_GC_PLAY_PROMPT_FLOW_ID`), else looked up by
 * name once per session (needs `architect:flow:view`, which agents may lack: then a 403).
 */
export function usePlayPromptFlow(configuredId: string | undefined): FlowLookup {
  const { platform } = useServices();
  const query = useQuery({
    queryKey: ['playback', 'flow', PLAY_PROMPT_FLOW_NAME],
    queryFn: async () =>
      pickFlow(
        await (
          await platform.playback()
        ).findFlows({ type: 'securecall', name: PLAY_PROMPT_FLOW_NAME }),
      ) ?? null,
    enabled: !configuredId,
  });
  if (configuredId) return { status: 'found', flowId: configuredId };
  if (query.error) return { status: 'failed', error: query.error };
  if (query.data === undefined) return { status: 'loading' };
  return query.data ? { status: 'found', flowId: query.data.id } : { status: 'notFound' };
}

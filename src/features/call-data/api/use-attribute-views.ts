import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { IntentView } from '../../../calls/intents/intent-registry';
import { useServices } from '../../../services/widget-services';

export type AttributeViews = ReadonlyMap<string, IntentView<string>>;

/**
 * The intent registry's view of each key (shown, confirmed, pending, outcome): the same Map
 * while nothing changed, so a component re-renders only when one of its keys did. `keys` must
 * be a stable array (memoised by the caller).
 */
export function useAttributeViews(
  conversationId: string,
  participantId: string,
  keys: readonly string[],
): AttributeViews {
  const { intents } = useServices();
  const cache = useRef<{
    keys: readonly string[];
    views: IntentView<string>[];
    map: AttributeViews;
  }>(undefined);
  const read = useCallback(() => {
    const views = keys.map((key) => intents.attribute(conversationId, participantId, key));
    const previous = cache.current;
    if (previous && previous.keys === keys && views.every((v, i) => v === previous.views[i]))
      return previous.map;
    const map = new Map(keys.map((key, i) => [key, views[i]!] as const));
    cache.current = { keys, views, map };
    return map;
  }, [intents, conversationId, participantId, keys]);
  return useSyncExternalStore(
    useCallback((listener) => intents.subscribe(listener), [intents]),
    read,
  );
}

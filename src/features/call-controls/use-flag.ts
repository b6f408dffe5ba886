import { useCallback, useSyncExternalStore } from 'react';
import type { FlagField, IntentView } from '../../calls/intents/intent-registry';
import { useServices } from '../../services/widget-services';

/** Mute or hold of one participant as the panel should show it (re-renders only when it changes). */
export function useFlag(
  conversationId: string,
  participantId: string,
  field: FlagField,
): IntentView<boolean> {
  const { intents } = useServices();
  const read = useCallback(
    () => intents.flag(conversationId, participantId, field),
    [intents, conversationId, participantId, field],
  );
  return useSyncExternalStore(
    useCallback((listener) => intents.subscribe(listener), [intents]),
    read,
  );
}

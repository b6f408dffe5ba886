import { useMemo } from 'react';
import type { Call } from '../platform/types';
import { useServices } from '../services/widget-services';
import type { FlagField, IntentEvent, IntentView } from './intents/intent-registry';

/**
 * The call core read from code outside rendering (effects, handlers): the latest snapshot, a
 * field's view, and the confirmed changes and outcomes as they happen. Read-only: writes go
 * through `useCallActions`.
 */
export interface CallReader {
  call(conversationId: string): Call | undefined;
  flag(conversationId: string, participantId: string, field: FlagField): IntentView<boolean>;
  attribute(conversationId: string, participantId: string, key: string): IntentView<string>;
  /** Confirmed changes (with provenance) and outcomes; returns the function that stops. */
  onIntentEvent(listener: (event: IntentEvent) => void): () => void;
}

/** The call core's reader for this widget (stable across renders). */
export function useCallReader(): CallReader {
  const { calls, intents } = useServices();
  return useMemo(
    () => ({
      call: (cid) => calls.get(cid),
      flag: (cid, pid, field) => intents.flag(cid, pid, field),
      attribute: (cid, pid, key) => intents.attribute(cid, pid, key),
      onIntentEvent: (listener) => intents.onEvent(listener),
    }),
    [calls, intents],
  );
}

import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Participant } from '../platform/types';
import { useServices } from '../services/widget-services';
import type { FlagField, IntentGroup, IntentRegistry, IntentView } from './intents/intent-registry';

export type { FlagField, IntentView } from './intents/intent-registry';

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

/** One attribute of one participant as the panel should show it. */
export function useAttribute(
  conversationId: string,
  participantId: string,
  key: string,
): IntentView<string> {
  const { intents } = useServices();
  const read = useCallback(
    () => intents.attribute(conversationId, participantId, key),
    [intents, conversationId, participantId, key],
  );
  return useSyncExternalStore(
    useCallback((listener) => intents.subscribe(listener), [intents]),
    read,
  );
}

export type AttributeViews = ReadonlyMap<string, IntentView<string>>;

/**
 * The view of each attribute key (shown, confirmed, pending, outcome): the same Map while
 * nothing changed, so a component re-renders only when one of its keys did. `keys` must be a
 * stable array (memoised by the caller).
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

/**
 * One participant as the card shows it, for every part of the card alike: the server's state
 * with the agent's pending mute/hold overlaid (`participant.muted` is what the toggle shows),
 * and `pending` saying which of those are not confirmed yet. The same object while nothing of
 * it changed.
 */
export interface ParticipantView {
  participant: Participant;
  pending: Readonly<Record<FlagField, boolean>>;
  flags: Readonly<Record<FlagField, IntentView<boolean>>>;
}

export function useParticipantView(
  conversationId: string,
  participant: Participant,
): ParticipantView {
  const muted = useFlag(conversationId, participant.id, 'muted');
  const held = useFlag(conversationId, participant.id, 'held');
  return useMemo(
    () => ({
      participant: {
        ...participant,
        muted: muted.shown ?? participant.muted,
        held: held.shown ?? participant.held,
      },
      pending: { muted: muted.pending, held: held.pending },
      flags: { muted, held },
    }),
    [participant, muted, held],
  );
}

/** What the agent asks of a call: each change leaves as an intent (see `IntentRegistry`). */
export interface CallActions {
  requestFlag(cid: string, pid: string, field: FlagField, value: boolean): void;
  /** Only the keys given, sent together in one PATCH (merge semantics). */
  requestAttributes(cid: string, pid: string, values: Record<string, string>): void;
  /** Clears a shown failure (the server is not asked anything). */
  dismiss(cid: string, pid: string, group: IntentGroup, field: string): void;
}

/** The agent's requests on calls (stable across renders). */
export function useCallActions(): CallActions {
  const { intents } = useServices();
  return useMemo(
    () => ({
      requestFlag: (cid, pid, field, value) => intents.requestFlag(cid, pid, field, value),
      requestAttributes: (cid, pid, values) => intents.requestAttributes(cid, pid, values),
      dismiss: (cid, pid, group, field) => intents.dismiss(cid, pid, group, field),
    }),
    [intents],
  );
}

/** What a plain-TS helper of a feature needs to follow its attribute saves: ask, read, listen. */
export type AttributeIntents = Pick<CallActions, 'requestAttributes'> &
  Pick<IntentRegistry, 'attribute' | 'subscribe'>;

/** The attribute side of the call core for such a helper (stable across renders). */
export function useAttributeIntents(): AttributeIntents {
  const { intents } = useServices();
  const { requestAttributes } = useCallActions();
  return useMemo(
    () => ({
      requestAttributes,
      attribute: (cid, pid, name) => intents.attribute(cid, pid, name),
      subscribe: (listener) => intents.subscribe(listener),
    }),
    [intents, requestAttributes],
  );
}

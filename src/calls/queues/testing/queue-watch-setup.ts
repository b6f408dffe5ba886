import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { parseCall } from '../../../platform/call-mapping';
import type { ActivitySnapshot, ConversationActivity } from '../../../platform/supervision';
import type { Call } from '../../../platform/types';
import { callKeys } from '../../call-keys';
import { CallSync } from '../../call-sync';
import { TopicRegistry } from '../../../realtime/topic-registry';
import { queueCallsTopic } from '../../../realtime/topics';
import { QueueWatch } from '../queue-watch';

/** A queue watch over a real call sync and topic registry, with its API faked (tests only). */
export const Q1 = 'q-support';
export const Q2 = 'q-sales';

/** A call as the queue topic sends it (flat participants, ids only). */
export function rawCall(id: string, qid: string, over: { muted?: boolean; ended?: boolean } = {}) {
  const state = over.ended ? 'disconnected' : 'connected';
  return {
    id,
    participants: [
      { id: `${id}-cust`, purpose: 'customer', state, ani: 'tel:+13175550142' },
      { id: `${id}-acd`, purpose: 'acd', state: 'disconnected', queue: { id: qid } },
      {
        id: `${id}-agent`,
        purpose: 'agent',
        state,
        muted: over.muted ?? false,
        user: { id: `u-${id}` },
        queue: { id: qid },
      },
    ],
  };
}
export const call = (
  id: string,
  qid: string,
  over: { muted?: boolean; ended?: boolean } = {},
): Call => parseCall(rawCall(id, qid, over))!;

export const activity = (id: string, qid: string): ConversationActivity => ({
  conversationId: id,
  metric: 'oInteracting',
  queueId: qid,
  userId: `u-${id}`,
});

/** A promise the test settles. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function setup(
  options: {
    activities?: Record<string, string[]>;
    reads?: (id: string) => Promise<Call>;
    live?: boolean;
  } = {},
) {
  const queryClient = new QueryClient();
  const registry = new TopicRegistry({ debounceMs: 0 });
  const calls = new CallSync({
    queryClient,
    registry,
    api: { listCalls: async () => [], getCall: async () => Promise.reject(new Error('unused')) },
  });
  const activityQuery = vi.fn(async (queueIds: readonly string[]): Promise<ActivitySnapshot> => ({
    activities: queueIds.flatMap((q) =>
      (options.activities?.[q] ?? []).map((id) => activity(id, q)),
    ),
    pages: 1,
  }));
  const read = options.reads ?? (async (id: string) => call(id, id.startsWith('s') ? Q2 : Q1));
  const getConversation = vi.fn((id: string, _options?: { priority?: string }) => read(id));
  const malformed = vi.fn();
  const watch = new QueueWatch({
    registry,
    calls,
    api: { queryConversationActivity: activityQuery, getConversation },
    isLive: () => options.live ?? false,
    onMalformed: malformed,
  });
  const changed: string[] = [];
  watch.onChange((ids) => changed.push(...ids));
  const event = (qid: string, body: unknown) =>
    registry.dispatch({ topicName: queueCallsTopic(qid), body });
  const list = (qid: string) => queryClient.getQueryData<string[]>(callKeys.queue(qid));
  return {
    queryClient,
    registry,
    calls,
    watch,
    activityQuery,
    getConversation,
    malformed,
    changed,
    event,
    list,
  };
}

export const settle = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};
/** The snapshot's reads start once the held events are out (a zero-delay timer). */
export const readsRun = async () => {
  await vi.advanceTimersByTimeAsync(0);
  await settle();
};

import { QueryClient } from '@tanstack/query-core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallSync } from './call-sync';
import { PlatformError } from '../platform/errors';
import type { Call } from '../platform/types';
import { callFor } from '../testing/factories';
import { FakeSocket } from '../testing/fake-socket';
import { FUZZ_RUNS, mutated } from '../testing/fuzz';
import { frameText } from '../testing/fuzz-frames';
import { createConnectionStore } from '../realtime/connection-store';
import { NotificationChannelClient } from '../realtime/notification-channel';
import { TopicRegistry } from '../realtime/topic-registry';

const ME = 'u1';
const TOPIC = `v2.users.${ME}.conversations.calls`;
/** The known-good call: connected, muted, with call data. */
const GOOD: Call = callFor(ME, 'good', { muted: true, attributes: { tier: 'Gold' } });

/** Another call that borrows the good call's participant ids (state must stay per call). */
const lookalike: Call = { ...callFor(ME, 'other'), participants: GOOD.participants };

/** Frames about other calls: mutated call events of other ids, and anything else at all. */
const otherFrames = fc.oneof(
  frameText,
  mutated({ topicName: TOPIC, eventBody: lookalike, metadata: { CorrelationId: 'x' } }).map(
    (v) => JSON.stringify(v) ?? '',
  ),
  mutated({ topicName: TOPIC.toUpperCase(), eventBody: callFor(ME, 'new', { held: true }) }).map(
    (v) => JSON.stringify(v) ?? '',
  ),
);

/** A frame that names the good call itself is not "another call" (it may change it). */
const aboutGood = (text: string) => {
  try {
    const body = (JSON.parse(text) as { eventBody?: { id?: unknown } } | null)?.eventBody;
    return body?.id === GOOD.id;
  } catch {
    return false;
  }
};

async function settle() {
  for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(0);
  const socket = FakeSocket.all.at(-1);
  if (socket && socket.readyState === 0) {
    socket.open();
    for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(0);
  }
}

async function liveWithGoodCall() {
  const store = createConnectionStore();
  const registry = new TopicRegistry({ debounceMs: 1 });
  const queryClient = new QueryClient();
  let channels = 0;
  const sync = new CallSync({
    queryClient,
    registry,
    api: {
      listCalls: async () => [GOOD],
      getCall: async (id) => {
        if (id === GOOD.id) return GOOD;
        throw new PlatformError('notFound', 'gone');
      },
    },
  });
  sync.watchMyCalls(ME);
  const channel = new NotificationChannelClient({
    api: {
      createChannel: async () => {
        channels += 1;
        return { id: `ch${channels}`, connectUri: `ws://x/${channels}`, expiresAt: 9e15 };
      },
      replaceSubscriptions: async (_id, topics) => ({ permitted: [...topics], rejected: [] }),
    },
    registry,
    store,
    createSocket: (url) => new FakeSocket(url),
    random: () => 0,
    options: { heartbeatMs: 60_000 },
  });
  channel.start();
  await settle();
  return { store, sync, channel };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('notifications channel → call sync: fuzzed frames', () => {
  it('never throws out of the realtime layer, and never changes another call’s state', async () => {
    const t = await liveWithGoodCall();
    expect(t.store.getState().status).toBe('live');
    const good = t.sync.get(GOOD.id);
    expect(good).toEqual(GOOD);
    await fc.assert(
      fc.asyncProperty(fc.array(otherFrames, { minLength: 1, maxLength: 5 }), async (frames) => {
        fc.pre(!frames.some(aboutGood));
        for (const text of frames) expect(() => FakeSocket.last().receive(text)).not.toThrow();
        await settle();
        expect(t.sync.get(GOOD.id)).toEqual(good);
        expect(t.sync.myIds(ME)).toContain(GOOD.id);
      }),
      { numRuns: FUZZ_RUNS },
    );
    // Still delivering: a real change of the good call arrives.
    const state = t.store.getState();
    expect(state.dropped.malformed + state.dropped.unknownTopic).toBeGreaterThan(0);
    await settle();
    FakeSocket.last().receive({
      topicName: TOPIC,
      eventBody: callFor(ME, 'good', { muted: false, attributes: { tier: 'Gold' } }),
    });
    expect(t.sync.get(GOOD.id)?.participants[1]?.muted).toBe(false);
    t.channel.stop();
  });
});

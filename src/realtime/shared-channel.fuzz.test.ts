import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FUZZ_RUNS, mutated, wrongType } from '../testing/fuzz';
import { settle, world } from '../testing/shared-channel-harness';
import { readChannelMessage } from './channel-messages';
import type { ConnectionState } from './connection-store';
import type { BusMessage } from './instance-bus';

/** The link state a follower mirrors, without the counters. */
const mirrored = ({ status, attempt, nextRetryAt, staleSince, channelId }: ConnectionState) => ({
  status,
  attempt,
  nextRetryAt,
  staleSince,
  channelId,
});
const busDrops = (state: ConnectionState) =>
  state.busDropped.malformed + state.busDropped.unexpected;

const CHANNEL = { id: 'evil', connectUri: 'wss://evil.example/x', expiresAt: 9e15 };
const EVENT = { topicName: 'v2.users.u2.conversations.calls', body: { id: 'c1' } };

/** Real messages of every kind, as a forger (`from` is never the leader) would send them. */
const REAL: Record<string, unknown>[] = [
  { type: 'state', from: 'forger', state: { status: 'live', attempt: 0, channelId: 'evil' } },
  { type: 'channel', from: 'forger', channel: CHANNEL },
  { type: 'event', from: 'forger', event: EVENT },
  { type: 'resync', from: 'forger', topics: ['v2.users.u2.conversations.calls'] },
  { type: 'reconnect', from: 'forger' },
  { type: 'leader', from: 'forger', channel: CHANNEL },
  { type: 'hello', from: 'forger', topics: ['v2.users.u9.conversations.calls'] },
  { type: 'topics', from: 'forger', topics: ['v2.users.u9.conversations.calls'] },
  { type: 'bye', from: 'forger' },
];

/** A forged message: random, or a real one mutated; never from the leader itself. */
const forged = (types: readonly string[]) =>
  fc
    .oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: wrongType },
      {
        weight: 6,
        arbitrary: fc.constantFrom(...REAL.filter((m) => types.includes(m.type as string))),
      },
      {
        weight: 12,
        arbitrary: fc
          .constantFrom(...REAL.filter((m) => types.includes(m.type as string)))
          .chain((m) => mutated(m)),
      },
    )
    .filter((m) => {
      const from = (m as { from?: unknown } | null)?.from;
      return from !== 'i1' && from !== 'i2';
    });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SharedChannel: forged and malformed bus messages', () => {
  it('a follower never applies a forged message (a claim to lead included): its link state, channel and events stay the leader’s', async () => {
    const w = await world();
    const before = mirrored(w.follower.store.getState());
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          forged(['state', 'channel', 'event', 'resync', 'leader', 'hello', 'topics', 'bye']),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        async (messages) => {
          const drops = busDrops(w.follower.store.getState());
          for (const m of messages) w.forger.post(m as BusMessage);
          sent += messages.length;
          await settle();
          expect(mirrored(w.follower.store.getState())).toEqual(before);
          expect(w.follower.events).toEqual([]);
          // Everything addressed to a follower that it does not simply ignore is counted.
          const counted = messages.filter((m) => {
            const read = readChannelMessage(m);
            return !read || !['hello', 'topics', 'bye'].includes(read.type);
          }).length;
          expect(busDrops(w.follower.store.getState()) - drops).toBe(counted);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    expect(sent).toBeGreaterThanOrEqual(FUZZ_RUNS);
    // The link still works: a real event reaches the follower, and when the leader goes the
    // follower takes over on the leader's platform channel, not a forged one.
    w.channels[0]!.registry.dispatch({ ...EVENT, body: 'real' });
    await settle();
    expect(w.follower.events).toEqual(['real']);
    await w.leader.shared.stop();
    await settle();
    expect(w.follower.shared.isLeader).toBe(true);
    expect(w.channels.at(-1)!.reuse?.id).toBe('ch1');
  });

  it('the leader never takes a forged claim, channel, state, event or reconnect', async () => {
    const w = await world();
    const topics = () => w.channels[0]!.registry.topics().sort();
    const before = { state: mirrored(w.leader.store.getState()), topics: topics() };
    await fc.assert(
      fc.asyncProperty(
        fc.array(forged(['state', 'channel', 'event', 'resync', 'reconnect', 'leader']), {
          minLength: 1,
          maxLength: 4,
        }),
        async (messages) => {
          fc.pre(
            messages.every((m) => !['hello', 'topics'].includes(readChannelMessage(m)?.type ?? '')),
          );
          const drops = busDrops(w.leader.store.getState());
          for (const m of messages) w.forger.post(m as BusMessage);
          await settle();
          expect(mirrored(w.leader.store.getState())).toEqual(before.state);
          expect(topics()).toEqual(before.topics);
          expect(w.channels).toHaveLength(1);
          expect(w.channels[0]!.reconnects).toBe(0);
          const counted = messages.filter((m) => readChannelMessage(m)?.type !== 'bye').length;
          expect(busDrops(w.leader.store.getState()) - drops).toBe(counted);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a state with extra fields is dropped and counted, never applied in part', async () => {
    const w = await world();
    // Even from the leader's own id: the shape is wrong, so none of it applies.
    w.forger.post({
      type: 'state',
      from: 'i1',
      state: { status: 'reconnecting', dropped: { malformed: 99, unknownTopic: 99 } },
    });
    await settle();
    expect(w.follower.store.getState()).toMatchObject({
      status: 'live',
      dropped: { malformed: 0, unknownTopic: 0 },
      busDropped: { malformed: 1, unexpected: 0 },
    });
  });

  it('an event for a topic the instance never asked for is dropped and counted', async () => {
    const w = await world();
    w.forger.post({
      type: 'event',
      from: 'i1',
      event: { topicName: 'v2.users.u1.conversations.calls', body: { id: 'not-mine' } },
    });
    await settle();
    expect(w.follower.events).toEqual([]);
    expect(w.follower.store.getState().busDropped).toEqual({ malformed: 0, unexpected: 1 });
  });

  it('a channel swap from an instance that does not lead is dropped; the next leader reuses the real channel', async () => {
    const w = await world();
    w.forger.post({ type: 'channel', from: 'forger', channel: CHANNEL });
    await settle();
    expect(w.follower.store.getState().busDropped).toEqual({ malformed: 0, unexpected: 1 });
    await w.leader.shared.stop();
    await settle();
    expect(w.channels.at(-1)!.reuse).toMatchObject({ id: 'ch1' });
  });

  it('a reconnect request from an instance the leader does not know is dropped and counted', async () => {
    const w = await world();
    w.forger.post({ type: 'reconnect', from: 'stranger' });
    await settle();
    expect(w.channels[0]!.reconnects).toBe(0);
    expect(w.leader.store.getState().busDropped).toEqual({ malformed: 0, unexpected: 1 });
    w.follower.shared.reconnectNow();
    await settle();
    expect(w.channels[0]!.reconnects).toBe(1);
  });

  it('the instances’ own traffic drops nothing', async () => {
    const w = await world();
    w.channels[0]!.registry.dispatch({ ...EVENT, body: 'one', correlationId: 'k' });
    await w.channels[0]!.registry.resync();
    w.leader.store.setState({ status: 'reconnecting', attempt: 1, nextRetryAt: Date.now() + 1 });
    w.leader.store.setState({ status: 'live', attempt: 0, nextRetryAt: undefined });
    await settle();
    expect(w.follower.events).toEqual(['one']);
    expect(w.follower.store.getState()).toMatchObject({ status: 'live', attempt: 0 });
    expect(w.follower.store.getState().nextRetryAt).toBeUndefined();
    for (const i of [w.leader, w.follower])
      expect(i.store.getState().busDropped).toEqual({ malformed: 0, unexpected: 0 });
  });
});

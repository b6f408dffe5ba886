import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCallEnded } from '../domain/call-selectors';
import { PlatformError } from '../platform/errors';
import type { Call, Participant } from '../platform/types';
import { callFor } from '../testing/factories';
import { callKeys } from './call-keys';
import { CallSync, ENDED_CALLS_KEPT, type CallUpdate } from './call-sync';
import { TopicRegistry } from '../realtime/topic-registry';
import { userCallsTopic } from '../realtime/topics';

const ME = 'u1';
const call = (id: string, state: Participant['state'] = 'connected', muted = false): Call =>
  callFor(ME, id, { state, muted });

function setup(api: Partial<ConstructorParameters<typeof CallSync>[0]['api']> = {}) {
  const queryClient = new QueryClient();
  const registry = new TopicRegistry();
  const updates: CallUpdate[] = [];
  const malformed = vi.fn();
  const sync = new CallSync({
    queryClient,
    registry,
    api: {
      listCalls: api.listCalls ?? (async () => []),
      getCall: api.getCall ?? (async (id) => call(id)),
    },
    now: () => 1000,
    onMalformed: malformed,
  });
  sync.onUpdate((u) => updates.push(u));
  const stop = sync.watchMyCalls(ME);
  const event = (body: unknown, correlationId = 'k') =>
    registry.dispatch({ topicName: userCallsTopic(ME), body, correlationId });
  const ids = () => queryClient.getQueryData<string[]>(callKeys.mine(ME)) ?? [];
  return { queryClient, registry, sync, updates, event, ids, stop, malformed };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CallSync', () => {
  it('keeps one cache entry per call and a list of the user’s call ids', () => {
    const t = setup();
    t.event(call('a'));
    t.event(call('b'));
    t.event(call('a', 'connected', true));
    expect(t.ids()).toEqual(['a', 'b']);
    expect(t.sync.get('a')?.participants[1]?.muted).toBe(true);
    expect(t.sync.get('b')?.participants[1]?.muted).toBe(false);
  });

  it('emits old → new diffs per participant field and attribute, with the correlation id', () => {
    const t = setup();
    const first = call('a');
    t.event(first);
    expect(t.updates[0]?.changes).toEqual([]);
    const next: Call = {
      ...first,
      participants: [
        { ...first.participants[0]!, attributes: { tier: 'Gold' } },
        { ...first.participants[1]!, muted: true, held: true },
        {
          id: 'sup',
          purpose: 'user',
          state: 'connected',
          direction: 'outbound',
          muted: false,
          held: false,
          attributes: {},
          coachedParticipantId: 'a-a',
        },
      ],
    };
    t.event(next, 'corr-2');
    const changes = t.updates[1]!.changes.map(
      ({ at, source, correlationId, conversationId, ...c }) => {
        expect({ at, source, correlationId, conversationId }).toEqual({
          at: 1000,
          source: 'event',
          correlationId: 'corr-2',
          conversationId: 'a',
        });
        return c.kind === 'joined' ? { kind: c.kind, participantId: c.participantId } : c;
      },
    );
    expect(changes).toEqual([
      { kind: 'attribute', participantId: 'a-c', key: 'tier', from: undefined, to: 'Gold' },
      { kind: 'field', participantId: 'a-a', field: 'muted', from: false, to: true },
      { kind: 'field', participantId: 'a-a', field: 'held', from: false, to: true },
      { kind: 'joined', participantId: 'sup' },
    ]);
  });

  it('reports nothing and keeps the same object when a snapshot changes nothing', () => {
    const t = setup();
    t.event(call('a'));
    const before = t.sync.get('a');
    t.event(call('a'));
    expect(t.sync.get('a')).toBe(before);
    expect(t.updates).toHaveLength(1);
  });

  it('ignores an ended call it never knew, keeps a few ended ones, and forgets the rest', () => {
    const t = setup();
    t.event(call('never-seen', 'disconnected'));
    expect(t.ids()).toEqual([]);
    for (let i = 0; i < ENDED_CALLS_KEPT + 2; i += 1) {
      t.event(call(`c${i}`));
      t.event(call(`c${i}`, 'terminated'));
    }
    expect(t.ids()).toEqual(['c2', 'c3', 'c4']);
    expect(t.queryClient.getQueryData(callKeys.detail('c0'))).toBeUndefined();
    expect(t.queryClient.getQueryCache().findAll({ queryKey: callKeys.details() })).toHaveLength(3);
  });

  it('a call an open panel retains outlives its place in the user’s list; released, it goes', () => {
    const t = setup();
    const forgotten: string[] = [];
    t.sync.onForget((id) => forgotten.push(id));
    t.event(call('c0'));
    const release = t.sync.retain('c0');
    t.event(call('c0', 'terminated'));
    for (let i = 1; i <= ENDED_CALLS_KEPT; i += 1) {
      t.event(call(`c${i}`));
      t.event(call(`c${i}`, 'terminated'));
    }
    expect(t.ids()).not.toContain('c0');
    expect(t.sync.get('c0')).toBeDefined();
    expect(forgotten).toEqual([]);
    release();
    expect(t.sync.get('c0')).toBeUndefined();
    expect(forgotten).toEqual(['c0']);
  });

  it('a call in the user’s list and a queue’s stays until both let it go', () => {
    const t = setup();
    t.event(call('a'));
    t.sync.setQueueIds('q1', ['a']);
    t.sync.setQueueIds('q1', undefined);
    expect(t.sync.get('a')).toBeDefined();
    expect(t.sync.isRetained('a')).toBe(true);
  });

  it('counts a body that is not a call as malformed', () => {
    const t = setup();
    t.event({ participants: [] });
    expect(t.malformed).toHaveBeenCalledTimes(1);
    expect(t.ids()).toEqual([]);
  });

  it('keeps the last known value of an unreadable field and re-reads the call once', async () => {
    const getCall = vi.fn(async (id: string) => call(id, 'connected', true));
    const t = setup({ getCall });
    t.event(call('a', 'connected', true));
    const raw = JSON.parse(JSON.stringify(call('a'))) as { participants: { muted: unknown }[] };
    raw.participants[1]!.muted = 'yes';
    t.event(raw);
    expect(t.sync.get('a')?.participants[1]?.muted).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(getCall).toHaveBeenCalledTimes(1);
    expect(t.sync.get('a')?.participants[1]).not.toHaveProperty('unreadable');
  });

  it('re-reads the list, and reads a vanished call by id to learn how it ended', async () => {
    const ended = call('gone', 'terminated');
    const t = setup({
      listCalls: async () => [call('stays'), call('new')],
      getCall: async () => ended,
    });
    t.event(call('gone'));
    t.event(call('stays'));
    await t.sync.resyncMyCalls(ME);
    expect(t.ids()).toEqual(['gone', 'stays', 'new']);
    expect(isCallEnded(t.sync.get('gone')!, ME)).toBe(true);
    expect(t.updates.at(-1)?.meta.source).toBe('reread');
  });

  it('marks a vanished call ended only when the platform says it is gone (404), not when offline', async () => {
    const gone = setup({ getCall: async () => Promise.reject(new PlatformError('notFound', 'x')) });
    gone.event(call('c'));
    await gone.sync.resyncMyCalls(ME);
    expect(isCallEnded(gone.sync.get('c')!, ME)).toBe(true);

    const offline = setup({
      getCall: async () => Promise.reject(new PlatformError('network', 'x')),
    });
    offline.event(call('c'));
    await expect(offline.sync.resyncMyCalls(ME)).rejects.toThrow();
    expect(isCallEnded(offline.sync.get('c')!, ME)).toBe(false);
  });

  it('drops a re-read that an event crossed: the event is the fresher snapshot', async () => {
    // The read is answered as the call was before the mute; the mute's event arrives first.
    let answer: (call: Call) => void = () => undefined;
    const t = setup({ getCall: () => new Promise<Call>((resolve) => (answer = resolve)) });
    t.event(call('a'));
    const reread = t.sync.reread('a');
    t.event(call('a', 'connected', true));
    answer(call('a'));
    await reread;
    expect(t.sync.get('a')?.participants[1]?.muted).toBe(true);
    expect(t.updates.at(-1)?.meta.source).toBe('event');
    // With no event meanwhile, the read is applied.
    const next = t.sync.reread('a');
    answer(call('a'));
    await next;
    expect(t.sync.get('a')?.participants[1]?.muted).toBe(false);
  });

  it('a list re-read keeps the calls an event crossed as the event left them', async () => {
    let answer: (calls: Call[]) => void = () => undefined;
    const t = setup({ listCalls: () => new Promise<Call[]>((resolve) => (answer = resolve)) });
    t.event(call('a'));
    t.event(call('b'));
    const resync = t.sync.resyncMyCalls(ME);
    t.event(call('a', 'connected', true));
    answer([call('a'), call('b', 'connected', true)]);
    await resync;
    expect(t.sync.get('a')?.participants[1]?.muted).toBe(true);
    expect(t.sync.get('b')?.participants[1]?.muted).toBe(true);
    expect(t.ids()).toEqual(['a', 'b']);
  });

  it('subscribes the user’s topic with its resync, and lets it go', () => {
    const t = setup();
    expect(t.registry.topics()).toEqual([userCallsTopic(ME)]);
    t.stop();
    expect(t.registry.topics()).toEqual([]);
  });
});

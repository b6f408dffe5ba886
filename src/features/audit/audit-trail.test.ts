import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { PLAYBACK_KEY } from '../../domain/playback-protocol';
import { IntentRegistry } from '../../calls/intents/intent-registry';
import { PlatformError } from '../../platform/errors';
import type { Call, Participant } from '../../platform/types';
import { CallSync } from '../../calls/call-sync';
import { TopicRegistry } from '../../realtime/topic-registry';
import { participant } from '../../testing/factories';
import { completionRate } from './audit-entry';
import { createAuditTrail, type RecorderModule } from './audit-trail';

const ME = 'u1';
const CID = 'c1';

/** The real call sync and intent registry, wired as the composition root does. */
async function setup(
  options: {
    limit?: number;
    failAttributes?: boolean;
    loadRecorder?: () => Promise<RecorderModule>;
  } = {},
) {
  const sync = new CallSync({
    queryClient: new QueryClient(),
    registry: new TopicRegistry(),
    api: { listCalls: async () => [], getCall: async () => Promise.reject(new Error('no')) },
    now: () => 1000,
  });
  const intents = new IntentRegistry({
    sendFlags: async () => undefined,
    sendAttributes: async () => {
      if (options.failAttributes)
        throw new PlatformError('invalid', 'too long', { status: 400, code: 'invalid.value' });
    },
    reread: async () => undefined,
    get: (cid) => sync.get(cid),
  });
  sync.onUpdate((u) => intents.receive(u));
  const trail = createAuditTrail({
    calls: sync,
    intents,
    userId: () => ME,
    limit: options.limit,
    now: () => 2000,
    loadRecorder: options.loadRecorder,
  });
  let current: Call = {
    id: CID,
    participants: [
      participant({ id: 'cust', purpose: 'customer' }),
      participant({ id: 'menu', purpose: 'ivr', state: 'terminated' }),
      participant({ id: 'agent', userId: ME }),
    ],
  };
  sync.apply(current, { at: 1000, source: 'event' });
  if (!options.loadRecorder) await trail.ready();
  /** A new snapshot from the platform, changing some legs (or adding them). */
  const server = async (legs: Record<string, Partial<Participant>>) => {
    const known = new Set(current.participants.map((p) => p.id));
    current = {
      ...current,
      participants: [
        ...current.participants.map((p) => (legs[p.id] ? { ...p, ...legs[p.id] } : p)),
        ...Object.entries(legs)
          .filter(([id]) => !known.has(id))
          .map(([id, over]) => participant({ id, ...over })),
      ],
    };
    sync.apply(current, { at: 1000, source: 'event' });
    await Promise.resolve();
  };
  const attrs = (values: Record<string, string>) => ({
    cust: { attributes: { ...current.participants[0]!.attributes, ...values } },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const rows = () =>
    trail
      .entries()
      .map(({ kind, actor, subject, from, to, reason, digit }) =>
        Object.fromEntries(
          Object.entries({ kind, actor, subject, from, to, reason, digit }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      );
  return { sync, intents, trail, server, attrs, settle, rows };
}

describe('the audit trail', () => {
  it('says "you" only for changes a request of this panel explains', async () => {
    const t = await setup();
    t.intents.requestFlag(CID, 'agent', 'muted', true);
    await t.settle();
    await t.server({ agent: { muted: true } });
    await t.server({ agent: { muted: false } });
    t.intents.requestAttributes(CID, 'cust', { note: 'vip' });
    await t.settle();
    await t.server(t.attrs({ note: 'vip' }));
    await t.server(t.attrs({ note: 'gold' }));
    expect(t.rows()).toEqual([
      { kind: 'mute', actor: 'you', from: 'false', to: 'true' },
      { kind: 'mute', actor: 'outside', from: 'true', to: 'false' },
      { kind: 'attribute', actor: 'you', subject: 'note', to: 'vip' },
      { kind: 'attribute', actor: 'outside', subject: 'note', from: 'vip', to: 'gold' },
    ]);
    expect(t.trail.entries().map((e) => e.party)).toEqual(['you', 'you', 'customer', 'customer']);
  });

  it('follows a playback by its attributes: started once, switched by a key, ended with the reason', async () => {
    const t = await setup();
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    await t.server({ flow: { purpose: 'ivr', state: 'connected' } });
    const playing = {
      [PLAYBACK_KEY.requestId]: 'r1',
      [PLAYBACK_KEY.state]: 'playing',
      [PLAYBACK_KEY.promptId]: 'p1',
    };
    await t.server(t.attrs(playing));
    await t.server(t.attrs({ [PLAYBACK_KEY.promptId]: 'p2', [PLAYBACK_KEY.lastDigit]: '1' }));
    await t.server(t.attrs({ [PLAYBACK_KEY.lastDigit]: '5' }));
    await t.server(
      t.attrs({ [PLAYBACK_KEY.state]: 'completed', [PLAYBACK_KEY.reason]: 'maxDuration' }),
    );
    await t.server({ flow: { state: 'disconnected' } });
    expect(t.rows()).toEqual([
      { kind: 'playbackRequested', actor: 'you', subject: 'p1' },
      { kind: 'playbackStarted', actor: 'you', subject: 'p1' },
      { kind: 'playbackSwitched', actor: 'outside', from: 'p1', to: 'p2', digit: '1' },
      { kind: 'playbackDigit', actor: 'outside', subject: 'p2', digit: '5' },
      { kind: 'playbackEnded', actor: 'outside', subject: 'p2', reason: 'maxDuration' },
    ]);
    expect(t.trail.figures()).toMatchObject({ started: 1, completed: 1, stopped: 0 });
  });

  it('follows a leg-only playback by its ivr leg, and the agent’s stop', async () => {
    const t = await setup();
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    await t.server({ flow: { purpose: 'ivr', state: 'connected' } });
    t.intents.requestAttributes(CID, 'cust', { [PLAYBACK_KEY.stopRequested]: 'r1' });
    await t.settle();
    await t.server(t.attrs({ [PLAYBACK_KEY.stopRequested]: 'r1' }));
    await t.server({ flow: { state: 'disconnected' } });
    expect(t.rows()).toEqual([
      { kind: 'playbackRequested', actor: 'you', subject: 'p1' },
      { kind: 'playbackStarted', actor: 'you', subject: 'p1' },
      { kind: 'playbackStopRequested', actor: 'you', to: 'r1' },
      // The leg alone cannot tell whether the flow acted on the stop or played to the end.
      { kind: 'playbackEnded', actor: 'outside', subject: 'p1', reason: 'unknown' },
    ]);
    expect(t.trail.figures()).toMatchObject({ started: 1, stopped: 0, unknown: 1 });
  });

  it('records a late flow as the platform told it: leg joined, leg left, each late value as it came, then the flow’s reason', async () => {
    const t = await setup();
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    await t.server({ flow: { purpose: 'ivr', state: 'connected' } });
    t.intents.requestAttributes(CID, 'cust', { [PLAYBACK_KEY.stopRequested]: 'r1' });
    await t.settle();
    await t.server(t.attrs({ [PLAYBACK_KEY.stopRequested]: 'r1' }));
    await t.server({ flow: { state: 'disconnected' } });
    expect(t.trail.figures()).toMatchObject({ started: 1, unknown: 1, completed: 0 });
    // P17: one key per event, last set first; a prompt played once never saw the stop (P18).
    const late: [string, string][] = [
      [PLAYBACK_KEY.lastDigit, ''],
      [PLAYBACK_KEY.reason, 'completed'],
      [PLAYBACK_KEY.endedAt, '2026-01-01T10:00:04.000Z'],
      [PLAYBACK_KEY.startedAt, '2026-01-01T10:00:00.000Z'],
      [PLAYBACK_KEY.promptId, 'p1'],
      [PLAYBACK_KEY.state, 'playing'],
      [PLAYBACK_KEY.state, 'completed'],
      [PLAYBACK_KEY.requestId, 'r1'],
    ];
    for (const [key, value] of late) await t.server(t.attrs({ [key]: value }));
    expect(t.rows()).toEqual([
      { kind: 'playbackRequested', actor: 'you', subject: 'p1' },
      { kind: 'playbackStarted', actor: 'you', subject: 'p1' },
      { kind: 'playbackStopRequested', actor: 'you', to: 'r1' },
      { kind: 'playbackEnded', actor: 'outside', subject: 'p1', reason: 'unknown' },
      { kind: 'playbackLateData', actor: 'outside', subject: PLAYBACK_KEY.lastDigit, to: '' },
      { kind: 'playbackLateData', actor: 'outside', subject: PLAYBACK_KEY.reason, to: 'completed' },
      {
        kind: 'playbackLateData',
        actor: 'outside',
        subject: PLAYBACK_KEY.endedAt,
        to: '2026-01-01T10:00:04.000Z',
      },
      {
        kind: 'playbackLateData',
        actor: 'outside',
        subject: PLAYBACK_KEY.startedAt,
        to: '2026-01-01T10:00:00.000Z',
      },
      { kind: 'playbackLateData', actor: 'outside', subject: PLAYBACK_KEY.promptId, to: 'p1' },
      { kind: 'playbackLateData', actor: 'outside', subject: PLAYBACK_KEY.state, to: 'playing' },
      {
        kind: 'playbackLateData',
        actor: 'outside',
        subject: PLAYBACK_KEY.state,
        from: 'playing',
        to: 'completed',
      },
      { kind: 'playbackLateData', actor: 'outside', subject: PLAYBACK_KEY.requestId, to: 'r1' },
      { kind: 'playbackEndReported', actor: 'outside', subject: 'p1', reason: 'completed' },
    ]);
    // The late playing neither restarted nor re-counted it; its figure moved to the flow's word.
    expect(t.trail.figures()).toMatchObject({ started: 1, unknown: 0, completed: 1, stopped: 0 });
    const more = t.rows().length;
    await t.server(t.attrs({ [PLAYBACK_KEY.lastDigit]: '5' }));
    expect(t.rows()).toHaveLength(more);
  });

  it('infers a hang-up from the legs, and counts a leg-only end it cannot explain as unknown', async () => {
    const t = await setup();
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    await t.server({ flow: { purpose: 'ivr', state: 'connected' } });
    await t.server({ flow: { state: 'disconnected' } });
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r2',
      promptId: 'p1',
      at: 1,
    });
    await t.server({ flow2: { purpose: 'ivr', state: 'connected' } });
    await t.server({ cust: { state: 'disconnected' }, flow2: { state: 'disconnected' } });
    expect(
      t
        .rows()
        .filter((r) => r.kind === 'playbackEnded')
        .map((r) => r.reason),
    ).toEqual(['unknown', 'hangup']);
    const figures = t.trail.figures();
    expect(figures).toMatchObject({ started: 2, unknown: 1, stopped: 1 });
    expect(completionRate(figures)).toBe(0);
  });

  it('does not count a flow nobody asked for that reports nothing, nor a refused request', async () => {
    const t = await setup();
    await t.server({ other: { purpose: 'ivr', state: 'connected' } });
    await t.server({ other: { state: 'disconnected' } });
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    t.trail.record({
      type: 'refused',
      conversationId: CID,
      requestId: 'r1',
      reason: 'conflict',
      at: 2,
    });
    expect(t.rows().map((r) => r.kind)).toEqual(['playbackRequested', 'playbackRefused']);
    expect(t.trail.figures().started).toBe(0);
  });

  it('records a request of this panel that failed', async () => {
    const t = await setup({ failAttributes: true });
    t.intents.requestAttributes(CID, 'cust', { note: 'x' });
    await t.settle();
    expect(t.rows()).toEqual([
      { kind: 'requestFailed', actor: 'you', subject: 'note', to: 'x', reason: 'invalid.value' },
    ]);
  });

  it('keeps the newest entries within its limit, numbered over the whole session', async () => {
    const t = await setup({ limit: 10 });
    for (let i = 0; i < 25; i += 1) await t.server({ agent: { held: i % 2 === 0 } });
    const entries = t.trail.entries();
    expect(entries).toHaveLength(10);
    expect(entries.map((e) => e.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it('holds what happens while its recorder loads, then records it in order', async () => {
    let release = () => {};
    const t = await setup({
      loadRecorder: () =>
        new Promise((resolve) => {
          release = () => resolve(import('./audit-recorder'));
        }),
    });
    await t.server({ agent: { muted: true } });
    t.trail.record({
      type: 'requested',
      conversationId: CID,
      requestId: 'r1',
      promptId: 'p1',
      at: 1,
    });
    expect(t.trail.entries()).toEqual([]);
    release();
    await t.trail.ready();
    expect(t.rows()).toEqual([
      { kind: 'mute', actor: 'outside', from: 'false', to: 'true' },
      { kind: 'playbackRequested', actor: 'you', subject: 'p1' },
    ]);
  });

  it('ignores calls the user has no leg on (a supervisor’s queue view)', async () => {
    const t = await setup();
    const theirs: Call = {
      id: 'c2',
      participants: [
        participant({ id: 'x', purpose: 'customer' }),
        participant({ id: 'y', userId: 'other' }),
      ],
    };
    t.sync.apply(theirs, { at: 1, source: 'event' });
    t.sync.apply(
      {
        ...theirs,
        participants: [theirs.participants[0]!, { ...theirs.participants[1]!, muted: true }],
      },
      { at: 2, source: 'event' },
    );
    await Promise.resolve();
    expect(t.trail.entries()).toEqual([]);
  });
});

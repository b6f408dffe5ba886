import { describe, expect, it } from 'vitest';
import { PLAYBACK_KEY } from '../../domain/playback-protocol';
import { completionRate } from './audit-entry';
import { CID, setup } from './audit-trail-harness';

describe('the audit trail: playback', () => {
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
});

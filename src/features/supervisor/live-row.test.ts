import { describe, expect, it } from 'vitest';
import type { Call } from '../../platform/types';
import { participant } from '../../testing/factories';
import {
  currentQueueId,
  endedPlayback,
  playbackOf,
  rowFromActivity,
  rowFromCall,
  sameRow,
} from './live-row';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

/** A real-shaped inbound call: customer, ended ivr, acd, a missed alert, the agent's leg. */
function inbound(agent: Partial<Parameters<typeof participant>[0]> = {}): Call {
  return {
    id: 'c1',
    participants: [
      participant({
        id: 'cust',
        purpose: 'customer',
        ani: 'tel:+13175550142',
        startTime: T0,
        attributes: {},
      }),
      participant({ id: 'ivr', purpose: 'ivr', state: 'terminated' }),
      participant({ id: 'acd', purpose: 'acd', queueId: 'q-support', state: 'terminated' }),
      participant({ id: 'missed', userId: 'u1', state: 'terminated', disconnectType: 'client' }),
      participant({ id: 'agent', userId: 'u1', queueId: 'q-support', ...agent }),
    ],
  };
}

describe('rowFromCall', () => {
  it('after a consult to a person completes, the row is theirs: the user leg that took the call (chaos seed 33, step 12)', () => {
    const call = inbound({ state: 'disconnected', disconnectType: 'transfer' });
    call.participants.push(
      participant({ id: 'bob', purpose: 'user', userId: 'u-bob', queueId: undefined, held: true }),
      participant({ id: 'sam', purpose: 'user', userId: 'u-sam', monitoredParticipantId: 'bob' }),
    );
    const row = rowFromCall(call);
    expect(row.agentUserId).toBe('u-bob');
    expect(row.state).toBe('held');
  });

  it('while the consult target still rings, the agent who is connected keeps the row', () => {
    const call = inbound({ muted: true });
    call.participants.push(
      participant({ id: 'bob', purpose: 'user', userId: 'u-bob', state: 'alerting' }),
    );
    expect(rowFromCall(call)).toMatchObject({ agentUserId: 'u1', state: 'connected' });
  });

  it('reads agent, masked caller, queue, start, state and flags from the working agent leg', () => {
    expect(rowFromCall(inbound({ muted: true }))).toEqual({
      id: 'c1',
      queueId: 'q-support',
      agentUserId: 'u1',
      agentParticipantId: 'agent',
      customer: '+1 ••• ••• 0142',
      state: 'connected',
      since: T0,
      muted: true,
      held: false,
      recording: false,
      playback: 'none',
      complete: true,
    });
  });

  it('names the state a supervisor scans for', () => {
    expect(rowFromCall(inbound({ held: true })).state).toBe('held');
    expect(rowFromCall(inbound({ state: 'alerting' })).state).toBe('ringing');
    const waiting = inbound({ state: 'terminated' });
    waiting.participants[2] = participant({ id: 'acd', purpose: 'acd', queueId: 'q-support' });
    expect(rowFromCall(waiting)).toMatchObject({ state: 'waiting', agentUserId: undefined });
    expect(rowFromCall(waiting).muted).toBeUndefined();
    const over = inbound({ state: 'terminated' });
    over.participants[0] = { ...over.participants[0]!, state: 'terminated' };
    expect(rowFromCall(over).state).toBe('ended');
  });

  it('shows a flow with no agent as in flow, and recording from the leg or the call', () => {
    const call = inbound({ state: 'terminated' });
    call.participants.push(participant({ id: 'ivr2', purpose: 'ivr' }));
    expect(rowFromCall(call).state).toBe('inFlow');
    expect(rowFromCall(inbound({ recording: true })).recording).toBe(true);
    expect(rowFromCall({ ...inbound(), recordingState: 'active' }).recording).toBe(true);
  });

  it('falls back to the list’s queue when no leg names one', () => {
    const call: Call = { id: 'c', participants: [participant({ id: 'a', userId: 'u' })] };
    expect(rowFromCall(call, 'q-listed').queueId).toBe('q-listed');
    expect(currentQueueId(inbound())).toBe('q-support');
  });
});

describe('playback', () => {
  const withPlayback = (attributes: Record<string, string>, ivrUp: boolean): Call => {
    const call = inbound();
    call.participants[0] = { ...call.participants[0]!, attributes };
    if (ivrUp) call.participants.push(participant({ id: 'flow', purpose: 'ivr' }));
    return call;
  };

  it('reads the flow’s attributes, and the ivr leg alone when there are none', () => {
    expect(playbackOf(withPlayback({ 'lcp.playback.state': 'playing' }, true))).toBe('playing');
    expect(playbackOf(withPlayback({}, true))).toBe('inFlow');
    expect(playbackOf(withPlayback({ 'lcp.playback.state': 'completed' }, false))).toBe(
      'completed',
    );
    expect(playbackOf(withPlayback({ 'lcp.playback.state': 'bogus' }, false))).toBe('none');
  });

  it('endedPlayback gives the request id and final state only once it has ended', () => {
    const done = { 'lcp.playback.state': 'stopped', 'lcp.playback.requestId': 'r1' };
    expect(endedPlayback(withPlayback(done, false))).toEqual({ requestId: 'r1', state: 'stopped' });
    expect(
      endedPlayback(withPlayback({ ...done, 'lcp.playback.state': 'playing' }, true)),
    ).toBeUndefined();
    expect(endedPlayback(withPlayback({ 'lcp.playback.state': 'failed' }, false))).toBeUndefined();
  });
});

describe('rowFromActivity and sameRow', () => {
  it('a summary row states the metric and leaves what it cannot know unknown', () => {
    const row = rowFromActivity({
      conversationId: 'c9',
      metric: 'oAlerting',
      queueId: 'q',
      userId: 'u',
      ani: 'tel:+13175550142',
      since: T0,
    });
    expect(row).toEqual({
      id: 'c9',
      queueId: 'q',
      agentUserId: 'u',
      customer: '+1 ••• ••• 0142',
      state: 'ringing',
      complete: false,
    });
    expect(row.muted).toBeUndefined();
    expect(row.playback).toBeUndefined();
  });

  it('compares rows field by field', () => {
    const row = rowFromCall(inbound());
    expect(sameRow(row, { ...row })).toBe(true);
    expect(sameRow(row, { ...row, muted: true })).toBe(false);
    expect(sameRow(undefined, row)).toBe(false);
  });
});

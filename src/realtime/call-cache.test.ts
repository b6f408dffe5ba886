import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import type { Call, Participant } from '../platform/types';
import { callFor } from '../testing/factories';
import {
  applyCallSnapshot,
  callKeys,
  ENDED_CALLS_KEPT,
  isCallEnded,
  resyncMyCalls,
} from './call-cache';

const ME = 'u1';
const call = (id: string, state: Participant['state'] = 'connected', muted = false): Call =>
  callFor(ME, id, { state, muted });
const cached = (qc: QueryClient) => qc.getQueryData<Call[]>(callKeys.mine(ME)) ?? [];

describe('call cache', () => {
  it('replaces a call with each snapshot (last write wins) and adds new ones', () => {
    const qc = new QueryClient();
    applyCallSnapshot(qc, ME, call('a'));
    applyCallSnapshot(qc, ME, call('a', 'connected', true));
    applyCallSnapshot(qc, ME, call('b'));
    expect(cached(qc).map((c) => [c.id, c.participants[1]!.muted])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('keeps an ended call on screen, but only the last few, and ignores calls first seen ended', () => {
    const qc = new QueryClient();
    for (let i = 0; i < 5; i += 1) {
      applyCallSnapshot(qc, ME, call(`c${i}`));
      applyCallSnapshot(qc, ME, call(`c${i}`, 'disconnected'));
    }
    applyCallSnapshot(qc, ME, call('never-seen', 'disconnected'));
    expect(cached(qc).map((c) => c.id)).toEqual(['c2', 'c3', 'c4']);
    expect(cached(qc)).toHaveLength(ENDED_CALLS_KEPT);
  });

  it('a re-read replaces active calls and learns how vanished calls ended', async () => {
    const qc = new QueryClient();
    applyCallSnapshot(qc, ME, call('gone'));
    applyCallSnapshot(qc, ME, call('stays'));
    const api = {
      listCalls: vi.fn(async () => [call('stays', 'connected', true), call('new')]),
      getCall: vi.fn(async (id: string) => call(id, 'disconnected')),
    };
    await resyncMyCalls(qc, ME, api);
    expect(api.getCall).toHaveBeenCalledWith('gone');
    const calls = cached(qc);
    expect(calls.map((c) => [c.id, isCallEnded(c, ME)])).toEqual([
      ['gone', true],
      ['stays', false],
      ['new', false],
    ]);
    expect(calls.find((c) => c.id === 'stays')!.participants[1]!.muted).toBe(true);
  });

  it('marks a vanished call ended when it cannot be read any more', async () => {
    const qc = new QueryClient();
    applyCallSnapshot(qc, ME, call('gone'));
    await resyncMyCalls(qc, ME, {
      listCalls: async () => [],
      getCall: async () => Promise.reject(new Error('404')),
    });
    expect(isCallEnded(cached(qc)[0]!, ME)).toBe(true);
  });
});

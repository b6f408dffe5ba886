import { describe, expect, it } from 'vitest';
import type { Call, Participant } from '../../platform/types';
import { callFor, participant } from '../../testing/factories';
import { callStatus, chooseCall, liveSuccessor } from './selection';

const ME = 'u1';
const calls = new Map<string, Call>([
  ['working', callFor(ME, 'working')],
  ['ringing', callFor(ME, 'ringing', { state: 'alerting' })],
  ['ended', callFor(ME, 'ended', { state: 'terminated' })],
]);
const get = (id: string) => calls.get(id);

describe('chooseCall', () => {
  it('keeps the call shown when a new one rings', () => {
    expect(chooseCall(['working', 'ringing'], 'working', get, ME)).toBe('working');
    expect(chooseCall(['ringing', 'working'], undefined, get, ME)).toBe('working');
  });

  it('keeps an ended call shown while it is in the list, then falls back to an active one', () => {
    expect(chooseCall(['ended', 'ringing'], 'ended', get, ME)).toBe('ended');
    expect(chooseCall(['ringing'], 'ended', get, ME)).toBe('ringing');
    expect(chooseCall(['ended'], undefined, get, ME)).toBe('ended');
    expect(chooseCall([], 'ended', get, ME)).toBeUndefined();
  });

  it('follows the live call when the shown one ends and exactly one other is connected', () => {
    expect(chooseCall(['ended', 'working'], 'ended', get, ME)).toBe('working');
    expect(chooseCall(['working', 'ended', 'ringing'], 'ended', get, ME)).toBe('working');
    expect(liveSuccessor(['ended', 'working'], 'ended', get, ME)).toBe('working');
  });

  it('never follows to a ringing call, nor away from a live one', () => {
    expect(chooseCall(['ended', 'ringing'], 'ended', get, ME)).toBe('ended');
    expect(liveSuccessor(['ended', 'ringing'], 'ended', get, ME)).toBeUndefined();
    const two = new Map(calls).set('second', callFor(ME, 'second'));
    const getTwo = (id: string) => two.get(id);
    expect(chooseCall(['working', 'second'], 'second', getTwo, ME)).toBe('second');
    expect(liveSuccessor(['working', 'second'], 'working', getTwo, ME)).toBeUndefined();
  });

  it('lets the agent choose when several other calls are connected', () => {
    const two = new Map(calls).set('second', callFor(ME, 'second'));
    const getTwo = (id: string) => two.get(id);
    expect(chooseCall(['ended', 'working', 'second'], 'ended', getTwo, ME)).toBe('ended');
    expect(liveSuccessor(['ended', 'working', 'second'], 'ended', getTwo, ME)).toBeUndefined();
  });

  it("counts only calls on which the agent's own leg is connected", () => {
    const others = new Map(calls)
      .set('held', callFor(ME, 'held', { held: true }))
      .set('dialling', callFor(ME, 'dialling', { state: 'dialing' }))
      .set('theirs', callFor('someone-else', 'theirs'));
    const getOthers = (id: string) => others.get(id);
    // A held leg is still connected: the agent's call, on hold.
    expect(chooseCall(['ended', 'held'], 'ended', getOthers, ME)).toBe('held');
    expect(chooseCall(['ended', 'dialling', 'theirs'], 'ended', getOthers, ME)).toBe('ended');
  });

  it('keeps an ended call with unsaved work in view', () => {
    const holds = (id: string) => id === 'ended';
    expect(chooseCall(['ended', 'working'], 'ended', get, ME, holds)).toBe('ended');
    expect(liveSuccessor(['ended', 'working'], 'ended', get, ME)).toBe('working');
    expect(chooseCall(['ended', 'working'], 'ended', get, ME, () => false)).toBe('working');
  });

  it('names the state of each call', () => {
    expect(callStatus(calls.get('ringing')!, ME)).toBe('ringing');
    expect(callStatus(calls.get('ended')!, ME)).toBe('ended');
    expect(callStatus(callFor(ME, 'h', { held: true, muted: true }), ME)).toBe('held');
    expect(callStatus(callFor(ME, 'm', { muted: true }), ME)).toBe('muted');
    expect(callStatus(calls.get('working')!, ME)).toBe('connected');
    const acw = { state: 'terminated' as const, wrapupRequired: true, startAcwTime: 5 };
    expect(callStatus(callFor(ME, 'w', acw), ME)).toBe('wrapup');
    expect(callStatus(callFor(ME, 'w', { ...acw, endAcwTime: 9 }), ME)).toBe('ended');
    // An ended leg that merely carries `wrapupRequired` (no ACW fields) is just ended.
    expect(callStatus(callFor(ME, 'w', { state: 'terminated', wrapupRequired: true }), ME)).toBe(
      'ended',
    );
  });

  it('reads a transfer as Transferred (Wrap-up first while owed), and a placed call as calling while it rings', () => {
    const transferred = { state: 'terminated' as const, disconnectType: 'transfer.consult' };
    expect(callStatus(callFor(ME, 't', transferred), ME)).toBe('transferred');
    expect(callStatus(callFor(ME, 't', { ...transferred, startAcwTime: 5 }), ME)).toBe('wrapup');
    const placed = (remote: Partial<Participant>): Call => ({
      id: 'o',
      participants: [
        participant({ id: 'me', userId: ME, purpose: 'user', direction: 'outbound' }),
        participant({ id: 'num', purpose: 'external', direction: 'outbound', ...remote }),
      ],
    });
    expect(callStatus(placed({ state: 'contacting' }), ME)).toBe('calling');
    expect(callStatus(placed({ state: 'connected' }), ME)).toBe('connected');
  });
});

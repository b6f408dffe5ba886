import { describe, expect, it } from 'vitest';
import type { Call } from '../../platform/types';
import { callFor } from '../../testing/factories';
import { callStatus, chooseCall } from './selection';

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

  it('names the state of each call', () => {
    expect(callStatus(calls.get('ringing')!, ME)).toBe('ringing');
    expect(callStatus(calls.get('ended')!, ME)).toBe('ended');
    expect(callStatus(callFor(ME, 'h', { held: true, muted: true }), ME)).toBe('held');
    expect(callStatus(callFor(ME, 'm', { muted: true }), ME)).toBe('muted');
    expect(callStatus(calls.get('working')!, ME)).toBe('connected');
  });
});

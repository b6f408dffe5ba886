import { describe, expect, it } from 'vitest';
import type { Call, Participant } from '../platform/types';
import { callShape, isDialling, leftWhileOthersStay, neverAnswered } from './call-shape';

const ME = 'alice';

function leg(id: string, over: Partial<Participant> = {}): Participant {
  return {
    id,
    purpose: 'customer',
    state: 'connected',
    direction: 'inbound',
    muted: false,
    held: false,
    attributes: {},
    ...over,
  };
}

const queueLeg = leg('acd', {
  purpose: 'acd',
  state: 'terminated',
  queueId: 'q1',
  disconnectType: 'transfer',
});
const myLeg = (over: Partial<Participant> = {}) =>
  leg('me', { purpose: 'agent', userId: ME, queueId: 'q1', connectedTime: 1, ...over });
const call = (...participants: Participant[]): Call => ({ id: 'c', participants });
const statuses = (c: Call) =>
  callShape(c, ME).parties.map((p) => `${p.leg.id}:${p.status}${p.consultTarget ? '*' : ''}`);

describe('callShape', () => {
  it('a two-party inbound call is plain, through a queue, with the customer talking', () => {
    const c = call(leg('cust'), queueLeg, myLeg());
    expect(callShape(c, ME)).toMatchObject({ kind: 'plain', acd: true, dialled: undefined });
    expect(statuses(c)).toEqual(['cust:talking']);
  });

  it('a consult: the customer held and confined, the target ringing then talking', () => {
    const customer = leg('cust', { held: true, confined: true, consultParticipantId: 'bob' });
    const bob = leg('bob', { purpose: 'user', userId: 'bob-id', state: 'alerting' });
    const ringing = call(customer, queueLeg, myLeg(), bob);
    expect(callShape(ringing, ME).kind).toBe('consult');
    expect(callShape(ringing, ME).consult).toEqual({ object: customer, destination: bob });
    expect(statuses(ringing)).toEqual(['cust:held', 'bob:ringing*']);
    const speakToObject = call(
      leg('cust', { consultParticipantId: 'bob' }),
      myLeg(),
      leg('bob', { purpose: 'user', userId: 'bob-id', confined: true }),
    );
    expect(statuses(speakToObject)).toEqual(['cust:talking', 'bob:confined*']);
  });

  it('a cancelled consult (its target ended) is no consult, though the link stays', () => {
    const c = call(
      leg('cust', { consultParticipantId: 'bob' }),
      myLeg(),
      leg('bob', { purpose: 'user', userId: 'bob-id', state: 'terminated' }),
    );
    expect(callShape(c, ME).kind).toBe('plain');
    expect(statuses(c)).toEqual(['cust:talking']);
  });

  it('a consult to a queue lists the queue as waiting; the inbound queue leg never shows', () => {
    const c = call(
      leg('cust', { held: true, consultParticipantId: 'q2leg' }),
      leg('acd-live', { purpose: 'acd', queueId: 'q0', direction: 'inbound' }),
      myLeg(),
      leg('q2leg', { purpose: 'acd', queueId: 'q2', direction: 'outbound' }),
    );
    expect(callShape(c, ME).kind).toBe('consult');
    expect(statuses(c)).toEqual(['cust:held', 'q2leg:queued*']);
  });

  it('a conference: two or more others; supervisors, flows and my other legs never count', () => {
    const c = call(
      leg('cust'),
      myLeg(),
      leg('old-me', { purpose: 'agent', userId: ME, state: 'terminated' }),
      leg('num', { purpose: 'external', direction: 'outbound', state: 'contacting' }),
      leg('bob', { purpose: 'user', userId: 'bob-id', held: true }),
      leg('sup', { purpose: 'user', userId: 'sup', monitoredParticipantId: 'me' }),
      leg('coach', { purpose: 'user', userId: 'coach', coachedParticipantId: 'me' }),
      leg('flow', { purpose: 'ivr' }),
    );
    expect(callShape(c, ME).kind).toBe('conference');
    expect(statuses(c)).toEqual(['cust:talking', 'num:ringing', 'bob:held']);
    const oneLeft = call(
      leg('cust'),
      myLeg(),
      leg('num', { purpose: 'external', state: 'terminated' }),
    );
    expect(callShape(oneLeft, ME).kind).toBe('plain');
  });

  it('a call the agent left is neither a consult nor a conference for them', () => {
    const c = call(
      leg('cust'),
      myLeg({ state: 'terminated', disconnectType: 'client' }),
      leg('num', { purpose: 'external' }),
      leg('bob', { purpose: 'user', userId: 'bob-id' }),
    );
    expect(callShape(c, ME).kind).toBe('plain');
    expect(leftWhileOthersStay(c, ME)).toBe(true);
    const allGone = call(
      leg('cust', { state: 'terminated' }),
      myLeg({ state: 'terminated', disconnectType: 'client' }),
    );
    expect(leftWhileOthersStay(allGone, ME)).toBe(false);
    expect(leftWhileOthersStay(call(leg('cust'), myLeg()), ME)).toBe(false);
  });

  it('an outbound call: the agent leg first and outbound; the dialled leg ringing, answered or never', () => {
    const mine = myLeg({ purpose: 'user', direction: 'outbound', queueId: undefined });
    const ringing = leg('num', { purpose: 'external', direction: 'outbound', state: 'contacting' });
    const c = call(mine, ringing);
    expect(callShape(c, ME)).toMatchObject({ dialled: ringing, acd: false, kind: 'plain' });
    expect(isDialling(c, ME)).toBe(true);
    const answered = call(mine, { ...ringing, state: 'connected', connectedTime: 5 });
    expect(isDialling(answered, ME)).toBe(false);
    expect(neverAnswered(answered, ME)).toBe(false);
    const unanswered = call(
      { ...mine, state: 'terminated', disconnectType: 'peer' },
      { ...ringing, state: 'terminated', disconnectType: 'system' },
    );
    expect(neverAnswered(unanswered, ME)).toBe(true);
    // An inbound call is never "dialled", even when a number was added to it.
    const inbound = call(leg('cust'), myLeg(), { ...ringing, state: 'terminated' });
    expect(callShape(inbound, ME).dialled).toBeUndefined();
    expect(neverAnswered(inbound, ME)).toBe(false);
  });

  it('an outbound call placed for a queue is an ACD call', () => {
    const c = call(
      myLeg({ direction: 'outbound', queueId: 'q1' }),
      leg('num', { direction: 'outbound', queueId: 'q1' }),
    );
    expect(callShape(c, ME).acd).toBe(true);
  });
});

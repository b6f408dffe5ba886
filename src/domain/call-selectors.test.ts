import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Call, Participant } from '../platform/types';
import { participant } from '../testing/factories';
import {
  customerOf,
  hiddenEndedCount,
  isCallEnded,
  isLegInAcw,
  isWrappingUp,
  myParticipant,
  readableNumber,
  supervisorsOn,
  visibleParticipants,
} from './call-selectors';

const ME = 'me';
const leg = (over: Partial<Participant>) => participant({ userId: ME, purpose: 'agent', ...over });

describe('call selectors', () => {
  it('finds the agent’s current leg among missed alerts (several legs per user)', () => {
    const call: Call = {
      id: 'c',
      participants: [
        participant({ id: 'cust', purpose: 'customer' }),
        leg({ id: 'miss1', state: 'terminated', disconnectType: 'client' }),
        leg({ id: 'miss2', state: 'disconnected', disconnectType: 'system' }),
        leg({ id: 'answered', state: 'connected', connectedTime: 5 }),
      ],
    };
    expect(myParticipant(call, ME)?.id).toBe('answered');
    expect(isCallEnded(call, ME)).toBe(false);
    const after: Call = {
      ...call,
      participants: call.participants.map((p) =>
        p.id === 'answered' ? { ...p, state: 'terminated' } : p,
      ),
    };
    // After hang-up, the leg the agent worked, not the last missed alert.
    expect(myParticipant(after, ME)?.id).toBe('answered');
    expect(isCallEnded(after, ME)).toBe(true);
  });

  it('never shows a silent monitor, hides ended non-customer legs unless asked', () => {
    const call: Call = {
      id: 'c',
      participants: [
        participant({ id: 'cust', purpose: 'customer', state: 'terminated' }),
        participant({ id: 'ivr', purpose: 'ivr', state: 'terminated' }),
        leg({ id: 'agent' }),
        participant({ id: 'mon', purpose: 'user', monitoredParticipantId: 'agent' }),
        participant({ id: 'coach', purpose: 'user', coachedParticipantId: 'agent' }),
        participant({
          id: 'barge',
          purpose: 'user',
          bargedParticipantId: 'agent',
          state: 'terminated',
        }),
      ],
    };
    expect(visibleParticipants(call).map((p) => p.id)).toEqual(['cust', 'agent', 'coach']);
    expect(visibleParticipants(call, { includeEnded: true }).map((p) => p.id)).toEqual([
      'cust',
      'ivr',
      'agent',
      'coach',
      'barge',
    ]);
    expect(hiddenEndedCount(call)).toBe(2);
    expect(supervisorsOn(call, 'agent').map((p) => p.id)).toEqual(['coach']);
  });

  it('picks the caller’s live leg', () => {
    const call: Call = {
      id: 'c',
      participants: [
        participant({ id: 'old', purpose: 'customer', state: 'terminated' }),
        participant({ id: 'new', purpose: 'customer' }),
      ],
    };
    expect(customerOf(call)?.id).toBe('new');
    // A number added to a conference later is a party, not the caller.
    const conference: Call = {
      ...call,
      participants: [
        ...call.participants,
        participant({ id: 'added', purpose: 'external', direction: 'outbound' }),
      ],
    };
    expect(customerOf(conference)?.id).toBe('new');
  });

  it('reads numbers from tel: and phone SIP URIs, and nothing from station or queue URIs', () => {
    expect(readableNumber('tel:+13175550142')).toBe('+13175550142');
    expect(readableNumber('sip:+61416275769@10.47.1.31;user=phone')).toBe('+61416275769');
    expect(readableNumber('sip:5a6f0c2e+org.orgspan.com;tgrp=x;trunk-context=y')).toBe('');
    expect(
      readableNumber('sip:a1c0ffee-0000-4000-8000-000000000001@127.0.0.1;language=en-US;user=acd'),
    ).toBe('');
    expect(readableNumber('sip:alice@example.com')).toBe('');
    expect(readableNumber(undefined)).toBe('');
    expect(readableNumber('+1 555 0100')).toBe('+1 555 0100');
  });

  it('never returns anything longer than its input, nor markup', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = readableNumber(s);
        return out.length <= s.length && !/[<>]/.test(out);
      }),
    );
  });

  it('tells after-call work from a plain ended leg: ACW started and not ended', () => {
    const ended = { state: 'terminated' as const, disconnectType: 'peer', endTime: 10 };
    // Ended legs without ACW carry `wrapupRequired: true` too (R5): that alone is not ACW.
    expect(isLegInAcw(leg({ ...ended, wrapupRequired: true, wrapupPrompt: 'optional' }))).toBe(
      false,
    );
    expect(isLegInAcw(leg({ ...ended, wrapupRequired: true, startAcwTime: 10 }))).toBe(true);
    expect(isLegInAcw(leg({ ...ended, state: 'disconnected', startAcwTime: 10 }))).toBe(true);
    expect(isLegInAcw(leg({ ...ended, startAcwTime: 10, endAcwTime: 20 }))).toBe(false);
    expect(isLegInAcw(leg({ ...ended, startAcwTime: 10, wrapupRequired: false }))).toBe(false);
    // A live leg is never in ACW, whatever it carries.
    expect(isLegInAcw(leg({ state: 'connected', startAcwTime: 10 }))).toBe(false);
  });

  it('is wrapping up only on the agent’s own (current) leg in ACW', () => {
    const call = (mine: Partial<Participant>, other: Partial<Participant> = {}): Call => ({
      id: 'c',
      participants: [
        participant({ id: 'cust', purpose: 'customer', state: 'terminated' }),
        participant({ id: 'other', purpose: 'agent', userId: 'someone', ...other }),
        leg({ id: 'mine', connectedTime: 1, ...mine }),
      ],
    });
    expect(isWrappingUp(call({ state: 'terminated', startAcwTime: 5 }), ME)).toBe(true);
    expect(isCallEnded(call({ state: 'terminated', startAcwTime: 5 }), ME)).toBe(true);
    expect(isWrappingUp(call({ state: 'terminated', startAcwTime: 5, endAcwTime: 9 }), ME)).toBe(
      false,
    );
    expect(isWrappingUp(call({ state: 'connected' }), ME)).toBe(false);
    // Someone else's ACW is not ours.
    expect(
      isWrappingUp(call({ state: 'terminated' }, { state: 'terminated', startAcwTime: 5 }), ME),
    ).toBe(false);
    expect(isWrappingUp({ id: 'c', participants: [] }, ME)).toBe(false);
  });
});

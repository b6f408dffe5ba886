import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, mutated, oddCasing } from '../testing/fuzz';
import { parseCall } from './call-mapping';
import { parseConversation } from './conversation-mapping';
import type { Call } from './types';

/** A calls-topic / REST `CallConversation` body, as the platform sends it (contract §2.2). */
const CALL_BODY = {
  id: 'c1',
  recordingState: 'active',
  participants: [
    {
      id: 'cust',
      name: 'Casey Caller',
      purpose: 'customer',
      state: 'connected',
      direction: 'inbound',
      ani: 'tel:+13175550142',
      muted: false,
      held: false,
      attributes: { tier: 'Gold', 'number:crm.openCases': '2' },
      connectedTime: '2026-01-05T10:00:01.000Z',
    },
    {
      id: 'agent',
      purpose: 'agent',
      state: 'connected',
      user: { id: 'u1' },
      queue: { id: 'q1', name: 'Support' },
      muted: true,
      held: false,
      startHoldTime: '2026-01-05T10:02:00.000Z',
      wrapupRequired: true,
    },
    {
      id: 'sup',
      purpose: 'user',
      state: 'connected',
      userId: 'u9',
      monitoredParticipantId: 'agent',
    },
  ],
};

/** The generic `Conversation` shape (media state under `participants[].calls[]`). */
const CONVERSATION_BODY = {
  id: 'c2',
  participants: [
    {
      id: 'cust',
      name: 'Casey Caller',
      purpose: 'customer',
      calls: [{ state: 'CONNECTED', direction: 'inbound', muted: false, held: false }],
    },
    {
      id: 'agent',
      purpose: 'agent',
      userId: 'u1',
      calls: [{ state: 'terminated' }, { state: 'connected', muted: true, held: true }],
    },
  ],
};

const PURPOSES = ['customer', 'agent', 'user', 'acd', 'ivr', 'external', 'other'];
const STATES = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'parked',
  'other',
];
const optional = (v: unknown, type: string) => v === undefined || typeof v === type;

/** What every parsed call is, whatever came in: the shape the rest of the widget relies on. */
function expectWellFormed(call: Call | null) {
  if (call === null) return;
  expect(typeof call.id).toBe('string');
  expect(call.id).not.toBe('');
  expect(Array.isArray(call.participants)).toBe(true);
  expect([undefined, 'none', 'active', 'paused']).toContain(call.recordingState);
  for (const p of call.participants) {
    expect(typeof p.id).toBe('string');
    expect(p.id).not.toBe('');
    expect(PURPOSES).toContain(p.purpose);
    expect(STATES).toContain(p.state);
    expect(['inbound', 'outbound', 'unknown']).toContain(p.direction);
    expect(typeof p.muted).toBe('boolean');
    expect(typeof p.held).toBe('boolean');
    for (const value of Object.values(p.attributes)) expect(typeof value).toBe('string');
    for (const key of ['name', 'userId', 'queueId', 'queueName', 'ani', 'dnis'] as const)
      expect(optional(p[key], 'string')).toBe(true);
    for (const key of ['startTime', 'connectedTime', 'endTime', 'startHoldTime'] as const)
      expect(p[key] === undefined || Number.isFinite(p[key])).toBe(true);
    for (const key of ['confined', 'recording', 'wrapupRequired'] as const)
      expect(optional(p[key], 'boolean')).toBe(true);
    if (p.unreadable) for (const f of p.unreadable) expect(typeof f).toBe('string');
  }
}

const anyBody = fc.oneof(
  fc.anything(),
  mutated(CALL_BODY, 4),
  mutated(CONVERSATION_BODY, 4),
  fc.constantFrom(CALL_BODY, CONVERSATION_BODY),
);

describe('call mappers: fuzzed bodies', () => {
  it('parseCall and parseConversation never throw and always yield a well-formed call or null', () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        expectWellFormed(parseCall(body));
        expectWellFormed(parseConversation(body));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a field of the wrong type costs only that field, never the participant', () => {
    const field = fc.constantFrom('muted', 'held', 'state', 'name', 'attributes', 'user', 'ani');
    fc.assert(
      fc.property(field, fc.oneof(fc.integer(), fc.array(fc.string()), fc.object()), (key, bad) => {
        fc.pre(!(key === 'attributes' && typeof bad === 'object' && !Array.isArray(bad)));
        fc.pre(!(key === 'user' && typeof bad === 'object' && !Array.isArray(bad)));
        const raw = structuredClone(CALL_BODY);
        (raw.participants[1] as Record<string, unknown>)[key] = bad;
        const call = parseCall(raw)!;
        expect(call.participants.map((p) => p.id)).toEqual(['cust', 'agent', 'sup']);
        expect(call.participants[1]!.unreadable).toEqual([key]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('enums read the same in any casing', () => {
    fc.assert(
      fc.property(
        oddCasing('connected'),
        oddCasing('agent'),
        oddCasing('outbound'),
        oddCasing('paused'),
        (state, purpose, direction, recordingState) => {
          const raw = structuredClone(CALL_BODY);
          Object.assign(raw.participants[1]!, { state, purpose, direction });
          const call = parseCall({ ...raw, recordingState })!;
          const agent = call.participants[1]!;
          expect(agent.state).toBe(state.toLowerCase() === 'connected' ? 'connected' : 'other');
          expect(agent.purpose).toBe(purpose.toLowerCase() === 'agent' ? 'agent' : 'other');
          expect(agent.direction).toBe(
            direction.toLowerCase() === 'outbound' ? 'outbound' : 'unknown',
          );
          expect(call.recordingState).toBe(
            recordingState.toLowerCase() === 'paused' ? 'paused' : 'none',
          );
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('huge strings pass through as text, untouched (bounding them is the screen’s job)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5_000, max: 100_000 }), (n) => {
        const raw = structuredClone(CALL_BODY);
        raw.participants[0]!.name = '\u202e'.padEnd(n, 'x');
        const call = parseCall(raw)!;
        expect(call.participants[0]!.name).toHaveLength(n);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

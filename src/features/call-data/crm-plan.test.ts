import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCrmWrite } from './crm-plan';

const CRM = {
  'crm.caseId': 'CS-104233',
  'crm.tier': 'Gold',
  'number:crm.openCases': '2',
  'date:crm.lastContact': '2026-10-02',
};

describe('planCrmWrite', () => {
  it('writes every returned key that differs, in one body', () => {
    const plan = planCrmWrite(CRM, { note: 'x' }, { note: 'x' }, new Set());
    expect(plan.write).toEqual(CRM);
    expect(plan.refused).toBeUndefined();
  });

  it('never clobbers a key the agent is editing or saving, and says which', () => {
    const plan = planCrmWrite(CRM, {}, {}, new Set(['crm.tier']));
    expect(plan.write).not.toHaveProperty('crm.tier');
    expect(plan.skippedBusy).toEqual([{ key: 'crm.tier', crm: 'Gold' }]);
  });

  it('leaves a key changed by someone else during the lookup, and skips what is already there', () => {
    const plan = planCrmWrite(
      CRM,
      { 'crm.tier': 'Silver', 'crm.caseId': 'CS-104233' },
      { 'crm.tier': 'Platinum', 'crm.caseId': 'CS-104233' },
      new Set(),
    );
    expect(plan.skippedChanged).toEqual([{ key: 'crm.tier', crm: 'Gold', now: 'Platinum' }]);
    expect(plan.unchanged).toEqual(['crm.caseId']);
    expect(Object.keys(plan.write).sort()).toEqual([
      'date:crm.lastContact',
      'number:crm.openCases',
    ]);
  });

  it('refuses the whole answer when one key could not be sent', () => {
    const plan = planCrmWrite(
      { ...CRM, 'lcp.playback.state': 'x', 'number:n': 'abc' },
      {},
      {},
      new Set(),
    );
    expect(plan.write).toEqual({});
    expect(plan.refused).toEqual({
      kind: 'invalid',
      keys: [
        { key: 'lcp.playback.state', problem: { kind: 'reserved' } },
        { key: 'number:n', problem: { kind: 'type', type: 'number' } },
      ],
    });
  });

  it('refuses an answer that would take the participant over the size limit', () => {
    const big = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`crm.blob${i}`, 'x'.repeat(32_000)]),
    );
    expect(planCrmWrite(big, {}, {}, new Set())).toMatchObject({
      write: {},
      refused: { kind: 'total', problem: { kind: 'tooLarge' } },
    });
  });
});

describe('planCrmWrite (properties)', () => {
  const keys = ['a', 'b', 'c', 'crm.x', 'number:n'];
  const value = fc.constantFrom('1', '2', 'z');
  const map = fc
    .array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: keys.length })
    .map((entries) => Object.fromEntries(entries));

  it('writes no busy key, and no key that changed since the lookup started', () => {
    fc.assert(
      fc.property(map, map, map, fc.subarray(keys), (crm, before, now, busy) => {
        const plan = planCrmWrite(crm, before, now, new Set(busy));
        for (const key of Object.keys(plan.write)) {
          expect(busy).not.toContain(key);
          expect(now[key]).toBe(before[key]);
          expect(plan.write[key]).toBe(crm[key]);
        }
      }),
    );
  });

  it('accounts for every returned key exactly once', () => {
    fc.assert(
      fc.property(map, map, map, fc.subarray(keys), (crm, before, now, busy) => {
        const plan = planCrmWrite(crm, before, now, new Set(busy));
        if (plan.refused) {
          // A refused answer writes nothing at all.
          expect(plan.write).toEqual({});
          expect(plan.refused.kind === 'invalid' && plan.refused.keys.length).toBeGreaterThan(0);
          return;
        }
        for (const key of Object.keys(crm)) {
          const places = [
            key in plan.write,
            plan.skippedBusy.some((s) => s.key === key),
            plan.skippedChanged.some((s) => s.key === key),
            plan.unchanged.includes(key),
          ].filter(Boolean).length;
          expect(places).toBe(1);
        }
      }),
    );
  });
});

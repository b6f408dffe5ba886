import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepTheirs, mergeEdits, takeMine, type Attributes, type Edit } from './three-way-merge';

describe('mergeEdits', () => {
  it('writes an edit nobody else touched, and nothing the agent did not change', () => {
    const plan = mergeEdits(
      { tier: { base: 'Gold', mine: 'Platinum' }, note: { base: 'x', mine: 'x' } },
      { tier: 'Gold', note: 'changed elsewhere', other: '1' },
    );
    expect(plan).toEqual({
      write: { tier: 'Platinum' },
      conflicts: [],
      converged: [],
      unchanged: ['note'],
    });
  });

  it('reports a key changed underneath an edit as a conflict with original, mine and theirs', () => {
    const plan = mergeEdits({ tier: { base: 'Gold', mine: 'Platinum' } }, { tier: 'Silver' });
    expect(plan.write).toEqual({});
    expect(plan.conflicts).toEqual([
      { key: 'tier', base: 'Gold', mine: 'Platinum', theirs: 'Silver' },
    ]);
  });

  it('a new key someone else added meanwhile is a conflict too; the same value converges', () => {
    expect(mergeEdits({ note: { base: undefined, mine: 'a' } }, { note: 'b' }).conflicts).toEqual([
      { key: 'note', base: undefined, mine: 'a', theirs: 'b' },
    ]);
    expect(mergeEdits({ note: { base: undefined, mine: 'a' } }, { note: 'a' }).converged).toEqual([
      'note',
    ]);
  });

  it('keeps `__proto__` an ordinary key', () => {
    const edits = Object.fromEntries([['__proto__', { base: undefined, mine: 'x' }]]);
    const plan = mergeEdits(edits, {});
    expect(Object.keys(plan.write)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(plan.write)).toBe(Object.prototype);
  });

  it('take mine rebases the edit on theirs so it is written; keep theirs drops it', () => {
    const edits = { tier: { base: 'Gold', mine: 'Platinum' } };
    const theirs = { tier: 'Silver' };
    expect(mergeEdits(takeMine(edits, 'tier', theirs), theirs).write).toEqual({ tier: 'Platinum' });
    const kept = keepTheirs(edits, 'tier');
    expect(mergeEdits(kept, theirs)).toEqual({
      write: {},
      conflicts: [],
      converged: [],
      unchanged: [],
    });
  });
});

const KEYS = ['a', 'b', 'c', 'd', '__proto__', 'number:n'];
const value = fc.constantFrom('1', '2', '3', 'x');
const maybe = fc.option(value, { nil: undefined });
const attributes: fc.Arbitrary<Attributes> = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: KEYS.length })
  .map((entries) => Object.fromEntries(entries));
const edits: fc.Arbitrary<Record<string, Edit>> = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), fc.record({ base: maybe, mine: value })), {
    maxLength: KEYS.length,
  })
  .map((entries) => Object.fromEntries(entries));
const at = (map: Attributes, key: string) => (Object.hasOwn(map, key) ? map[key] : undefined);

describe('mergeEdits (properties)', () => {
  it('no key is written that the agent did not change', () => {
    fc.assert(
      fc.property(edits, attributes, (e, theirs) => {
        for (const [key, written] of Object.entries(mergeEdits(e, theirs).write)) {
          expect(Object.hasOwn(e, key)).toBe(true);
          expect(e[key]!.mine).not.toBe(e[key]!.base);
          expect(written).toBe(e[key]!.mine);
        }
      }),
    );
  });

  it('theirs is never overwritten without a choice: a written key still has its original value', () => {
    fc.assert(
      fc.property(edits, attributes, (e, theirs) => {
        for (const key of Object.keys(mergeEdits(e, theirs).write))
          expect(at(theirs, key)).toBe(e[key]!.base);
      }),
    );
  });

  it('no edit is lost: every changed key is written, converged or a conflict, exactly once', () => {
    fc.assert(
      fc.property(edits, attributes, (e, theirs) => {
        const plan = mergeEdits(e, theirs);
        for (const [key, edit] of Object.entries(e)) {
          const places = [
            Object.hasOwn(plan.write, key),
            plan.converged.includes(key),
            plan.conflicts.some((c) => c.key === key),
            plan.unchanged.includes(key),
          ].filter(Boolean).length;
          expect(places).toBe(1);
          if (edit.mine !== edit.base) expect(plan.unchanged).not.toContain(key);
        }
      }),
    );
  });

  it('after the agent chooses for every conflict, nothing conflicts and the result holds each choice', () => {
    fc.assert(
      fc.property(
        edits,
        attributes,
        fc.array(fc.boolean(), { minLength: 8 }),
        (e, theirs, picks) => {
          let next: Record<string, Edit> = e;
          const conflicts = mergeEdits(e, theirs).conflicts;
          conflicts.forEach((c, i) => {
            next = picks[i] ? takeMine(next, c.key, theirs) : keepTheirs(next, c.key);
          });
          const plan = mergeEdits(next, theirs);
          expect(plan.conflicts).toEqual([]);
          const result = { ...theirs, ...plan.write };
          conflicts.forEach((c, i) => expect(at(result, c.key)).toBe(picks[i] ? c.mine : c.theirs));
        },
      ),
    );
  });

  it('once written and confirmed, merging again writes nothing more', () => {
    fc.assert(
      fc.property(edits, attributes, (e, theirs) => {
        const plan = mergeEdits(e, theirs);
        const after = { ...theirs, ...plan.write };
        expect(mergeEdits(e, after).write).toEqual({});
      }),
    );
  });
});

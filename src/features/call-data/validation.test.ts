import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import {
  attributeBytes,
  checkDraft,
  isReservedKey,
  keyProblem,
  totalProblem,
  valueProblem,
  type DraftRow,
} from './validation';

const row = (key: string, value: string, isNew = true, id = key): DraftRow => ({
  id,
  key,
  value,
  isNew,
});

describe('key and value checks', () => {
  it('refuses empty, blank, padded, reserved, too long and control-character keys', () => {
    expect(keyProblem('')).toEqual({ kind: 'empty' });
    expect(keyProblem('   ')).toEqual({ kind: 'empty' });
    expect(keyProblem(' tier')).toEqual({ kind: 'spaces' });
    expect(keyProblem('lcp.playback.state')).toEqual({ kind: 'reserved' });
    expect(keyProblem('LCP.x')).toEqual({ kind: 'reserved' });
    expect(keyProblem('number:lcp.x')).toEqual({ kind: 'reserved' });
    expect(keyProblem('k'.repeat(257))).toEqual({ kind: 'tooLong', length: 257 });
    expect(keyProblem('a\nb')).toEqual({ kind: 'control' });
    expect(keyProblem('k'.repeat(256))).toBeUndefined();
    expect(keyProblem('lcpx')).toBeUndefined();
    expect(keyProblem('<script>alert(1)</script>')).toBeUndefined();
  });

  it('refuses too long values and values that are not their type', () => {
    expect(valueProblem('note', 'v'.repeat(LIMITS.valueLength))).toBeUndefined();
    expect(valueProblem('note', 'v'.repeat(LIMITS.valueLength + 1))).toEqual({
      kind: 'tooLong',
      length: LIMITS.valueLength + 1,
    });
    expect(valueProblem('number:visits', 'lots')).toEqual({ kind: 'type', type: 'number' });
    expect(valueProblem('when', 'date:someday')).toEqual({ kind: 'type', type: 'date' });
    expect(valueProblem('note', 'multi\nline')).toBeUndefined();
  });

  it('counts UTF-8 bytes of keys and values, and the limits after the merge', () => {
    expect(attributeBytes({ é: '€' })).toBe(2 + 3);
    const many = Object.fromEntries(
      Array.from({ length: LIMITS.keysPerParticipant }, (_, i) => [`k${i}`, '']),
    );
    expect(totalProblem(many, { k0: 'x' })).toBeUndefined();
    expect(totalProblem(many, { extra: 'x' })).toEqual({ kind: 'tooManyKeys', count: 201 });
    const big = { a: 'x'.repeat(LIMITS.valueLength) };
    const eight = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`b${i}`, 'x'.repeat(LIMITS.valueLength)]),
    );
    expect(totalProblem(big, eight)).toEqual({
      kind: 'tooLarge',
      bytes: 9 * LIMITS.valueLength + 1 + 8 * 2,
    });
  });
});

describe('checkDraft', () => {
  it('marks every bad row, and says nothing about the total until the rows are right', () => {
    const check = checkDraft(
      [row('', 'x', true, 'r1'), row('tier', 'Gold', true, 'r2'), row('number:n', 'abc', false)],
      { tier: 'Silver', 'number:n': '1' },
    );
    expect(check.ok).toBe(false);
    expect(check.rows.get('r1')).toEqual({ key: { kind: 'empty' }, value: undefined });
    expect(check.rows.get('r2')).toEqual({ key: { kind: 'exists' }, value: undefined });
    expect(check.rows.get('number:n')).toEqual({
      key: undefined,
      value: { kind: 'type', type: 'number' },
    });
  });

  it('finds the same new key twice, and refuses edits of reserved keys', () => {
    const check = checkDraft(
      [row('a', '1', true, 'x'), row('a', '2', true, 'y'), row('lcp.playback.state', 'x', false)],
      {},
    );
    expect(check.rows.get('x')?.key).toEqual({ kind: 'duplicate' });
    expect(check.rows.get('lcp.playback.state')?.key).toEqual({ kind: 'reserved' });
  });

  it('accepts a good draft, and refuses one that takes the participant over the limits', () => {
    expect(checkDraft([row('note', 'hello'), row('tier', 'Gold', false)], { tier: 'S' }).ok).toBe(
      true,
    );
    const full = Object.fromEntries(
      Array.from({ length: LIMITS.keysPerParticipant }, (_, i) => [`k${i}`, '']),
    );
    expect(checkDraft([row('one-more', 'x')], full)).toMatchObject({
      ok: false,
      total: { kind: 'tooManyKeys' },
    });
  });
});

const utf8 = (s: string) => new Blob([s]).size;

describe('checkDraft (properties)', () => {
  const key = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', ' ', 'lcp.x', 'number:n', 'ok', 'a\u0007b', '__proto__'),
  );
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('number:1', 'number:x', 'date:2025-02-30'),
    fc.integer({ min: 0, max: 40_000 }).map((n) => 'é'.repeat(n)),
  );
  const current = fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), {
    maxKeys: 5,
  });

  it('whatever it accepts is within every limit, counted independently', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), current, (pairs, now) => {
        const rows = pairs.map(([k, v], i) => row(k, v, true, String(i)));
        if (!checkDraft(rows, now).ok) return;
        const merged = { ...now, ...Object.fromEntries(pairs) };
        for (const [k, v] of pairs) {
          expect(k.trim().length).toBeGreaterThan(0);
          expect(k.length).toBeLessThanOrEqual(LIMITS.keyLength);
          expect([...k].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(
            false,
          );
          expect(isReservedKey(k)).toBe(false);
          expect(Object.hasOwn(now, k)).toBe(false);
          expect(v.length).toBeLessThanOrEqual(LIMITS.valueLength);
        }
        expect(Object.keys(merged).length).toBeLessThanOrEqual(LIMITS.keysPerParticipant);
        const bytes = Object.entries(merged).reduce((n, [k, v]) => n + utf8(k) + utf8(v), 0);
        expect(bytes).toBeLessThanOrEqual(LIMITS.totalBytes);
      }),
      { numRuns: 200 },
    );
  });

  it('any key behind the reserved prefix is refused, whatever follows it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('lcp.', 'LCP.', 'Lcp.', 'number:lcp.'),
        fc.string(),
        (p, rest) => {
          const problem = keyProblem(`${p}${rest}`);
          expect(problem).toBeDefined();
        },
      ),
    );
  });
});

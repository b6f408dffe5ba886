import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, hostileString, oddCasing } from '../../testing/fuzz';
import { describeAttribute, parseAs, parseTypedKey, TYPED_PREFIXES } from './typed-values';
import { isReservedKey, keyProblem } from './validation';

const prefix = fc.oneof(fc.constantFrom(...TYPED_PREFIXES), oddCasing('number'), fc.string());
const text = fc.oneof(
  hostileString,
  fc.constantFrom('1090.56', '2025-3-12', '2025-02-30', 'true', 'TRUE', ' 12 ', '1e309', '0x10'),
  fc.constantFrom('2026-10-02T10:00:00Z', '2026-13-02T10:00:00Z', '9'.repeat(400)),
);
const typedKey = fc.oneof(
  hostileString,
  fc.tuple(prefix, hostileString).map(([p, k]) => `${p}:${k}`),
);
const typedValue = fc.oneof(
  text,
  fc.tuple(prefix, fc.constantFrom('', ' ', '  '), text).map(([p, s, t]) => `${p}:${s}${t}`),
);

describe('attribute keys and typed values: fuzzed', () => {
  it('describeAttribute never throws; a typed value is a finite number, a real date, or marked invalid', () => {
    fc.assert(
      fc.property(typedKey, typedValue, (key, raw) => {
        const entry = describeAttribute(key, raw);
        expect(entry.key).toBe(key);
        expect(entry.raw).toBe(raw);
        const typed = entry.typed;
        if (typed.kind === 'number') expect(Number.isFinite(typed.value)).toBe(true);
        if (typed.kind === 'datetime') expect(Number.isFinite(typed.ms)).toBe(true);
        if (typed.kind === 'date') {
          const d = new Date(Date.UTC(2000, typed.month - 1, typed.day));
          d.setUTCFullYear(typed.year);
          expect([d.getUTCMonth() + 1, d.getUTCDate()]).toEqual([typed.month, typed.day]);
        }
        if (entry.type) expect(TYPED_PREFIXES).toContain(entry.type);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a type prefix is only ever a known lower-case one, and the name is never empty', () => {
    fc.assert(
      fc.property(typedKey, (key) => {
        const { type, name } = parseTypedKey(key);
        if (type === undefined) {
          expect(name).toBe(key);
          return;
        }
        expect(TYPED_PREFIXES).toContain(type);
        expect(key).toBe(`${type}:${name}`);
        expect(name).not.toBe('');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseAs never throws, whatever the type and text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPED_PREFIXES), text, (type, t) => {
        const value = parseAs(type, t);
        expect(value === undefined || typeof value.kind === 'string').toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a key the panel accepts has no control character and is never one of its own (lcp.*)', () => {
    fc.assert(
      fc.property(typedKey, (key) => {
        if (keyProblem(key)) return;
        expect([...key].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(
          false,
        );
        expect(isReservedKey(key)).toBe(false);
        expect(key.trim()).toBe(key);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

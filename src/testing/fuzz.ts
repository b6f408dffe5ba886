import fc from 'fast-check';

/** Cases per fuzz property (at least 1,000 in CI; `FUZZ_RUNS` for a longer local run). */
export const FUZZ_RUNS = Math.max(1000, Number(process.env.FUZZ_RUNS ?? 1000));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own data properties only: a key like `__proto__` stays a key (as `JSON.parse` makes it). */
function withKey(object: Record<string, unknown>, key: string, value: unknown) {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function without(object: Record<string, unknown>, key: string) {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** Odd spellings of a word: `CONNECTED`, `Connected`, `connected ` and random casing. */
export const oddCasing = (word: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(word.toUpperCase()),
    fc.constant(word.charAt(0).toUpperCase() + word.slice(1)),
    fc.constant(` ${word}`),
    fc.constant(`${word}\u0000`),
    fc
      .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
      .map((upper) =>
        [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
      ),
  );

/** A string an attacker or a bug might send: huge, bidi overrides, controls, lone surrogates. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u202egnp.exe',
    '\u200b',
    '\u0000',
    '\ud800',
    '__proto__',
    'constructor',
    '{{gcConversationId}}',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("x")',
  ),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** A value of another type than the one a field should have. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1e21, '', '404', [], {}),
  fc.anything({ maxDepth: 2, maxKeys: 4, size: 'small' }),
  hostileString,
);

/**
 * Mutations of a real (JSON) value: fields dropped, added, replaced by another type, made huge,
 * re-cased, recursively, one to three at a time. The result is often still half right, which is
 * what reaches the edges of a real system.
 *
 * @example
 * fc.assert(fc.property(mutated(realFrame), (frame) => expect(() => parse(frame)).not.toThrow()));
 */
export function mutated(value: unknown, depth = 3): fc.Arbitrary<unknown> {
  const once = mutateOnce(value, depth);
  return fc.oneof(
    once,
    once.chain((v) => mutateOnce(v, depth)),
    once.chain((v) => mutateOnce(v, depth)).chain((v) => mutateOnce(v, depth)),
  );
}

function mutateOnce(value: unknown, depth: number): fc.Arbitrary<unknown> {
  if (typeof value === 'string')
    return fc.oneof(oddCasing(value), hostileString, wrongType, fc.constant(value));
  if (typeof value === 'number')
    return fc.oneof(fc.double(), fc.constant(String(value)), wrongType);
  if (typeof value === 'boolean')
    return fc.oneof(fc.constant(String(value)), fc.constant(value ? 1 : 0), wrongType);
  if (Array.isArray(value)) return mutateArray(value, depth);
  if (isRecord(value)) return mutateObject(value, depth);
  return wrongType;
}

function mutateArray(value: unknown[], depth: number): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType, fc.constant([]), fc.constant({ ...value })];
  if (value.length > 0) {
    const index = fc.nat({ max: value.length - 1 });
    options.push(index.map((i) => value.filter((_, j) => j !== i)));
    options.push(index.map((i) => [...value, value[i]]));
    if (depth > 0)
      options.push(
        index.chain((i) =>
          mutateOnce(value[i], depth - 1).map((v) => value.map((x, j) => (j === i ? v : x))),
        ),
      );
  }
  return fc.oneof(...options);
}

function mutateObject(value: Record<string, unknown>, depth: number): fc.Arbitrary<unknown> {
  const keys = Object.keys(value);
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')), wrongType)
      .map(([k, v]) => withKey(value, k, v)),
    wrongType,
  ];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    options.push(key.map((k) => without(value, k)));
    options.push(fc.tuple(key, wrongType).map(([k, v]) => withKey(value, k, v)));
    if (depth > 0)
      options.push(
        key.chain((k) => mutateOnce(value[k], depth - 1).map((v) => withKey(value, k, v))),
      );
  }
  return fc.oneof(...options);
}

/**
 * Architect's typed participant data. Genesys documents a value prefix for custom conversation
 * attributes ("Attach custom conversation attributes to participant data in Architect"):
 * `number:1090.56`, `date:2025-3-12`, `checkbox:true`… This panel also reads the same prefix on
 * the key (`number:crm.openCases` → "2"), as the sample CRM writes it. A known prefix on the key
 * wins; otherwise a known prefix on the value; anything else is plain text. Pure: no React, no
 * Intl (see format-typed.ts).
 */
export const TYPED_PREFIXES = [
  'checkbox',
  'date',
  'datetime',
  'enum',
  'identifier',
  'integer',
  'number',
  'longtext',
] as const;
export type AttributeType = (typeof TYPED_PREFIXES)[number];

/** Types whose value must parse (the others are strings shown a certain way). */
export const STRICT_TYPES: ReadonlySet<AttributeType> = new Set([
  'checkbox',
  'date',
  'datetime',
  'integer',
  'number',
]);

export type TypedValue =
  | { kind: 'text'; text: string; style?: 'enum' | 'identifier' | 'longtext' }
  | { kind: 'number'; value: number; integer: boolean }
  /** A calendar date, no time zone: shown as that same day everywhere. */
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'datetime'; ms: number }
  | { kind: 'checkbox'; checked: boolean }
  /** A typed value that does not parse: shown as the text it is, with a note. */
  | { kind: 'invalid'; type: AttributeType; text: string };

export interface AttributeEntry {
  /** The key as stored. */
  key: string;
  /** The key without its type prefix. */
  name: string;
  type?: AttributeType;
  typeFrom?: 'key' | 'value';
  /** The value as stored. */
  raw: string;
  /** The value without its type prefix (what "Copy" copies). */
  text: string;
  typed: TypedValue;
}

const isType = (prefix: string): prefix is AttributeType =>
  (TYPED_PREFIXES as readonly string[]).includes(prefix);

const PREFIXED = /^([a-z]+):([\s\S]*)$/;

/** `number:crm.openCases` → {type: 'number', name: 'crm.openCases'}; others keep their key. */
export function parseTypedKey(key: string): { type?: AttributeType; name: string } {
  const match = PREFIXED.exec(key);
  const prefix = match?.[1];
  const name = match?.[2];
  if (prefix && name && isType(prefix)) return { type: prefix, name };
  return { name: key };
}

/** `number: 12.5` → {type: 'number', text: '12.5'} (spaces after the colon are allowed). */
export function parseValuePrefix(raw: string): { type?: AttributeType; text: string } {
  const match = PREFIXED.exec(raw);
  const prefix = match?.[1];
  if (prefix && isType(prefix)) return { type: prefix, text: (match[2] ?? '').trim() };
  return { text: raw };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATETIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseDate(text: string): TypedValue | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const real =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  return real ? { kind: 'date', year, month, day } : undefined;
}

/** The value of `text` as `type`, or undefined when it is not one. */
export function parseAs(type: AttributeType, text: string): TypedValue | undefined {
  const trimmed = text.trim();
  switch (type) {
    case 'number': {
      const value = Number(trimmed);
      return NUMBER.test(trimmed) && Number.isFinite(value)
        ? { kind: 'number', value, integer: false }
        : undefined;
    }
    case 'integer': {
      const value = Number(trimmed);
      return INTEGER.test(trimmed) && Number.isSafeInteger(value)
        ? { kind: 'number', value, integer: true }
        : undefined;
    }
    case 'date':
      return parseDate(trimmed);
    case 'datetime': {
      const ms = Date.parse(trimmed);
      return DATETIME.test(trimmed) && Number.isFinite(ms) ? { kind: 'datetime', ms } : undefined;
    }
    case 'checkbox': {
      const lower = trimmed.toLowerCase();
      return lower === 'true' || lower === 'false'
        ? { kind: 'checkbox', checked: lower === 'true' }
        : undefined;
    }
    default:
      return { kind: 'text', text, style: type };
  }
}

/** One attribute as the panel shows it: name, type and typed value. Never throws. */
export function describeAttribute(key: string, raw: string): AttributeEntry {
  const fromKey = parseTypedKey(key);
  if (fromKey.type) {
    const typed = parseAs(fromKey.type, raw) ?? { kind: 'invalid', type: fromKey.type, text: raw };
    return { key, name: fromKey.name, type: fromKey.type, typeFrom: 'key', raw, text: raw, typed };
  }
  const fromValue = parseValuePrefix(raw);
  if (fromValue.type) {
    const typed = parseAs(fromValue.type, fromValue.text) ?? {
      kind: 'invalid',
      type: fromValue.type,
      text: fromValue.text,
    };
    return {
      key,
      name: key,
      type: fromValue.type,
      typeFrom: 'value',
      raw,
      text: fromValue.text,
      typed,
    };
  }
  return { key, name: key, raw, text: raw, typed: { kind: 'text', text: raw } };
}

/**
 * The type a value written under `key` must satisfy, and the part of it to check: the key's
 * prefix, else the value's own prefix; none for plain text.
 */
export function expectedType(
  key: string,
  value: string,
): { type: AttributeType; text: string } | undefined {
  const fromKey = parseTypedKey(key).type;
  if (fromKey) return { type: fromKey, text: value };
  const fromValue = parseValuePrefix(value);
  return fromValue.type ? { type: fromValue.type, text: fromValue.text } : undefined;
}

/** The type a value fails to be (a reason to refuse it before sending), or undefined. */
export function typeProblem(key: string, value: string): AttributeType | undefined {
  const expected = expectedType(key, value);
  if (!expected || !STRICT_TYPES.has(expected.type)) return undefined;
  return parseAs(expected.type, expected.text) ? undefined : expected.type;
}

import { LIMITS, RESERVED_PREFIX } from './limits';
import { parseTypedKey, typeProblem, type AttributeType } from './typed-values';

export type KeyProblem =
  | { kind: 'empty' }
  | { kind: 'spaces' }
  | { kind: 'reserved' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'control' }
  /** A new key that the participant already has (edit that one instead). */
  | { kind: 'exists' }
  /** Two new rows with the same key. */
  | { kind: 'duplicate' };

export type ValueProblem =
  { kind: 'tooLong'; length: number } | { kind: 'type'; type: AttributeType };

export type TotalProblem =
  { kind: 'tooManyKeys'; count: number } | { kind: 'tooLarge'; bytes: number };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Keys of this panel's own protocol (`lcp.*`, also behind a type prefix): never edited here. */
export function isReservedKey(key: string): boolean {
  const reserved = (k: string) => k.toLowerCase().startsWith(RESERVED_PREFIX);
  return reserved(key) || reserved(parseTypedKey(key).name);
}

/** What is wrong with a key on its own (the emulator's limits, plus no blank or reserved keys). */
export function keyProblem(key: string): KeyProblem | undefined {
  if (key.trim() === '') return { kind: 'empty' };
  if (key.length > LIMITS.keyLength) return { kind: 'tooLong', length: key.length };
  if (CONTROL.test(key)) return { kind: 'control' };
  if (key.trim() !== key) return { kind: 'spaces' };
  if (isReservedKey(key)) return { kind: 'reserved' };
  return undefined;
}

/** What is wrong with a value written under `key`: its length, or its type (`number:` etc.). */
export function valueProblem(key: string, value: string): ValueProblem | undefined {
  if (value.length > LIMITS.valueLength) return { kind: 'tooLong', length: value.length };
  const type = typeProblem(key, value);
  return type ? { kind: 'type', type } : undefined;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of every key and value of a map (how the limit is counted). */
export function attributeBytes(attributes: Readonly<Record<string, string>>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(attributes))
    bytes += encoder.encode(key).length + encoder.encode(value).length;
  return bytes;
}

/** Whether the participant's map after merging `changes` stays within the count and size limits. */
export function totalProblem(
  current: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string>>,
): TotalProblem | undefined {
  const merged = { ...current, ...changes };
  const count = Object.keys(merged).length;
  if (count > LIMITS.keysPerParticipant) return { kind: 'tooManyKeys', count };
  const bytes = attributeBytes(merged);
  if (bytes > LIMITS.totalBytes) return { kind: 'tooLarge', bytes };
  return undefined;
}

export interface DraftRow {
  id: string;
  key: string;
  value: string;
  /** A key the agent types (new), or one the participant has (only its value changes). */
  isNew: boolean;
}

export interface RowProblems {
  key?: KeyProblem;
  value?: ValueProblem;
}

export interface DraftCheck {
  rows: Map<string, RowProblems>;
  total?: TotalProblem;
  ok: boolean;
}

/**
 * Checks everything the agent is about to save before anything is sent: each new key, each
 * value, and the participant's whole map after the merge. `changes` is what the PATCH would
 * carry (only changed keys).
 */
export function checkDraft(
  rows: readonly DraftRow[],
  current: Readonly<Record<string, string>>,
): DraftCheck {
  const problems = new Map<string, RowProblems>();
  const newKeys = new Map<string, number>();
  for (const row of rows) if (row.isNew) newKeys.set(row.key, (newKeys.get(row.key) ?? 0) + 1);
  for (const row of rows) {
    let key = row.isNew ? keyProblem(row.key) : undefined;
    if (!key && row.isNew && Object.hasOwn(current, row.key)) key = { kind: 'exists' };
    if (!key && row.isNew && (newKeys.get(row.key) ?? 0) > 1) key = { kind: 'duplicate' };
    if (!row.isNew && isReservedKey(row.key)) key = { kind: 'reserved' };
    const value = valueProblem(row.key, row.value);
    if (key || value) problems.set(row.id, { key, value });
  }
  // Own data properties only: a key like `__proto__` stays a key.
  const changes = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const total = problems.size === 0 ? totalProblem(current, changes) : undefined;
  return { rows: problems, total, ok: problems.size === 0 && !total };
}

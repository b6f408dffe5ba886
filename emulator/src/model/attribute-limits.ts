/**
 * Limits on participant attributes. The platform documents none for
 * `PATCH …/participants/{pid}/attributes` beyond the 512 000-byte request limit (contract §2.5,
 * §4.1); these are the emulator's assumptions (FIDELITY.md), listed in emulator/README.md.
 */
import { ApiError, badRequest } from '../errors.js';

/** Key length in characters (UTF-16 code units), at least 1. */
export const MAX_ATTRIBUTE_KEY_LENGTH = 256;
/** Value length in characters (UTF-16 code units). */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 32_768;
/** Keys on one participant after the merge. */
export const MAX_ATTRIBUTES_PER_PARTICIPANT = 200;
/** UTF-8 bytes of every key and value of one participant after the merge. */
export const MAX_ATTRIBUTES_TOTAL_BYTES = 256 * 1024;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** `attributes.<key>`, or `attributes` when the key itself is empty or too long to name. */
const fieldOf = (key: string) =>
  key.length > 0 && key.length <= MAX_ATTRIBUTE_KEY_LENGTH ? `attributes.${key}` : 'attributes';

/**
 * Checks a change against the limits, given the attributes it merges into; throws the error the
 * API answers with (400 `invalid.value` naming the field, or 413 for the total size).
 */
export function checkAttributeChange(
  existing: Readonly<Record<string, string>>,
  change: Readonly<Record<string, string>>,
): void {
  for (const [key, value] of Object.entries(change)) {
    if (key.length === 0 || key.length > MAX_ATTRIBUTE_KEY_LENGTH)
      throw badRequest(
        `Attribute keys must be 1 to ${MAX_ATTRIBUTE_KEY_LENGTH} characters long.`,
        'invalid.value',
        fieldOf(key),
      );
    if (CONTROL_CHARACTER.test(key))
      throw badRequest(
        'Attribute keys cannot contain control characters.',
        'invalid.value',
        fieldOf(key),
      );
    if (value.length > MAX_ATTRIBUTE_VALUE_LENGTH)
      throw badRequest(
        `Attribute values cannot be longer than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters.`,
        'invalid.value',
        fieldOf(key),
      );
  }
  const merged = mergedAttributes(existing, change);
  const keys = Object.keys(merged);
  if (keys.length > MAX_ATTRIBUTES_PER_PARTICIPANT)
    throw badRequest(
      `A participant can hold at most ${MAX_ATTRIBUTES_PER_PARTICIPANT} attributes.`,
      'invalid.value',
      'attributes',
    );
  const bytes = keys.reduce(
    (sum, key) => sum + Buffer.byteLength(key) + Buffer.byteLength(merged[key] ?? ''),
    0,
  );
  if (bytes > MAX_ATTRIBUTES_TOTAL_BYTES)
    throw new ApiError(
      413,
      'request.entity.too.large',
      `The participant's attributes are over the size limit. Maximum bytes: ${MAX_ATTRIBUTES_TOTAL_BYTES}`,
    );
}

/** Whether merging `change` into `existing` would change anything. */
export function changesAnything(
  existing: Readonly<Record<string, string>>,
  change: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(change).some(
    ([key, value]) => !Object.hasOwn(existing, key) || existing[key] !== value,
  );
}

/** The merged map, built with own data properties only (a key like `__proto__` stays a key). */
export function mergedAttributes(
  existing: Readonly<Record<string, string>>,
  change: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries([...Object.entries(existing), ...Object.entries(change)]);
}

/**
 * The attributes of a body that zod has already checked, taken from the body itself: zod's record
 * parsing drops a `__proto__` key, which the platform would keep as an ordinary key.
 */
export function ownAttributes(body: unknown): Record<string, string> {
  const raw = (body as { attributes?: unknown } | undefined)?.attributes;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw badRequest('attributes must be an object.', 'invalid.value', 'attributes');
  for (const [key, value] of Object.entries(raw))
    if (typeof value !== 'string')
      throw badRequest('attribute values must be strings.', 'invalid.value', fieldOf(key));
  return Object.fromEntries(Object.entries(raw as Record<string, string>));
}

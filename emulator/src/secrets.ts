/**
 * Unguessable values for what grants access: access tokens, authorization codes, login sessions
 * and channel ids. They come from the system's cryptographic generator, never from the seed
 * (`ids.ts`), so a seeded emulator is repeatable in its calls but not in its credentials.
 */
import { randomBytes } from 'node:crypto';

/** 32 letters and digits, 5 bits each (no modulo bias). */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz012345';

/**
 * `bytes` random bytes as base64url (a token of 48 bytes is 64 characters).
 *
 * @example
 * secretToken(48); // 'q3X…' (64 characters of [A-Za-z0-9_-])
 */
export function secretToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * `length` lower-case letters and digits, 5 random bits each (a channel id's tail).
 *
 * @example
 * `streaming-0-${secretId(26)}`; // 130 random bits
 */
export function secretId(length: number): string {
  return Array.from(randomBytes(length), (byte) => ID_ALPHABET.charAt(byte & 31)).join('');
}

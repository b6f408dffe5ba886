/** Query helpers of the Architect listings: name patterns, sorting and boolean flags. */
import { z } from 'zod';

/** `true`/`false` query flags with a default. */
export const queryBoolean = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true'));

export const sortOrder = z
  .string()
  .regex(/^(asc|desc)$/i, 'must be asc or desc')
  .default('asc');

/**
 * Name filters: case-insensitive; `*` matches any run of characters; without `*` the whole name
 * must match.
 */
export function matchesPattern(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(value);
}

/** A copy sorted by a string field, `asc` or `desc`. */
export function sortByField<T>(items: readonly T[], field: (item: T) => string, order: string) {
  const sign = order.toLowerCase() === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => sign * field(a).localeCompare(field(b)));
}

/** The query parameters other than paging, as pairs to repeat in a listing's links. */
export function linkQuery(raw: unknown): [string, string][] {
  return Object.entries((raw ?? {}) as Record<string, string | string[]>)
    .filter(([key]) => key !== 'pageSize' && key !== 'pageNumber')
    .flatMap(([key, value]) => [value].flat().map((v): [string, string] => [key, v]));
}

/** Paged entity listings (`…EntityListing`) and the query parameters they share. */
import { z } from 'zod';
import { badRequest } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((n) => n ?? fallback);

/**
 * A list parameter, repeated (`id=a&id=b`) or comma-separated (`id=a,b`, what SDK 262's
 * `serialize` sends for arrays): always a list.
 */
export const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    v === undefined
      ? []
      : [v]
          .flat()
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
  );

export const pagingQuery = {
  pageSize: intParam(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  pageNumber: intParam(1, 1_000_000, 1),
};

/** Parses a querystring with zod; the first problem becomes 400 `invalid.value` on that field. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'query';
  throw badRequest(
    `Invalid value for ${field}: ${issue?.message ?? 'invalid'}.`,
    'invalid.value',
    field,
  );
}

export interface Listing<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}

/**
 * One page of `all`, with the platform's paging fields; `query` holds the other parameters to
 * repeat in the page URIs.
 */
export function pageOf<T>(
  all: readonly T[],
  paging: { pageSize: number; pageNumber: number },
  path: string,
  query: [string, string][] = [],
): Listing<T> {
  const { pageSize, pageNumber } = paging;
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const uri = (n: number) =>
    `${path}?${new URLSearchParams([
      ['pageSize', String(pageSize)],
      ['pageNumber', String(n)],
      ...query,
    ]).toString()}`;
  return {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(pageCount),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
  };
}

import { z } from 'zod';

/**
 * The predicate filters shared by the queue observation and conversation activity queries
 * (contract §2.13): `{type: and|or, predicates?, clauses?: [{type, predicates}]}`, each predicate
 * `{type?, dimension?, operator?: matches|exists|notExists, value?}`.
 */
export function filterSchema<D extends readonly [string, ...string[]]>(dimensions: D) {
  const predicate = z
    .object({
      type: z.enum(['dimension', 'property', 'metric']).optional(),
      dimension: z.enum(dimensions).optional(),
      operator: z.enum(['matches', 'exists', 'notExists']).optional(),
      value: z.string().optional(),
      range: z.record(z.string(), z.unknown()).optional(),
    })
    .strict();
  const clause = z.object({ type: z.enum(['and', 'or']), predicates: z.array(predicate) }).strict();
  return z
    .object({
      type: z.enum(['and', 'or']),
      clauses: z.array(clause).optional(),
      predicates: z.array(predicate).optional(),
    })
    .strict();
}

export interface Predicate {
  type?: string;
  dimension?: string;
  operator?: string;
  value?: string;
  range?: unknown;
}

export interface Filter {
  type: 'and' | 'or';
  clauses?: { type: 'and' | 'or'; predicates: Predicate[] }[];
  predicates?: Predicate[];
}

export type Dimensions = Record<string, string | undefined>;

function matchesPredicate(predicate: Predicate, dims: Dimensions): boolean {
  const actual = predicate.dimension ? dims[predicate.dimension] : undefined;
  switch (predicate.operator ?? 'matches') {
    case 'exists':
      return actual !== undefined;
    case 'notExists':
      return actual === undefined;
    default:
      return actual !== undefined && actual.toLowerCase() === (predicate.value ?? '').toLowerCase();
  }
}

function combine(type: 'and' | 'or', results: boolean[]): boolean {
  if (results.length === 0) return true;
  return type === 'and' ? results.every(Boolean) : results.some(Boolean);
}

/** Whether an entity with these dimension values passes the filter (no filter: everything). */
export function matchesFilter(filter: Filter | undefined, dims: Dimensions): boolean {
  if (!filter) return true;
  const results = [
    ...(filter.predicates ?? []).map((p) => matchesPredicate(p, dims)),
    ...(filter.clauses ?? []).map((c) =>
      combine(
        c.type,
        c.predicates.map((p) => matchesPredicate(p, dims)),
      ),
    ),
  ];
  return combine(filter.type, results);
}

/** Every predicate of the filter, clauses included. */
export function allPredicates(filter: Filter | undefined): Predicate[] {
  if (!filter) return [];
  return [...(filter.predicates ?? []), ...(filter.clauses ?? []).flatMap((c) => c.predicates)];
}

/** The values a filter names for one dimension with `matches`, in order, without repeats. */
export function namedValues(filter: Filter | undefined, dimension: string): string[] {
  const values = allPredicates(filter)
    .filter((p) => p.dimension === dimension && (p.operator ?? 'matches') === 'matches')
    .flatMap((p) => (p.value === undefined ? [] : [p.value]));
  return [...new Set(values)];
}

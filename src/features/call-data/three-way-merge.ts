/**
 * Three-way merge of the agent's attribute edits with the participant's attributes as they are
 * now. Each edit remembers the value the key had when the agent started changing it (`base`;
 * undefined for a key that did not exist). Pure: the panel, the save and the CRM write-back all
 * decide through it.
 *
 * - mine = base: the agent did not change the key; nothing is written and theirs shows.
 * - theirs = base: nobody else changed it; mine is written.
 * - theirs = mine: both arrived at the same value; nothing to write.
 * - otherwise: a conflict. Neither side is written until the agent chooses.
 */
export interface Edit {
  base: string | undefined;
  mine: string;
}

export type Edits = Readonly<Record<string, Edit>>;
export type Attributes = Readonly<Record<string, string>>;

export interface Conflict {
  key: string;
  base: string | undefined;
  mine: string;
  theirs: string | undefined;
}

export type Resolution =
  | { kind: 'unchanged' }
  | { kind: 'write'; value: string }
  | { kind: 'converged' }
  | ({ kind: 'conflict' } & Conflict);

export interface MergePlan {
  /** What the PATCH carries: only keys the agent changed and nobody else did meanwhile. */
  write: Record<string, string>;
  conflicts: Conflict[];
  /** Changed by the agent, and already at the agent's value. */
  converged: string[];
  /** In the draft but not changed by the agent. */
  unchanged: string[];
}

const own = (map: Attributes, key: string): string | undefined =>
  Object.hasOwn(map, key) ? map[key] : undefined;

function resolveKey(key: string, edit: Edit, theirs: string | undefined): Resolution {
  if (edit.mine === edit.base) return { kind: 'unchanged' };
  if (theirs === edit.mine) return { kind: 'converged' };
  if (theirs === edit.base) return { kind: 'write', value: edit.mine };
  return { kind: 'conflict', key, base: edit.base, mine: edit.mine, theirs };
}

/**
 * @example
 * mergeEdits({ tier: { base: 'Gold', mine: 'Platinum' } }, { tier: 'Gold' })
 * // → { write: { tier: 'Platinum' }, conflicts: [], converged: [], unchanged: [] }
 */
export function mergeEdits(edits: Edits, theirs: Attributes): MergePlan {
  const plan: MergePlan = { write: {}, conflicts: [], converged: [], unchanged: [] };
  const write: [string, string][] = [];
  for (const [key, edit] of Object.entries(edits)) {
    const resolution = resolveKey(key, edit, own(theirs, key));
    if (resolution.kind === 'write') write.push([key, resolution.value]);
    else if (resolution.kind === 'conflict') {
      const { kind: _kind, ...conflict } = resolution;
      plan.conflicts.push(conflict);
    } else if (resolution.kind === 'converged') plan.converged.push(key);
    else plan.unchanged.push(key);
  }
  // Own data properties only: a key like `__proto__` stays a key.
  plan.write = Object.fromEntries(write);
  return plan;
}

/** The agent keeps theirs: the edit of `key` is dropped. */
export function keepTheirs(edits: Edits, key: string): Record<string, Edit> {
  return Object.fromEntries(Object.entries(edits).filter(([k]) => k !== key));
}

/** The agent takes mine over theirs: the edit is rebased on theirs, so it is written on save. */
export function takeMine(edits: Edits, key: string, theirs: Attributes): Record<string, Edit> {
  return Object.fromEntries(
    Object.entries(edits).map(([k, edit]) =>
      k === key ? [k, { base: own(theirs, k), mine: edit.mine }] : [k, edit],
    ),
  );
}

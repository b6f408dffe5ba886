import type { IdSource } from '../ids.js';
import { allUsers, QUEUES, type SeedUser } from '../seed.js';

export type IdRole = 'user' | 'queue' | 'other';

/**
 * The emulator's ids for a trace's pseudonyms: the recording widget's user is the agent the
 * replay plays to, other users the other seeded users in turn, queues the agent's queues first,
 * everything else (conversations, participants, calls) a fresh id. A pseudonym keeps the id it
 * was first given.
 */
export class ReplayIds {
  private readonly map = new Map<string, string>();
  private readonly users: SeedUser[];
  private readonly queues: string[];

  constructor(
    private readonly ids: IdSource,
    agent: SeedUser,
    tracedUser: string | undefined,
  ) {
    if (tracedUser !== undefined) this.map.set(tracedUser, agent.id);
    this.users = allUsers().filter((u) => u.id !== agent.id);
    this.queues = [
      ...agent.queueIds,
      ...QUEUES.map((q) => q.id).filter((id) => !agent.queueIds.includes(id)),
    ];
  }

  /** The id for a pseudonym, given one on first sight. */
  id(pseudonym: string, role: IdRole = 'other'): string {
    const known = this.map.get(pseudonym);
    if (known) return known;
    const made =
      (role === 'user'
        ? this.users.shift()?.id
        : role === 'queue'
          ? this.queues.shift()
          : undefined) ?? this.ids.uuid();
    this.map.set(pseudonym, made);
    return made;
  }

  /** The id already given to a pseudonym, if any. */
  known(pseudonym: string): string | undefined {
    return this.map.get(pseudonym);
  }

  /** Every pseudonym → id given so far. */
  all(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}

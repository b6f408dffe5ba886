import { ApiError } from '../errors.js';
import { addExtraUser, findExtraUser } from '../extra-users.js';
import { AGENT_PERMISSIONS, QUEUES, type SeedUser } from '../seed.js';

/** Generated agents for load tests stop here (one live call each). */
export const MAX_GENERATED_AGENTS = 3000;

/** Stable id of generated agent `n` (1-based): the same agent has the same id in every run. */
export function generatedAgentId(n: number): string {
  return `a9e70000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/**
 * Generated agent `n`: "Agent 001", agent001@example.com, an agent of every seeded queue with the
 * agents' permissions. Created on first use (it then signs in and is looked up like a seeded
 * user) and forgotten on reset.
 */
export function generatedAgent(n: number): SeedUser {
  const id = generatedAgentId(n);
  const existing = findExtraUser(id);
  if (existing) return existing;
  const label = String(n).padStart(3, '0');
  const agent: SeedUser = {
    id,
    name: `Agent ${label}`,
    email: `agent${label}@example.com`,
    title: 'Agent',
    permissions: AGENT_PERMISSIONS,
    queueIds: QUEUES.map((q) => q.id),
    isAgent: true,
  };
  addExtraUser(agent);
  return agent;
}

/**
 * Hands out generated agents with no live call, lowest number first, creating them as needed.
 * `busy` holds the user ids that already have a live call; it is updated as agents are handed out.
 */
export function nextFreeAgent(busy: Set<string>): SeedUser {
  for (let n = 1; n <= MAX_GENERATED_AGENTS; n += 1) {
    const id = generatedAgentId(n);
    if (busy.has(id)) continue;
    busy.add(id);
    return generatedAgent(n);
  }
  throw new ApiError(
    409,
    'conflict',
    `All ${MAX_GENERATED_AGENTS} generated agents are on a call; end some calls first.`,
  );
}

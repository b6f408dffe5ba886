import type { SeedUser } from './seed.js';

/**
 * Users added at run time (the generated load agents, load/agents.ts). The seeded lookups in
 * seed.ts fall back to this directory, so an added user signs in, shows up in lookups and is
 * named in payloads like a seeded one. Emptied by the emulator's reset.
 */
const byId = new Map<string, SeedUser>();
const byEmail = new Map<string, SeedUser>();

export function addExtraUser(user: SeedUser): void {
  byId.set(user.id, user);
  byEmail.set(user.email, user);
}

export function findExtraUser(id: string): SeedUser | undefined {
  return byId.get(id);
}

export function findExtraUserByEmail(email: string): SeedUser | undefined {
  return byEmail.get(email);
}

export function extraUsers(): SeedUser[] {
  return [...byId.values()];
}

export function clearExtraUsers(): void {
  byId.clear();
  byEmail.clear();
}

import { ORG_ID, QUEUE_IDS, SEED_USERS } from '../seed-ids.js';
import { extraUsers, findExtraUser, findExtraUserByEmail } from './extra-users.js';

/** Prompts and flows (Play Prompt) of the seeded org: seed-architect.ts. */
export {
  FLOWS,
  MAIN_MENU_FLOW_ID,
  PLAY_PROMPT_FLOW_ID,
  PROMPT_IDS,
  PROMPTS,
} from './seed-architect.js';

/** The seeded org: stable ids used by the demo, the tests and the docs. */
export interface SeedUser {
  id: string;
  name: string;
  email: string;
  title: string;
  permissions: readonly string[];
  queueIds: readonly string[];
  isAgent: boolean;
}

export interface SeedQueue {
  id: string;
  name: string;
  dnis: string;
}

export interface SeedOAuthClient {
  id: string;
  name: string;
  /** Redirect URIs are accepted on these hosts over http at any port and path. */
  allowedRedirectHosts: readonly string[];
}

export const ORG = { id: ORG_ID, name: 'Live Call Panel Demo' };

const SEEDED_QUEUES: readonly SeedQueue[] = [
  { id: QUEUE_IDS.support, name: 'Support', dnis: 'tel:+18005550100' },
  { id: QUEUE_IDS.sales, name: 'Sales', dnis: 'tel:+18005550200' },
];
const queues: SeedQueue[] = [...SEEDED_QUEUES];

/** The org's queues: the two seeded ones, then any added for a larger floor (until reset). */
export const QUEUES: readonly SeedQueue[] = queues;

/** Adds a queue after the seeded ones (load tests: `POST /__emulator/queues`). */
export function addQueue(queue: SeedQueue): void {
  if (!queues.some((q) => q.id === queue.id)) queues.push(queue);
}

/** Back to the seeded queues only (the emulator's reset). */
export function resetQueues(): void {
  queues.length = SEEDED_QUEUES.length;
}

const SUPPORT = SEEDED_QUEUES[0]!.id;
const SALES = SEEDED_QUEUES[1]!.id;

export const AGENT_PERMISSIONS = [
  'conversation:participant:wrapup',
  'conversation:communication:disconnect',
  'conversation:call:record',
  'conversation:communication:blindTransfer',
  'architect:userPrompt:view',
] as const;

export const USERS: readonly SeedUser[] = [
  {
    ...SEED_USERS.alice,
    title: 'Agent',
    // Alice may look flows up by name; Bob may not (a plain agent role; contract §2.12).
    // Alice may also pause and resume recording (secure pause); Bob may not.
    permissions: [
      ...AGENT_PERMISSIONS,
      'architect:flow:view',
      'conversation:recording:pauseOthers',
    ],
    queueIds: [SUPPORT, SALES],
    isAgent: true,
  },
  {
    ...SEED_USERS.bob,
    title: 'Agent',
    permissions: AGENT_PERMISSIONS,
    queueIds: [SUPPORT],
    isAgent: true,
  },
  {
    ...SEED_USERS.sam,
    title: 'Supervisor',
    permissions: [
      ...AGENT_PERMISSIONS,
      'architect:flow:view',
      'routing:queue:view',
      'conversation:call:monitor',
      'conversation:call:coach',
      'conversation:call:barge',
      'analytics:queueObservation:view',
      'conversation:communication:view',
    ],
    queueIds: [],
    isAgent: false,
  },
];

export const OAUTH_CLIENT: SeedOAuthClient = {
  id: 'lcp-local',
  name: 'Live Call Panel (local)',
  allowedRedirectHosts: ['localhost', '127.0.0.1'],
};

export function findUserByEmail(email: string): SeedUser | undefined {
  const wanted = email.trim().toLowerCase();
  return USERS.find((u) => u.email === wanted) ?? findExtraUserByEmail(wanted);
}

export function findUser(id: string): SeedUser | undefined {
  return USERS.find((u) => u.id === id) ?? findExtraUser(id);
}

/** Seeded users plus those added at run time (generated load agents). */
export function allUsers(): SeedUser[] {
  return [...USERS, ...extraUsers()];
}

export function findQueue(idOrName: string): SeedQueue | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return QUEUES.find((q) => q.id === idOrName || q.name.toLowerCase() === wanted);
}

export function isAllowedRedirectUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && OAUTH_CLIENT.allowedRedirectHosts.includes(url.hostname);
  } catch {
    return false;
  }
}

import type { FeatureId } from './model';
import type { SetupMessageId } from './text';

/**
 * What each feature needs of the user's roles and of the OAuth client, as deploy/oauth-client.md
 * tells an admin (permissions from the SDK's documentation; scope names are the API Explorer's
 * and unverified, contract §6).
 */
export interface PermissionNeed {
  /** Check id suffix: `permission.<id>`. */
  id: string;
  /** Any one of these grants it. */
  anyOf: readonly string[];
  features: readonly FeatureId[];
  /** The part of the panel that needs it, in the admin's words. */
  what: SetupMessageId;
  /** Without it the feature still works, with a limit. */
  optional?: boolean;
}

/** The Play Prompt lookup by name needs this unless the build names the flow's id. */
export const FLOW_VIEW = 'architect:flow:view';
export const PROMPT_VIEW = 'architect:userPrompt:view';
export const QUEUE_VIEW = 'routing:queue:view';
export const QUEUE_OBSERVATION_VIEW = 'analytics:queueObservation:view';
export const COMMUNICATION_VIEW = 'conversation:communication:view';

export const PERMISSION_NEEDS: readonly PermissionNeed[] = [
  {
    id: 'mute',
    anyOf: [
      'conversation:participant:wrapup',
      'conversation:call:record',
      'conversation:communication:disconnect',
    ],
    features: ['agentPanel'],
    what: 'setup.what.muteHold',
  },
  {
    id: 'queueNames',
    anyOf: [QUEUE_VIEW],
    features: ['agentPanel'],
    what: 'setup.what.queueNames',
    optional: true,
  },
  { id: 'prompts', anyOf: [PROMPT_VIEW], features: ['playback'], what: 'setup.what.prompts' },
  {
    id: 'queueObservation',
    anyOf: [QUEUE_OBSERVATION_VIEW],
    features: ['supervisor'],
    what: 'setup.what.liveQueues',
  },
  {
    id: 'communicationView',
    anyOf: [COMMUNICATION_VIEW],
    features: ['supervisor'],
    what: 'setup.what.otherCalls',
  },
  { id: 'queueView', anyOf: [QUEUE_VIEW], features: ['supervisor'], what: 'setup.what.queueList' },
  {
    id: 'monitor',
    anyOf: ['conversation:call:monitor'],
    features: ['supervisor'],
    what: 'setup.what.monitor',
    optional: true,
  },
  {
    id: 'coach',
    anyOf: ['conversation:call:coach'],
    features: ['supervisor'],
    what: 'setup.what.coach',
    optional: true,
  },
  {
    id: 'barge',
    anyOf: ['conversation:call:barge'],
    features: ['supervisor'],
    what: 'setup.what.barge',
    optional: true,
  },
];

/** The flow lookup by name: needed only when the build does not name the flow (playback). */
export const FLOW_LOOKUP_NEED: PermissionNeed = {
  id: 'flowLookup',
  anyOf: [FLOW_VIEW],
  features: ['playback'],
  what: 'setup.what.flowLookup',
};

export interface ScopeNeed {
  feature: FeatureId;
  /** Every one of these (a scope also grants its `:readonly` form). */
  scopes: readonly string[];
}

export const SCOPE_NEEDS: readonly ScopeNeed[] = [
  { feature: 'agentPanel', scopes: ['conversations', 'notifications', 'users:readonly'] },
  { feature: 'callData', scopes: ['conversations', 'notifications'] },
  { feature: 'playback', scopes: ['conversations', 'architect:readonly'] },
  {
    feature: 'supervisor',
    scopes: ['conversations', 'notifications', 'routing:readonly', 'analytics:readonly'],
  },
];

/**
 * Whether a granted permission covers a wanted one. Permissions are `domain:entity:action`, and
 * roles may grant `*` for any segment (`conversation:call:*`).
 *
 * @example
 * grantsPermission('conversation:call:*', 'conversation:call:monitor'); // true
 */
export function grantsPermission(granted: string, wanted: string): boolean {
  const have = granted.toLowerCase().split(':');
  const want = wanted.toLowerCase().split(':');
  return (
    have.length === want.length &&
    have.every((segment, i) => segment === '*' || segment === want[i])
  );
}

export const hasAnyPermission = (granted: readonly string[], anyOf: readonly string[]) =>
  anyOf.some((wanted) => granted.some((g) => grantsPermission(g, wanted)));

/**
 * Whether the token's scopes cover a wanted scope: the same scope, or the full scope for its
 * `:readonly` form (`routing` covers `routing:readonly`).
 *
 * @example
 * grantsScope(['routing'], 'routing:readonly'); // true
 */
export function grantsScope(scopes: readonly string[], wanted: string): boolean {
  const want = wanted.toLowerCase();
  const base = want.endsWith(':readonly') ? want.slice(0, -':readonly'.length) : undefined;
  return scopes.some((s) => {
    const scope = s.toLowerCase();
    return scope === want || (base !== undefined && scope === base);
  });
}

import type { CoreMessageId, Message } from '../../i18n/message';
import type { SetupMessageId } from './text';

/** The panel's features, as the setup check reports on them (issue 20). */
export const FEATURES = [
  'agentPanel',
  'callData',
  'crm',
  'playback',
  'supervisor',
  'embedding',
] as const;

export type FeatureId = (typeof FEATURES)[number];

/**
 * `works`: checked and fine. `willNotWork`: checked, and the feature (or the part named) will
 * fail in this org or browser. `notChecked`: the check could not run (a permission it needs, no
 * CRM configured, not framed…); it never fails the page.
 */
export type CheckStatus = 'works' | 'willNotWork' | 'notChecked';

/** Text for the admin, rendered in their language only at the edge (a component, the report). */
export type SetupText = Message<SetupMessageId | CoreMessageId>;

export interface CheckResult {
  /** Stable id, e.g. `permission.prompts`, `notifications`, `embedding.microphone`. */
  id: string;
  /** The features this check decides (a shared check, such as the API host, decides several). */
  features: readonly FeatureId[];
  status: CheckStatus;
  /** An optional part: when it will not work the feature still works, with a limit. */
  optional?: boolean;
  /** What was checked. */
  title: SetupText;
  /** Why it has this status. */
  detail: SetupText;
  /** More reasons, one line each (e.g. each launch parameter that was refused). */
  notes?: SetupText[];
  /** What to change, in the admin's terms. */
  fix?: SetupText;
  /** The permissions or scopes it found missing, or needs to run at all. */
  needs?: string[];
  /** Facts for the report: hosts, counts, statuses; never a name, a number or a token. */
  facts?: Record<string, string | number | boolean>;
}

export interface FeatureResult {
  feature: FeatureId;
  status: CheckStatus;
  /** Optional parts that will not work. */
  limits: number;
  checks: CheckResult[];
}

/**
 * The order checks are listed in, whatever order they finished in: where the panel reaches
 * Genesys Cloud first, then what the token and the user's roles allow, then each feature's own
 * reads, then the frame. Unknown ids go last.
 */
const CHECK_ORDER = [
  'hosts.api',
  'hosts.login',
  'hosts.policy',
  'scope.agentPanel',
  'scope.callData',
  'scope.playback',
  'scope.supervisor',
  'permission.mute',
  'permission.queueNames',
  'permission.prompts',
  'permission.flowLookup',
  'permission.queueObservation',
  'permission.communicationView',
  'permission.queueView',
  'permission.monitor',
  'permission.coach',
  'permission.barge',
  'notifications',
  'playback.flow',
  'playback.prompts',
  'playback.media',
  'supervisor.queues',
  'supervisor.observation',
  'supervisor.activity',
  'crm.configured',
  'crm.request',
  'embedding.framed',
  'embedding.launch',
  'embedding.hostOrigin',
  'embedding.sandbox',
  'embedding.popups',
  'agentPanel.meter',
  'embedding.clipboard',
  'embedding.handshake',
];

const rank = (id: string) => {
  const at = CHECK_ORDER.indexOf(id);
  return at === -1 ? CHECK_ORDER.length : at;
};

/** The checks in listing order (a copy). */
export const inListingOrder = (checks: readonly CheckResult[]): CheckResult[] =>
  [...checks].sort((a, b) => rank(a.id) - rank(b.id));

/**
 * A feature's verdict from its checks: it will not work when a required check says so; it is
 * not checked when a required check could not run (or it has no checks yet); otherwise it
 * works, with a limit per optional part that will not.
 */
export function featureResult(feature: FeatureId, all: readonly CheckResult[]): FeatureResult {
  const checks = inListingOrder(all.filter((c) => c.features.includes(feature)));
  const required = checks.filter((c) => !c.optional);
  const status: CheckStatus = required.some((c) => c.status === 'willNotWork')
    ? 'willNotWork'
    : required.length === 0 || required.some((c) => c.status === 'notChecked')
      ? 'notChecked'
      : 'works';
  const limits = checks.filter((c) => c.optional && c.status === 'willNotWork').length;
  return { feature, status, limits, checks };
}

/** One message shorthand for the checks. */
export const text = (id: SetupMessageId | CoreMessageId, values?: Message['values']): SetupText =>
  values ? { id, values } : { id };

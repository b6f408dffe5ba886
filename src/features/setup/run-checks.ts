import type { LaunchParams } from '../../config/launch-params';
import type { Platform } from '../../platform/platform';
import type { SetupAuthorization, SetupReads, SetupTokenInfo } from '../../platform/setup-reads';
import type { Scheduler } from '../../time/scheduler';
import { crmChecks } from './checks/crm-check';
import type { Csp } from './checks/csp';
import {
  embeddingChecks,
  meterCheck,
  type FrameView,
  type MicPermission,
} from './checks/embedding-checks';
import { apiCheck, loginCheck, policyCheck, targetHosts } from './checks/host-checks';
import { notificationCheck, type ProbeSocket } from './checks/notification-check';
import { holds, permissionChecks, scopeChecks } from './checks/permission-checks';
import { flowCheck, mediaCheck, promptsCheck, type ProbeAudio } from './checks/playback-checks';
import { supervisorChecks } from './checks/supervisor-checks';
import { text, type CheckResult } from './model';
import { FLOW_VIEW, PROMPT_VIEW, QUEUE_OBSERVATION_VIEW, QUEUE_VIEW } from './requirements';

/** What the checks need of the browser (browser-env.ts gives the real one). */
export interface BrowserEnv {
  /** The page's address (for `'self'` in the policy). */
  pageUrl: string;
  /** The page's own policy, when it carries one in a `<meta>`. */
  csp?: Csp;
  frame: FrameView;
  fetch: typeof fetch;
  openSocket(url: string): ProbeSocket;
  newAudio(): ProbeAudio;
  micPermission(): Promise<MicPermission>;
  /** Reports the origin of each request the browser's policy blocked; returns the unsubscribe. */
  onViolation(listener: (blockedOrigin: string) => void): () => void;
}

export interface SetupDeps {
  platform: Pick<
    Platform,
    | 'target'
    | 'setup'
    | 'accessToken'
    | 'createChannel'
    | 'replaceSubscriptions'
    | 'deleteSubscriptions'
  >;
  scheduler: Scheduler;
  browser: BrowserEnv;
  launch: Pick<LaunchParams, 'hostOrigin' | 'targetEnv' | 'problems'>;
  /** `VITE_CRM_URL`. */
  crmUrl?: string;
  /** `VITE_GC_PLAY_PROMPT_FLOW_ID`. */
  flowId?: string;
  /** Whether the desktop's `bootstrap` hook reached the page (undefined: not listened for). */
  bootstrapSeen?: boolean;
  /** What the click that started the run saw when it opened a window. */
  popup?: 'opened' | 'blocked';
  /** How long to wait for the notifications heartbeat (default 45 s). */
  heartbeatTimeoutMs?: number;
  signal?: AbortSignal;
  /** Called with every check so far, each time one settles. */
  onProgress?(checks: readonly CheckResult[]): void;
}

export interface SetupRun {
  checks: CheckResult[];
  /** Requests sent to Genesys Cloud, every one through the widget's request budget. */
  requests: number;
  startedAt: number;
  finishedAt: number;
}

/** The reads with each request counted (each method is one request). */
function counted(reads: SetupReads, count: () => void): SetupReads {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) => {
      count();
      return fn(...args);
    };
  return {
    authorization: wrap(reads.authorization),
    tokenInfo: wrap(reads.tokenInfo),
    flows: wrap(reads.flows),
    prompts: wrap(reads.prompts),
    queues: wrap(reads.queues),
    observeQueue: wrap(reads.observeQueue),
    queueActivity: wrap(reads.queueActivity),
  };
}

/**
 * Runs every setup check once, with the signed-in user's own token: read-only requests through
 * the widget's request budget, one notifications channel created and released, nothing changed
 * in the org and no call touched. A check the user lacks a permission for is "not checked"; a
 * failing request fails only its own check, never the run.
 *
 * @example
 * const run = await runSetupChecks({ platform, scheduler, browser: browserEnv(window), launch, crmUrl });
 */
export async function runSetupChecks(deps: SetupDeps): Promise<SetupRun> {
  const startedAt = deps.scheduler.now();
  const checks: CheckResult[] = [];
  const add = (...found: CheckResult[]) => {
    checks.push(...found);
    deps.onProgress?.([...checks]);
  };
  let requests = 0;
  const count = () => (requests += 1);
  const hosts = targetHosts(deps.platform.target);
  const genesysOrigins = new Set([hosts.api, hosts.login, hosts.streaming]);
  const violations: string[] = [];
  const stopWatching = deps.browser.onViolation((origin) => {
    if (genesysOrigins.has(origin)) violations.push(origin);
  });
  const { browser } = deps;

  try {
    const reads = counted(await deps.platform.setup(), count);
    const channels = {
      createChannel: () => (count(), deps.platform.createChannel()),
      replaceSubscriptions: (id: string, topics: readonly string[]) => (
        count(),
        deps.platform.replaceSubscriptions(id, topics)
      ),
      deleteSubscriptions: (id: string) => (count(), deps.platform.deleteSubscriptions(id)),
    };

    const mic = await browser.micPermission();
    add(
      ...embeddingChecks({
        frame: browser.frame,
        launch: deps.launch,
        bootstrapSeen: deps.bootstrapSeen,
        popup: deps.popup,
        mic,
      }),
    );
    if (!browser.frame.framed) add(meterCheck({ frame: browser.frame, mic }));

    const settled = <T>(promise: Promise<T>) =>
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    const [me, token] = await Promise.all([
      settled(reads.authorization()),
      settled(reads.tokenInfo()),
    ]);
    add(apiCheck(hosts, me.ok ? undefined : me.error));

    const crm = crmChecks(deps.crmUrl, {
      fetch: browser.fetch,
      scheduler: deps.scheduler,
      accessToken: () => deps.platform.accessToken(),
      csp: browser.csp,
      pageUrl: browser.pageUrl,
    }).then((found) => add(...found));
    const login = loginCheck(hosts, { fetch: browser.fetch, scheduler: deps.scheduler }).then(
      (found) => add(found),
    );

    if (!me.ok) {
      await Promise.all([crm, login]);
      add(notificationsUnchecked());
      return finish();
    }
    add(
      ...permissionAndScopeChecks(me.value, token.ok ? token.value : { scopes: undefined }, deps),
    );
    const user = me.value;
    const notifications = notificationCheck({
      channels,
      userId: user.userId,
      openSocket: (url) => browser.openSocket(url),
      scheduler: deps.scheduler,
      heartbeatTimeoutMs: deps.heartbeatTimeoutMs,
      signal: deps.signal,
    }).then((found) => add(found));
    const playback = (async () => {
      const flow = flowCheck(reads, { flowId: deps.flowId, canViewFlows: holds(user, FLOW_VIEW) });
      const prompts = await promptsCheck(reads, { canViewPrompts: holds(user, PROMPT_VIEW) });
      add(prompts.check);
      add(await flow);
      add(
        await mediaCheck(prompts.page, {
          fetch: browser.fetch,
          newAudio: () => browser.newAudio(),
          scheduler: deps.scheduler,
          csp: browser.csp,
          pageUrl: browser.pageUrl,
        }),
      );
    })();
    const supervisor = supervisorChecks(reads, {
      viewQueues: holds(user, QUEUE_VIEW),
      observe: holds(user, QUEUE_OBSERVATION_VIEW),
    }).then((found) => add(...found));
    await Promise.all([crm, login, notifications, playback, supervisor]);
    return finish();
  } finally {
    stopWatching();
  }

  function finish(): SetupRun {
    add(policyCheck(hosts, { csp: browser.csp, pageUrl: browser.pageUrl, violations }));
    return { checks, requests, startedAt, finishedAt: deps.scheduler.now() };
  }
}

function permissionAndScopeChecks(
  me: SetupAuthorization,
  token: SetupTokenInfo,
  deps: Pick<SetupDeps, 'flowId'>,
): CheckResult[] {
  return [...permissionChecks(me, { flowConfigured: Boolean(deps.flowId) }), ...scopeChecks(token)];
}

/** Without the API the notifications round trip cannot start: it says so. */
function notificationsUnchecked(): CheckResult {
  return {
    id: 'notifications',
    features: ['agentPanel', 'callData', 'supervisor'],
    status: 'notChecked',
    title: text('setup.notifications.title'),
    detail: text('setup.notChecked.api'),
  };
}

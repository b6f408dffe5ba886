import type { PlatformTarget } from '../../../config/target';
import type { Scheduler } from '../../../time/scheduler';
import { text, type CheckResult } from '../model';
import { cspAllows, type Csp } from './csp';
import { errorText } from './error-text';

/** Where the widget's target lives: the API, login and notification hosts (contract §1.1). */
export interface TargetHosts {
  /** `mypurecloud.ie`, or `emulator` for the bundled emulator. */
  environment: string;
  api: string;
  login: string;
  streaming: string;
  /** An address on the login host to ask (any answer will do). */
  loginProbe: string;
}

export function targetHosts(target: PlatformTarget): TargetHosts {
  if (target.kind === 'emulator') {
    const origin = new URL(target.url).origin;
    return {
      environment: 'emulator',
      api: origin,
      login: origin,
      streaming: origin.replace(/^http/, 'ws'),
      loginProbe: `${origin}/login/`,
    };
  }
  const env = target.environment;
  return {
    environment: env,
    api: `https://api.${env}`,
    login: `https://login.${env}`,
    streaming: `wss://streaming.${env}`,
    loginProbe: `https://login.${env}/`,
  };
}

const GENESYS = ['agentPanel', 'callData', 'playback', 'supervisor'] as const;

/** The API host answered `users/me`, or why it did not. */
export function apiCheck(hosts: TargetHosts, failure?: unknown): CheckResult {
  const base = {
    id: 'hosts.api',
    features: GENESYS,
    title: text('setup.api.title', { environment: hosts.environment }),
    facts: { environment: hosts.environment, apiHost: hosts.api },
  };
  if (failure === undefined)
    return { ...base, status: 'works', detail: text('setup.api.works', { host: hosts.api }) };
  return {
    ...base,
    status: 'willNotWork',
    detail: text('setup.api.failed', { host: hosts.api, error: errorText(failure) }),
    fix: text('setup.api.fix', { host: hosts.api }),
  };
}

/**
 * Asks the login host from this browser (an opaque, credential-less request: any answer means
 * the browser reached it, and the page's policy let it; a refusal or no answer means neither).
 */
export async function loginCheck(
  hosts: TargetHosts,
  deps: { fetch: typeof fetch; scheduler: Scheduler; timeoutMs?: number },
): Promise<CheckResult> {
  const base = {
    id: 'hosts.login',
    features: ['agentPanel'] as const,
    title: text('setup.login.title'),
    facts: { loginHost: hosts.login },
  };
  const controller = new AbortController();
  const cancel = deps.scheduler.after(deps.timeoutMs ?? 10_000, () => controller.abort());
  try {
    await deps.fetch(hosts.loginProbe, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    return { ...base, status: 'works', detail: text('setup.login.works', { host: hosts.login }) };
  } catch {
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.login.failed', { host: hosts.login }),
      fix: text('setup.login.fix', { host: hosts.login }),
    };
  } finally {
    cancel();
  }
}

/**
 * The page's own policy against the target's hosts (`connect-src`): what the build carries in
 * its `<meta>`. A page without one (the development server) cannot be read: "not checked",
 * which leaves the verdict to the requests themselves. Violations the browser reported while the
 * checks ran count too (a header policy the page cannot read shows up there).
 */
export function policyCheck(
  hosts: TargetHosts,
  policy: { csp?: Csp; pageUrl: string; violations: readonly string[] },
): CheckResult {
  const base = {
    id: 'hosts.policy',
    features: GENESYS,
    title: text('setup.policy.title'),
  };
  const wanted = [hosts.api, hosts.login, hosts.streaming];
  const blocked = policy.csp
    ? wanted.filter((host) => !cspAllows(policy.csp!, 'connect-src', host, policy.pageUrl))
    : [];
  const violated = [...new Set(policy.violations)];
  if (blocked.length > 0 || violated.length > 0)
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.policy.blocked', { hosts: [...blocked, ...violated].join(', ') }),
      fix: text('setup.policy.fix', { environment: hosts.environment }),
      facts: { blocked: [...blocked, ...violated].join(' ') },
    };
  if (!policy.csp)
    return { ...base, status: 'notChecked', optional: true, detail: text('setup.policy.none') };
  return {
    ...base,
    status: 'works',
    detail: text('setup.policy.works', { hosts: wanted.join(', ') }),
  };
}

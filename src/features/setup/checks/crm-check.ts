import type { Scheduler } from '../../../time/scheduler';
import { text, type CheckResult } from '../model';
import { cspAllows, type Csp } from './csp';

const FEATURES = ['crm'] as const;

/**
 * The test lookup names a conversation that cannot exist (the nil UUID), so no CRM record is
 * read for a real call and no call is touched; a CRM that checks the token first (401) and the
 * conversation next (404, or 403: the agent is not on it) answers it without data
 * (deploy/crm-backend.md).
 */
export const TEST_LOOKUP = {
  conversationId: '00000000-0000-0000-0000-000000000000',
  participantId: '00000000-0000-0000-0000-000000000000',
  attributes: {},
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The bearer goes only to the CRM's https origin (or plain http on this machine). */
function bearerHeader(url: URL, accessToken: string | undefined): Record<string, string> {
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return accessToken && secure ? { authorization: `Bearer ${accessToken}` } : {};
}

export interface CrmDeps {
  fetch: typeof fetch;
  scheduler: Scheduler;
  /** The agent's Genesys Cloud access token, sent as the CRM's bearer. */
  accessToken(): Promise<string | undefined>;
  csp?: Csp;
  pageUrl: string;
  timeoutMs?: number;
}

/**
 * The CRM lookup endpoint (`VITE_CRM_URL`): configured, allowed by the page's `connect-src`,
 * and answering an authenticated test request from this browser (CORS included). Only its
 * origin is reported: the address may carry a key.
 */
export async function crmChecks(crmUrl: string | undefined, deps: CrmDeps): Promise<CheckResult[]> {
  const configuredBase = {
    id: 'crm.configured',
    features: FEATURES,
    title: text('setup.crm.title'),
  };
  if (!crmUrl)
    return [
      {
        ...configuredBase,
        status: 'notChecked',
        detail: text('setup.crm.none'),
        fix: text('setup.crm.noneFix'),
        facts: { configured: false },
      },
    ];
  let url: URL;
  try {
    url = new URL(crmUrl);
  } catch {
    return [{ ...configuredBase, status: 'willNotWork', detail: text('setup.crm.invalid') }];
  }
  const origin = url.origin;
  const configured: CheckResult = {
    ...configuredBase,
    status: 'works',
    detail: text('setup.crm.configured', { origin }),
    facts: { configured: true, crmOrigin: origin },
  };
  const requestBase = {
    id: 'crm.request',
    features: FEATURES,
    title: text('setup.crm.requestTitle'),
  };
  if (deps.csp && !cspAllows(deps.csp, 'connect-src', crmUrl, deps.pageUrl))
    return [
      configured,
      {
        ...requestBase,
        status: 'willNotWork',
        detail: text('setup.crm.policy', { origin }),
        fix: text('setup.crm.policyFix', { origin }),
      },
    ];
  return [configured, { ...requestBase, ...(await testRequest(url, deps)) }];
}

async function testRequest(
  url: URL,
  deps: CrmDeps,
): Promise<Pick<CheckResult, 'status' | 'detail' | 'fix' | 'facts'>> {
  const controller = new AbortController();
  const timeoutMs = deps.timeoutMs ?? 10_000;
  let timedOut = false;
  const cancel = deps.scheduler.after(timeoutMs, () => {
    timedOut = true;
    controller.abort();
  });
  try {
    const response = await deps.fetch(url.href, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...bearerHeader(url, await deps.accessToken()),
      },
      body: JSON.stringify(TEST_LOOKUP),
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const status = response.status;
    const facts = { status };
    if (status === 401)
      return {
        status: 'willNotWork',
        detail: text('setup.crm.unauthorized'),
        fix: text('setup.crm.unauthorizedFix'),
        facts,
      };
    if (status >= 500 || status === 429)
      return { status: 'willNotWork', detail: text('setup.crm.failedStatus', { status }), facts };
    return { status: 'works', detail: text('setup.crm.answered', { status }), facts };
  } catch {
    return timedOut
      ? {
          status: 'willNotWork',
          detail: text('setup.crm.timeout', { seconds: Math.round(timeoutMs / 1000) }),
        }
      : {
          status: 'willNotWork',
          detail: text('setup.crm.unreachable', { origin: url.origin }),
          fix: text('setup.crm.unreachableFix', { origin: url.origin }),
        };
  } finally {
    cancel();
  }
}

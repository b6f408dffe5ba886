import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../platform/errors';
import type { SetupReads } from '../../platform/setup-reads';
import { FakeSocket } from '../../testing/fake-socket';
import { createScheduler } from '../../time/scheduler';
import type { ProbeAudio } from './checks/playback-checks';
import { runSetupChecks, type BrowserEnv, type SetupDeps } from './run-checks';

/**
 * How the run is put together, with scripted stand-ins for the browser and the platform (each
 * check meets the real emulator in the contract and e2e tests): what is asked, and what is not.
 */
const EMULATOR = 'http://127.0.0.1:8787';
const SAM = 'b0a1ce00-0000-4000-8000-000000005a11';

function recordingReads(permissions: string[], failing: Partial<Record<keyof SetupReads, Error>>) {
  const asked: string[] = [];
  const answer =
    <T>(name: keyof SetupReads, value: T) =>
    async () => {
      asked.push(name);
      const error = failing[name];
      if (error) throw error;
      return value;
    };
  const reads: SetupReads = {
    authorization: answer('authorization', { userId: SAM, permissions }),
    tokenInfo: answer('tokenInfo', { scopes: ['conversations', 'notifications', 'users'] }),
    flows: answer('flows', [
      { id: 'f', name: 'Play Prompt', type: 'SECURECALL', deleted: false, published: true },
    ]),
    prompts: answer('prompts', { prompts: [], pageNumber: 1, pageCount: 1, total: 0 }),
    queues: answer('queues', { queueIds: ['q1'], total: 1 }),
    observeQueue: answer('observeQueue', 1),
    queueActivity: answer('queueActivity', 0),
  };
  return { reads, asked };
}

function browser(): BrowserEnv & { violate(origin: string): void } {
  let report: (origin: string) => void = () => undefined;
  return {
    pageUrl: 'http://127.0.0.1:5173/?view=setup',
    frame: {
      framed: false,
      referrer: '',
      ownOrigin: 'http://127.0.0.1:5173',
      storageWorks: true,
      policyAllows: () => true,
    },
    fetch: vi.fn(async () => new Response('{}', { status: 404 })) as unknown as typeof fetch,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      queueMicrotask(() => {
        socket.open();
        queueMicrotask(() =>
          socket.receive({
            topicName: 'channel.metadata',
            eventBody: { message: 'WebSocket Heartbeat' },
          }),
        );
      });
      return socket;
    },
    newAudio: () => ({}) as ProbeAudio,
    micPermission: async () => 'granted',
    onViolation: (listener) => {
      report = listener;
      return () => (report = () => undefined);
    },
    violate: (origin) => report(origin),
  };
}

function deps(reads: SetupReads, env: BrowserEnv): SetupDeps {
  return {
    platform: {
      target: { kind: 'emulator', url: EMULATOR },
      setup: async () => reads,
      accessToken: async () => 'token-1',
      createChannel: async () => ({
        id: 'c1',
        connectUri: 'ws://127.0.0.1:8787/channels/c1',
        expiresAt: 0,
      }),
      replaceSubscriptions: async (_id, topics) => ({ permitted: [...topics], rejected: [] }),
      deleteSubscriptions: async () => undefined,
    },
    scheduler: createScheduler(),
    browser: env,
    launch: { problems: [] },
    crmUrl: `${EMULATOR}/__emulator/crm/lookup`,
  };
}

beforeEach(() => FakeSocket.reset());
afterEach(() => vi.restoreAllMocks());

const statusOf = (checks: { id: string; status: string }[], id: string) =>
  checks.find((c) => c.id === id)?.status;

describe('a setup run', () => {
  it('asks nothing a missing permission guards, and says so instead', async () => {
    const { reads, asked } = recordingReads(['conversation:call:record'], {});
    const run = await runSetupChecks(deps(reads, browser()));
    expect(asked.sort()).toEqual(['authorization', 'tokenInfo']);
    for (const id of [
      'playback.flow',
      'playback.prompts',
      'supervisor.queues',
      'supervisor.activity',
    ])
      expect(statusOf(run.checks, id), id).toBe('notChecked');
    // Two reads and the channel's three requests; the CRM and the login host are not Genesys API.
    expect(run.requests).toBe(5);
  });

  it('lets a failing request fail only its own check, and always finishes', async () => {
    const { reads } = recordingReads(
      ['routing:queue:view', 'analytics:queueObservation:view', 'architect:flow:view'],
      { queues: new PlatformError('server', 'boom', { status: 503 }) },
    );
    const run = await runSetupChecks(deps(reads, browser()));
    expect(statusOf(run.checks, 'supervisor.queues')).toBe('willNotWork');
    expect(statusOf(run.checks, 'supervisor.observation')).toBe('notChecked');
    expect(statusOf(run.checks, 'playback.flow')).toBe('works');
    expect(statusOf(run.checks, 'notifications')).toBe('works');
    expect(statusOf(run.checks, 'hosts.api')).toBe('works');
  });

  it('without the API, says why the Genesys checks could not run', async () => {
    const { reads, asked } = recordingReads([], {
      authorization: new PlatformError('network', 'offline', { status: 0 }),
    });
    const run = await runSetupChecks(deps(reads, browser()));
    expect(run.checks.find((c) => c.id === 'hosts.api')).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.api.failed', values: { error: 'network' } },
    });
    expect(statusOf(run.checks, 'notifications')).toBe('notChecked');
    expect(asked.sort()).toEqual(['authorization', 'tokenInfo']);
    expect(FakeSocket.all).toEqual([]);
  });

  it('counts a request the browser’s policy blocked against the page’s policy', async () => {
    const { reads } = recordingReads([], {});
    const env = browser();
    const started = runSetupChecks(deps(reads, env));
    env.violate(EMULATOR);
    env.violate('https://elsewhere.example');
    const run = await started;
    expect(run.checks.find((c) => c.id === 'hosts.policy')).toMatchObject({
      status: 'willNotWork',
      detail: { values: { hosts: EMULATOR } },
    });
  });
});

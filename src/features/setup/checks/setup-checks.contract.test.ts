import { beforeEach, describe, expect, inject, it } from 'vitest';
import { control, signInOverHttp, TEST_CLIENT_ID } from '../../../testing/emulator-http';
import { createPlatform, type Platform } from '../../../platform/platform';
import { RequestBudget } from '../../../platform/request-budget';
import type { SetupReads } from '../../../platform/setup-reads';
import { createScheduler } from '../../../time/scheduler';
import { crmChecks } from './crm-check';
import { flowCheck, mediaCheck, promptsCheck, type ProbeAudio } from './playback-checks';
import { supervisorChecks } from './supervisor-checks';

/**
 * The playback, supervisor and CRM checks with the widget's real reads against the emulator
 * (the browser's audio element is the one stand-in: Node has none).
 */
const url = inject('emulatorUrl');
const SAM = 'sam@example.com';
const FLOW_ID = 'f10e0000-0000-4000-8000-000000000001';
const scheduler = createScheduler();

let reads: SetupReads;
let platform: Platform;
beforeEach(async () => {
  await control(url, 'POST', '/reset');
  platform = createPlatform(
    {
      target: { kind: 'emulator', url },
      clientId: TEST_CLIENT_ID,
      redirectUri: 'http://127.0.0.1:5999/callback',
      popup: false,
    },
    new RequestBudget(),
  );
  platform.adoptToken(await signInOverHttp(url, SAM));
  reads = await platform.setup();
});

/** An audio element that loads what it is given (Node has no media stack). */
const audio = (): ProbeAudio => {
  const element: ProbeAudio = {
    preload: '',
    duration: 2,
    onloadedmetadata: null,
    onerror: null,
    removeAttribute: () => undefined,
    load: () => undefined,
    set src(value: string) {
      if (value) queueMicrotask(() => element.onloadedmetadata?.(new Event('loadedmetadata')));
    },
    get src() {
      return '';
    },
  };
  return element;
};

describe('playback checks against the emulator', () => {
  it('find the Play Prompt flow by name and by id, prompts with audio, and one prompt’s audio', async () => {
    expect(await flowCheck(reads, { canViewFlows: true })).toMatchObject({
      status: 'works',
      detail: { values: { how: 'name' } },
    });
    expect(await flowCheck(reads, { canViewFlows: true, flowId: FLOW_ID })).toMatchObject({
      status: 'works',
      detail: { values: { how: 'id' } },
    });
    const prompts = await promptsCheck(reads, { canViewPrompts: true });
    expect(prompts.check.status).toBe('works');
    const media = await mediaCheck(prompts.page, {
      fetch,
      newAudio: audio,
      scheduler,
      pageUrl: 'http://127.0.0.1:5173/',
    });
    expect(media).toMatchObject({
      status: 'works',
      facts: { mediaHost: new URL(url).origin, cors: 'readable', plays: true },
    });
  });

  it('say a flow id that is not a secure call flow, or unknown, will not work', async () => {
    expect(
      await flowCheck(reads, {
        canViewFlows: true,
        flowId: 'f10e0000-0000-4000-8000-000000000002',
      }),
    ).toMatchObject({ status: 'willNotWork', detail: { id: 'setup.flow.notSecure' } });
    expect(
      await flowCheck(reads, {
        canViewFlows: true,
        flowId: 'f10e0000-0000-4000-8000-0000000000ff',
      }),
    ).toMatchObject({ status: 'willNotWork', detail: { id: 'setup.flow.idNotFound' } });
  });

  it('send nothing and say what they need when the user lacks the permission', async () => {
    await control(url, 'POST', `/users/${SAM}/permissions`, {
      revoke: ['architect:flow:view', 'architect:userPrompt:view'],
    });
    expect(await flowCheck(reads, { canViewFlows: false })).toMatchObject({
      status: 'notChecked',
      needs: ['architect:flow:view'],
    });
    expect(await flowCheck(reads, { canViewFlows: false, flowId: FLOW_ID })).toMatchObject({
      status: 'notChecked',
      optional: true,
    });
    const prompts = await promptsCheck(reads, { canViewPrompts: false });
    expect(prompts.check).toMatchObject({
      status: 'notChecked',
      needs: ['architect:userPrompt:view'],
    });
    // Had it asked, the emulator would have refused: the check reports that as its own failure.
    expect((await promptsCheck(reads, { canViewPrompts: true })).check).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.prompts.failed', values: { error: '403 missing.any.permissions' } },
    });
  });
});

describe('supervisor checks against the emulator', () => {
  it('see the queues and get an answer from both queries for one of them', async () => {
    const checks = await supervisorChecks(reads, { viewQueues: true, observe: true });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['supervisor.queues', 'works'],
      ['supervisor.observation', 'works'],
      ['supervisor.activity', 'works'],
    ]);
    expect(checks[0]?.detail).toEqual({ id: 'setup.queues.works', values: { count: 2 } });
  });

  it('say what each query needs when the user lacks it', async () => {
    const checks = await supervisorChecks(reads, { viewQueues: false, observe: true });
    expect(checks.map((c) => [c.id, c.status, c.needs])).toEqual([
      ['supervisor.queues', 'notChecked', ['routing:queue:view']],
      ['supervisor.observation', 'notChecked', ['routing:queue:view']],
      ['supervisor.activity', 'notChecked', ['routing:queue:view']],
    ]);
    const noAnalytics = await supervisorChecks(reads, { viewQueues: true, observe: false });
    expect(noAnalytics.map((c) => c.status)).toEqual(['works', 'notChecked', 'notChecked']);
  });
});

describe('the CRM check against the emulator’s sample CRM', () => {
  it('gets an answer to its test lookup, and a failing CRM will not work', async () => {
    const crmUrl = `${url}/__emulator/crm/lookup`;
    const crm = () =>
      crmChecks(crmUrl, {
        fetch,
        scheduler,
        accessToken: () => platform.accessToken(),
        pageUrl: 'http://127.0.0.1:5173/',
      });
    expect((await crm())[1]).toMatchObject({ status: 'works', facts: { status: 404 } });
    await control(url, 'POST', '/crm', { status: 503 });
    expect((await crm())[1]).toMatchObject({ status: 'willNotWork', facts: { status: 503 } });
  });
});

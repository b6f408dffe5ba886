import { readFile } from 'node:fs/promises';
import type { Download, FrameLocator, Locator, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { expect, expectNoAxeViolations, SAM, submitLogin, test, trackApi } from './fixtures';

/**
 * The setup check (`?view=setup`, issue 20 points 1 and 2) against the emulator: a healthy org
 * framed by the emulator's desktop, the same org with each permission taken away, and a frame
 * without `allow="microphone"`. The report downloads are read back for tokens, names and numbers.
 */
test.describe.configure({ timeout: 60_000 });

type Scope = Page | FrameLocator;

const FEATURES = [
  'Agent panel',
  'Call data',
  'CRM lookup',
  'Playback',
  'Supervisor view',
  'Embedding in Genesys Cloud',
];

const feature = (scope: Scope, name: string) => scope.getByRole('region', { name, exact: true });
const check = (region: Locator, id: string) => region.locator(`[data-check-id="${id}"]`);

/** Clicks Run (or Run again) and waits until the run has finished. */
async function runChecks(scope: Scope) {
  await scope.getByRole('button', { name: /^Run the checks/ }).click();
  await expect(scope.getByRole('status').filter({ hasText: /^Checked at/ })).toBeVisible({
    timeout: 20_000,
  });
}

/** The access tokens the page sent to the API (from the requests' Authorization headers). */
function recordTokens(page: Page): Set<string> {
  const tokens = new Set<string>();
  page.on('request', (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers().authorization ?? '');
    if (match?.[1]) tokens.add(match[1]);
  });
  return tokens;
}

/** The channel ids the page created (`POST /api/v2/notifications/channels`), in order. */
function recordChannels(page: Page): string[] {
  const ids: string[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v2/notifications/channels'))
      return;
    const body = (await response.json().catch(() => ({}))) as { id?: string };
    if (body.id) ids.push(body.id);
  });
  return ids;
}

async function downloaded(scope: Scope, page: Page, button: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: button }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

/** No token, no name or e-mail of anyone seeded, nothing shaped like a phone number. */
function expectNothingPersonal(text: string, tokens: Set<string>) {
  expect(tokens.size).toBeGreaterThan(0);
  for (const token of tokens) expect(text).not.toContain(token);
  for (const personal of ['Sam Supervisor', 'Sam', 'sam@example.com', 'Alice', 'Casey Caller'])
    expect(text).not.toContain(personal);
  expect(text).not.toMatch(/\+\d{6,}|tel:|sip:|\b\d{7,}\b|[\w.-]+@[\w-]+\.\w+/);
}

/** The emulator's desktop host page with the setup view framed for Sam's call. */
async function setupInDesktop(page: Page, widgetUrl: string, control: EmulatorControl) {
  const { conversationId } = await control.createCall({
    agentEmail: SAM.email,
    customerName: 'Casey Caller',
  });
  await page.goto(control.desktopUrl(`${widgetUrl}?view=setup`, SAM.email));
  const frame = page.frameLocator(`iframe[data-conversation-id="${conversationId}"]`);
  await signInFramed(page, frame);
  return frame;
}

/** Framed, the panel signs in through a popup opened from the click. */
async function signInFramed(page: Page, frame: FrameLocator) {
  const popup = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(await popup, SAM.email);
  await expect(frame.getByRole('button', { name: 'Run the checks' })).toBeVisible();
}

test('a healthy org framed by the desktop: every feature works, read-only, and the report holds nothing personal', async ({
  page,
  widgetUrl,
  control,
}) => {
  const tokens = recordTokens(page);
  const channels = recordChannels(page);
  const frame = await setupInDesktop(page, widgetUrl, control);
  const before = await control.state();
  const api = trackApi(page);
  const sentBefore = api.requests.length;
  await runChecks(frame);

  for (const name of FEATURES) {
    await expect(feature(frame, name)).toHaveAttribute('data-status', 'works');
    await expect(feature(frame, name)).toContainText('Works');
  }
  const embedding = feature(frame, 'Embedding in Genesys Cloud');
  await expect(check(embedding, 'agentPanel.meter')).toHaveAttribute('data-status', 'works');
  await expect(check(embedding, 'embedding.handshake')).toContainText(
    'The desktop sent the bootstrap lifecycle hook',
  );
  await expect(check(feature(frame, 'CRM lookup'), 'crm.request')).toContainText('answered 404');
  await expect(check(feature(frame, 'Agent panel'), 'notifications')).toContainText(
    'a heartbeat arrived',
  );

  // Read-only: no conversation request at all; the only writes are the check's own channel.
  const sent = api.requests.slice(sentBefore);
  expect(sent.filter((r) => r.path.startsWith('/api/v2/conversations'))).toEqual([]);
  const writes = sent
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path.replace(/channels\/[^/]+/, 'channels/{id}')}`);
  expect([...new Set(writes)].sort()).toEqual([
    'DELETE /api/v2/notifications/channels/{id}/subscriptions',
    'POST /api/v2/analytics/conversations/activity/query',
    'POST /api/v2/analytics/queues/observations/query',
    'POST /api/v2/notifications/channels',
    'PUT /api/v2/notifications/channels/{id}/subscriptions',
  ]);
  await expect(frame.getByRole('status').filter({ hasText: /^Checked at/ })).toContainText(
    `${sent.length} requests to Genesys Cloud`,
  );
  // The check's channel was released: no topic, no socket. The call was not touched.
  const after = await control.state();
  const probe = after.channels.find((c) => c.id === channels.at(-1));
  expect(probe).toMatchObject({ topics: [], connected: false });
  expect(after.conversations).toEqual(before.conversations);

  const json = await downloaded(frame, page, 'Download report (JSON)');
  const report = JSON.parse(json) as {
    features: { feature: string; status: string }[];
    checks: { id: string }[];
  };
  expect(report.features.map((f) => f.status)).toEqual(FEATURES.map(() => 'works'));
  expect(report.checks.map((c) => c.id)).toContain('notifications');
  expectNothingPersonal(json, tokens);
  const summary = await downloaded(frame, page, 'Download summary (text)');
  expect(summary).toContain('Supervisor view: Works');
  expectNothingPersonal(summary, tokens);
});

/** Each permission a feature needs, taken away from Sam: the feature, the permission, and the
 * checks that then could not run. */
const TAKEN = [
  {
    revoke: ['architect:userPrompt:view'],
    feature: 'Playback',
    checkId: 'permission.prompts',
    notChecked: ['playback.prompts'],
  },
  {
    revoke: ['architect:flow:view'],
    feature: 'Playback',
    checkId: 'permission.flowLookup',
    notChecked: ['playback.flow'],
  },
  {
    revoke: ['analytics:queueObservation:view'],
    feature: 'Supervisor view',
    checkId: 'permission.queueObservation',
    notChecked: ['supervisor.observation', 'supervisor.activity'],
  },
  {
    revoke: ['conversation:communication:view'],
    feature: 'Supervisor view',
    checkId: 'permission.communicationView',
    notChecked: [],
  },
  {
    revoke: ['routing:queue:view'],
    feature: 'Supervisor view',
    checkId: 'permission.queueView',
    notChecked: ['supervisor.queues', 'supervisor.observation', 'supervisor.activity'],
  },
  {
    revoke: [
      'conversation:participant:wrapup',
      'conversation:call:record',
      'conversation:communication:disconnect',
    ],
    feature: 'Agent panel',
    checkId: 'permission.mute',
    notChecked: [],
  },
];

test('with each permission taken away it names the feature and the permission, and never fails the page', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.goto(`${widgetUrl}?view=setup`, { waitUntil: 'commit' });
  await submitLogin(page, SAM.email);
  await runChecks(page);
  await expectNoAxeViolations(page);
  for (const taken of TAKEN) {
    await control.userPermissions(SAM.email, { revoke: taken.revoke });
    await runChecks(page);
    const region = feature(page, taken.feature);
    await expect(region, taken.revoke.join()).toHaveAttribute('data-status', 'willNotWork');
    const line = check(region, taken.checkId);
    await expect(line).toHaveAttribute('data-status', 'willNotWork');
    for (const permission of taken.revoke) await expect(line).toContainText(permission);
    await expect(line).toContainText('Will not work');
    for (const id of taken.notChecked) {
      await expect(check(region, id)).toHaveAttribute('data-status', 'notChecked');
      await expect(check(region, id)).toContainText(/Not checked \(needs .*/);
    }
    // Only that feature suffers: the others still work (embedding is not checked unframed).
    const others = FEATURES.filter(
      (f) => f !== taken.feature && f !== 'Embedding in Genesys Cloud',
    );
    for (const name of others)
      await expect(feature(page, name), `${taken.revoke.join()} ${name}`).toHaveAttribute(
        'data-status',
        'works',
      );
    await control.userPermissions(SAM.email, { restore: taken.revoke });
  }

  // An optional part: without Monitor the view still works, with one part that will not.
  await control.userPermissions(SAM.email, { revoke: ['conversation:call:monitor'] });
  await runChecks(page);
  const supervisor = feature(page, 'Supervisor view');
  await expect(supervisor).toHaveAttribute('data-status', 'works');
  await expect(supervisor).toContainText('1 part will not work');
  await expect(check(supervisor, 'permission.monitor')).toContainText('conversation:call:monitor');
  await expect(feature(page, 'Embedding in Genesys Cloud')).toHaveAttribute(
    'data-status',
    'notChecked',
  );

  // A CRM that does not take the agent's sign-in.
  await control.crm({ status: 401 });
  await runChecks(page);
  const crm = feature(page, 'CRM lookup');
  await expect(crm).toHaveAttribute('data-status', 'willNotWork');
  await expect(check(crm, 'crm.request')).toContainText(
    'it answered 401, so it did not accept your Genesys Cloud sign-in',
  );
});

test('framed without allow="microphone": the talking-while-muted meter will not work, and why', async ({
  page,
  widgetUrl,
  control,
}) => {
  // The emulator's desktop host page frames the panel as the desktop does, but with the
  // integration's permissions lacking `microphone`.
  await page.goto(control.desktopUrl(widgetUrl, SAM.email));
  const src = new URL(widgetUrl);
  src.search = new URLSearchParams({
    view: 'setup',
    gcHostOrigin: control.baseUrl,
    gcTargetEnv: 'prod',
    gcUsePopupAuth: 'true',
  }).toString();
  await page.evaluate((url) => {
    const iframe = document.createElement('iframe');
    iframe.title = 'Live Call Panel setup';
    iframe.setAttribute(
      'sandbox',
      'allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads',
    );
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.width = '420';
    iframe.height = '900';
    iframe.src = url;
    document.body.append(iframe);
  }, src.href);
  const frame = page.frameLocator('iframe[title="Live Call Panel setup"]');
  await signInFramed(page, frame);
  await runChecks(frame);

  const meter = check(feature(frame, 'Embedding in Genesys Cloud'), 'agentPanel.meter');
  await expect(meter).toHaveAttribute('data-status', 'willNotWork');
  await expect(meter).toContainText(
    'The talking-while-muted meter will not work: the integration’s iframe does not allow the microphone',
  );
  await expect(meter).toContainText('Add microphone to the integration’s iframe permissions');
  const agentPanel = feature(frame, 'Agent panel');
  await expect(check(agentPanel, 'agentPanel.meter')).toHaveAttribute('data-status', 'willNotWork');
  await expect(agentPanel).toHaveAttribute('data-status', 'works');
  await expect(agentPanel).toContainText('1 part will not work');
  await expect(
    check(feature(frame, 'Embedding in Genesys Cloud'), 'embedding.clipboard'),
  ).toHaveAttribute('data-status', 'works');
});

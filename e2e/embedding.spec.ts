import type { FrameLocator, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, expect, PATCH_PARTICIPANT, test } from './fixtures';

/* Issue 12: interaction widgets inside the emulator's Genesys Cloud desktop host page. */

const widgetFrame = (page: Page, caller: string): FrameLocator =>
  page.frameLocator(`iframe[title="Interaction widget for ${caller}"]`);

const live = (frame: FrameLocator) => frame.getByRole('status', { name: /Connection: Live/ });

/** Signs the first widget in through its popup; the others take the same sign-in. */
async function signInFirst(page: Page, frame: FrameLocator) {
  const popup = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Sign in', exact: true }).click();
  const login = await popup;
  await login.getByLabel('Email').fill(ALICE.email);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(live(frame)).toBeVisible();
}

async function callsFor(control: EmulatorControl, count: number) {
  const calls = [];
  for (let i = 1; i <= count; i += 1)
    calls.push(await control.createCall({ agentEmail: ALICE.email, customerName: `Caller ${i}` }));
  return calls;
}

const aliceChannels = async (control: EmulatorControl) => {
  const state = await control.state();
  const alice = state.users.find((u) => u.email === ALICE.email)!;
  return state.channels.filter((c) => c.userId === alice.id);
};

test('one widget per call, each showing its own call; one sign-in serves them all', async ({
  page,
  widgetUrl,
  control,
}) => {
  await callsFor(control, 2);
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const first = widgetFrame(page, 'Caller 1');
  const second = widgetFrame(page, 'Caller 2');
  await signInFirst(page, first);
  await expect(live(second)).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Caller 1', level: 2 })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Caller 2', level: 2 })).toBeVisible();
  await expect(first.getByRole('navigation', { name: 'Your calls' })).toHaveCount(0);
  expect((await control.state()).tokens).toBe(1);
});

test('errors reach the desktop as sticky toasts, with an attention count; bootstrapped is answered', async ({
  page,
  widgetUrl,
  control,
}) => {
  const [call] = await callsFor(control, 1);
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frame = widgetFrame(page, 'Caller 1');
  await signInFirst(page, frame);
  await control.faults({
    failNext: {
      method: 'PATCH',
      path: PATCH_PARTICIPANT,
      status: 403,
      code: 'missing.any.permissions',
    },
  });
  await frame.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(frame.getByRole('alert').filter({ hasText: 'Couldn’t mute' })).toBeVisible();
  const desktop = () =>
    page.evaluate(() => {
      const d = (window as unknown as { __desktop: Record<string, unknown> }).__desktop;
      return JSON.parse(JSON.stringify(d)) as {
        toasts: { type: string; sticky: boolean; message: string; problems: string[] }[];
        attention: Record<string, number>;
        lifecycle: { kind?: string; hook?: string; action?: string }[];
      };
    });
  await expect.poll(async () => (await desktop()).toasts.length).toBe(1);
  const { toasts, attention, lifecycle } = await desktop();
  expect(toasts[0]).toMatchObject({ type: 'error', sticky: true, problems: [] });
  expect(toasts[0]!.message).toContain('Couldn’t mute: your Genesys Cloud role doesn’t allow it.');
  expect(attention[call!.conversationId]).toBe(1);
  expect(JSON.stringify(lifecycle)).toContain('bootstrapped');
  await frame.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(async () => (await desktop()).attention[call!.conversationId]).toBe(0);
});

test('three widgets share one channel; closing the leader hands it over and the rest keep updating', async ({
  page,
  widgetUrl,
  control,
}) => {
  const calls = await callsFor(control, 3);
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frames = calls.map((_, i) => widgetFrame(page, `Caller ${i + 1}`));
  await signInFirst(page, frames[0]!);
  for (const frame of frames) await expect(live(frame)).toBeVisible();
  await expect.poll(async () => (await aliceChannels(control)).length).toBe(1);
  const [channel] = await aliceChannels(control);
  expect(channel!.topics).toEqual([expect.stringMatching(/^v2\.users\..+\.conversations\.calls$/)]);

  // The first widget signed in first and leads; close it the way the desktop does (stop hook).
  await page.getByRole('button', { name: 'Close widget: Caller 1', exact: true }).click();
  await expect(page.locator('iframe[title="Interaction widget for Caller 1"]')).toHaveCount(0);
  await control.setParticipant(calls[1]!.conversationId, calls[1]!.agentParticipantId!, {
    muted: true,
    actor: 'genesys-ui',
  });
  await control.setParticipant(calls[2]!.conversationId, calls[2]!.agentParticipantId!, {
    held: true,
    actor: 'genesys-ui',
  });
  await expect(frames[1]!.getByTestId('mute-status')).toHaveText(/^Muted outside this panel/);
  await expect(frames[2]!.getByTestId('hold-status')).toHaveText(/^Put on hold outside this panel/);
  const after = await aliceChannels(control);
  expect(after.filter((c) => c.connected)).toHaveLength(1);
  expect(after).toHaveLength(1);
});

test('a mute clicked in one widget reads "by you" in another showing the same call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const [call] = await callsFor(control, 1);
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frame = widgetFrame(page, 'Caller 1');
  await signInFirst(page, frame);
  // The same call open in a standalone tab of the same browser.
  const tab = await page.context().newPage();
  await tab.goto(`${widgetUrl}?gcConversationId=${call!.conversationId}`);
  await expect(tab.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  // The tab has read the call (it took the widget's sign-in: no login page).
  await expect(tab.getByTestId('mute-status')).toHaveText('Not muted');
  await frame.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(frame.getByTestId('mute-status')).toHaveText('Muted by you');
  await expect(tab.getByTestId('mute-status')).toHaveText('Muted by you');
});

test('ten widgets: still one channel; the last one to stop releases it', async ({
  page,
  widgetUrl,
  control,
}) => {
  await callsFor(control, 10);
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  await signInFirst(page, widgetFrame(page, 'Caller 1'));
  for (let i = 1; i <= 10; i += 1)
    await expect(live(widgetFrame(page, `Caller ${i}`))).toBeVisible();
  expect(await aliceChannels(control)).toHaveLength(1);
  for (let i = 1; i <= 10; i += 1)
    await page.getByRole('button', { name: `Close widget: Caller ${i}`, exact: true }).click();
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect.poll(async () => (await aliceChannels(control))[0]?.topics ?? []).toEqual([]);
  expect(await aliceChannels(control)).toHaveLength(1);
});

test('two widgets signing in through popups at the same time both succeed', async ({
  page,
  widgetUrl,
  control,
}) => {
  await callsFor(control, 2);
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frames = [widgetFrame(page, 'Caller 1'), widgetFrame(page, 'Caller 2')];
  const popups: Page[] = [];
  page.on('popup', (popup) => popups.push(popup));
  // One click after the other (the page has one mouse; clicks sent at once can interleave their
  // mouse-down and mouse-up and cancel each other), then both windows are open together.
  for (const frame of frames)
    await frame.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => popups.length).toBe(2);
  for (const popup of popups) {
    await popup.getByLabel('Email').fill(ALICE.email);
    await popup.getByRole('button', { name: 'Sign in' }).click();
  }
  for (const frame of frames) await expect(live(frame)).toBeVisible();
  for (const frame of frames) await expect(frame.getByRole('alert')).toHaveCount(0);
});

for (const [label, params] of [
  [
    'a Genesys origin it is not',
    'gcHostOrigin=https%3A%2F%2Fapps.mypurecloud.com.evil.example&gcTargetEnv=prod&gcConversationId={{gcConversationId}}',
  ],
  [
    'unreplaced placeholders',
    'gcHostOrigin={{gcHostOrigin}}x&gcTargetEnv={{gcTargetEnv}}x&gcConversationId={{gcConversationIdx}}',
  ],
  [
    'a malformed conversation id',
    'gcConversationId=not-a-uuid&gcHostOrigin=https%3A%2F%2Fevil.example&gcTargetEnv={{gcTargetEnv}}',
  ],
  [
    'an unknown environment',
    'gcTargetEnv=prod-mars1&gcHostOrigin=https%3A%2F%2Fevil.example&gcConversationId={{gcConversationId}}',
  ],
] as const) {
  test(`bad launch parameters (${label}): a compact message, no crash, nothing posted to the host`, async ({
    page,
    widgetUrl,
    control,
  }) => {
    await callsFor(control, 1);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The desktop frames the widget with this URL template and logs every message it receives.
    const template = `${widgetUrl}?${params}&gcUsePopupAuth=true`;
    await page.goto(
      control.desktopUrl(widgetUrl, ALICE.email, { template, bootstrapTimeoutMs: 1500 }),
    );
    const frame = widgetFrame(page, 'Caller 1');
    await frame.getByText(/launch settings? (was|were) ignored/).click();
    await expect(
      frame.getByRole('list', { name: 'Launch settings that were ignored' }),
    ).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    // The desktop gives up waiting for the widget's `bootstrapped` (its own timer, logged): by
    // then a wrongly started SDK would have answered the bootstrap hook.
    await expect
      .poll(async () =>
        (await control.desktopLog()).entries.some(
          (e) => e.kind === 'widget' && e.event === 'bootstrapTimeout',
        ),
      )
      .toBe(true);
    expect(errors).toEqual([]);
    const { entries } = await control.desktopLog();
    expect(entries.filter((e) => e.kind === 'message' || e.kind === 'rejected')).toEqual([]);
  });
}

import type { FrameLocator, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, aliceOnACall, expect, popupClosed, submitLogin, test, trackApi } from './fixtures';

/*
 * Issue 19, point 14: the channels the widget leaves hold no subscriptions, and one agent's
 * shift stays far from the platform's 20 channels per user and client. Read from the
 * emulator's own state: each channel with its topics and whether a socket is on it.
 */

const aliceChannels = async (control: EmulatorControl) => {
  const state = await control.state();
  const alice = state.users.find((u) => u.email === ALICE.email)!;
  return state.channels.filter((c) => c.userId === alice.id);
};

/** How many channels Alice has, and which of them still hold subscriptions (and a socket). */
const holding = async (control: EmulatorControl) => {
  const channels = await aliceChannels(control);
  return {
    channels: channels.length,
    holding: channels.filter((c) => c.topics.length > 0).map((c) => c.connected),
  };
};

const widgetFrame = (page: Page, caller: string): FrameLocator =>
  page.frameLocator(`iframe[title="Interaction widget for ${caller}"]`);

const live = (frame: FrameLocator) => frame.getByRole('status', { name: /Connection: Live/ });

test('three widgets, three sign-ins: only the channel in use holds subscriptions', async ({
  page,
  widgetUrl,
  control,
}) => {
  // Tokens live 10 min + 3 s, so each widget offers "Renew sign-in" about 3 s after a sign-in.
  await control.tokenTtl(603);
  const calls = [];
  for (let i = 1; i <= 3; i += 1)
    calls.push(await control.createCall({ agentEmail: ALICE.email, customerName: `Caller ${i}` }));
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frames = calls.map((_, i) => widgetFrame(page, `Caller ${i + 1}`));
  const login = page.waitForEvent('popup');
  await frames[0]!.getByRole('button', { name: 'Sign in', exact: true }).click();
  await submitLogin(await login, ALICE.email);
  for (const frame of frames) await expect(live(frame)).toBeVisible();

  // The second and third widgets each sign in again (Renew sign-in, a popup of their own).
  for (const frame of frames.slice(1)) {
    const renew = frame.getByRole('button', { name: 'Renew sign-in' });
    await expect(renew).toBeVisible({ timeout: 8000 });
    const popup = page.waitForEvent('popup');
    await renew.click();
    await popupClosed(popup);
    await expect(renew).toBeHidden({ timeout: 8000 });
  }
  expect((await control.state()).tokens).toBe(3);
  // Each new token moved the shared channel to a new one; the ones left hold nothing.
  await expect.poll(() => holding(control)).toEqual({ channels: 3, holding: [true] });
  await control.setParticipant(calls[2]!.conversationId, calls[2]!.agentParticipantId!, {
    muted: true,
    actor: 'genesys-ui',
  });
  await expect(frames[2]!.getByTestId('mute-status')).toHaveText(/^Muted outside this panel/);
});

test('dropped sockets and a socket_closing: two channels, one holding subscriptions', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  const subscribes = () =>
    api.requests.filter(
      (r) => r.method === 'PUT' && r.path.startsWith('/api/v2/notifications/channels/'),
    ).length;
  // Three drops in a row (each retry waits a jittered backoff that grows until the link has
  // stayed up for a while: at most 0.5 s, 1 s, 2 s here).
  for (let drop = 1; drop <= 3; drop += 1) {
    await control.faults({ dropSockets: true });
    // Back on the channel: subscribed again (and re-read) after each drop.
    await expect.poll(subscribes, { timeout: 10_000 }).toBe(drop);
    await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  }
  // Subscriptions live on the channel, not the socket: the same channel every time.
  await expect.poll(() => holding(control)).toEqual({ channels: 1, holding: [true] });
  expect(api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/channels'))).toEqual(
    [],
  );

  // The platform's maintenance moves the widget to a new channel; the old one is released.
  await control.faults({ socketClosing: 60_000 });
  await expect.poll(() => holding(control)).toEqual({ channels: 2, holding: [true] });
});

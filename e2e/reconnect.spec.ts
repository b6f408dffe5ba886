import { aliceOnACall, expect, muteButton, popupClosed, test, trackApi } from './fixtures';

test('dropped sockets: reconnect, resubscribe, re-read; a mute made meanwhile is shown', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  const before = (await control.state()).channels.find((c) => c.connected)!.id;
  // Slow the API so the change below lands while the widget is still reconnecting.
  await control.faults({ latencyMs: 600 });
  await control.faults({ dropSockets: true });
  await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });
  await expect(page.getByRole('status', { name: /Connection: Reconnecting/ })).toBeVisible();
  await expect(page.getByTestId('stale-banner')).toContainText(/^As of \d/);
  await control.faults({ latencyMs: 0 });
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await expect(page.getByTestId('mute-status')).toHaveText(/^Muted outside this panel at /);
  const after = (await control.state()).channels.filter((c) => c.connected);
  expect(after).toHaveLength(1);
  // The same channel: its subscriptions outlive the socket (a new one per drop would pile up).
  expect(after[0]!.id).toBe(before);
  expect(after[0]!.topics).toEqual([
    expect.stringMatching(/^v2\.users\..+\.conversations\.calls$/),
  ]);
  const paths = api.requests.map((r) => `${r.method} ${r.path}`);
  expect(paths.filter((p) => p.startsWith('PUT /api/v2/notifications/channels/'))).toHaveLength(1);
  expect(paths.filter((p) => p === 'GET /api/v2/conversations/calls')).toHaveLength(1);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
});

test('socket_closing: the next channel opens before the old one closes, and no event is missed', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  const old = (await control.state()).channels.find((c) => c.connected)!.id;
  // The server's close deadline is a wait on the emulator's clock, 60 s away unless advanced.
  await control.faults({ socketClosing: 60_000 });
  // The widget moves to a new channel and lets the old one go itself (the order, new before old,
  // is pinned down in notification-channel.test.ts)...
  await expect
    .poll(async () => {
      const channels = (await control.state()).channels;
      const moved = channels.some((c) => c.connected && c.id !== old);
      const oldClosed = !channels.some((c) => c.connected && c.id === old);
      return moved && oldClosed;
    })
    .toBe(true);
  // ...before the server's deadline: the server has not closed anything yet.
  expect((await control.clock()).pending.map((w) => w.label)).toContain('socket closing');
  await control.setParticipant(conversationId, agentId, { held: true, actor: 'genesys-ui' });
  await expect(page.getByTestId('hold-status')).toHaveText(/^Put on hold outside this panel at /);
  // Past the deadline (the clock moved past it): the server's close finds nothing of the widget's.
  await control.advanceClock(60_000);
  expect((await control.clock()).pending.map((w) => w.label)).not.toContain('socket closing');
  await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });
  await expect(page.getByTestId('mute-status')).toHaveText(/^Muted outside this panel at /);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
});

test('token expiry: the call stays, marked stale; signing in again from a click brings it back', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  await control.faults({ expireTokens: true });
  await expect(page.getByRole('status', { name: /Connection: Sign-in needed/ })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByTestId('stale-banner')).toContainText(/^As of \d/);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await popupClosed(popup);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Unmuted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
  expect((await control.state()).tokens).toBe(1);
});

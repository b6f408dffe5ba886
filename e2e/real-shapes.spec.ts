import {
  aliceOnACall,
  ALICE,
  expect,
  muteButton,
  PATCH_PARTICIPANT,
  recordFlagPatches,
  SAM,
  signIn,
  test,
  trackApi,
} from './fixtures';

/** An agent leg whose `muted` arrives as a string: a known field with the wrong type. */
const withUnreadableMute = (p: Record<string, unknown>) =>
  p.purpose === 'agent' ? { ...p, muted: 'yes' } : p;

/* Issue 7, "The real org's data shapes": names by id, SIP URIs, ended and repeated legs, 429
 * text, dead channels, fields of the wrong type. */

test('8. names come from lookups by id (real legs carry none), each id once, queues via the user’s own queues', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const api = trackApi(page);
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: 'Casey Caller' });
  const agentId = call.agentParticipantId!;
  await control.setParticipant(call.conversationId, agentId, { muted: true, actor: SAM.email });
  const legs = (await control.state()).conversations.find(
    (c) => c.id === call.conversationId,
  )!.participants;
  expect(
    legs.filter((p) => p.purpose === 'agent' || p.purpose === 'user').map((p) => p.name),
  ).toEqual([undefined, undefined]);
  await expect(page.getByRole('note').filter({ hasText: 'has joined the call' })).toContainText(
    SAM.name,
  );
  await expect(page.getByText('Queue Support')).toBeVisible();
  await page.getByRole('button', { name: /participants/ }).click();
  await expect(page.getByText('Alice Agent (you)')).toBeVisible();
  const gets = api.requests.filter((r) => r.method === 'GET').map((r) => r.path);
  expect(gets.filter((p) => p === '/api/v2/users')).toHaveLength(1);
  // Alice may not read queues by id (403), so her own queues answer, once.
  expect(
    gets.filter(
      (p) => p.startsWith('/api/v2/routing/queues/') && p !== '/api/v2/routing/queues/me',
    ),
  ).toHaveLength(1);
  expect(gets.filter((p) => p === '/api/v2/routing/queues/me')).toHaveLength(1);
});

test('9. SIP addresses read as numbers or nothing; missed-alert, queue and flow legs hide until asked; the live leg is the agent’s', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: 'tel:+15550100200',
    missedAlerts: 2,
  });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: /participants/ }).click();
  const list = page.locator('.participant-list');
  await expect(list.locator('li')).toHaveCount(2);
  await expect(page.locator('.lcp-root')).not.toContainText('sip:');
  await page.getByRole('button', { name: 'Show 4 ended legs' }).click();
  await expect(list.locator('li')).toHaveCount(6);
  await expect(page.locator('.lcp-root')).not.toContainText('sip:');
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  const legs = (await control.state()).conversations
    .find((c) => c.id === call.conversationId)!
    .participants.filter((p) => p.purpose === 'agent');
  expect(legs.map((p) => [p.state, p.muted])).toEqual([
    ['terminated', false],
    ['terminated', false],
    ['connected', true],
  ]);
});

test('10. when CORS hides Retry-After, the wait comes from the 429 message text', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const patches = recordFlagPatches(page);
  await control.faults({
    hideRateLimitHeaders: true,
    failNext: { method: 'PATCH', path: PATCH_PARTICIPANT, status: 429, retryAfterSeconds: 3 },
  });
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you', { timeout: 8000 });
  expect(patches).toHaveLength(2);
  // Without the message the panel would fall back to one second.
  expect(patches[1]!.at - patches[0]!.at).toBeGreaterThanOrEqual(2800);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});

test('11a. {"result":"404"} on the socket: a new channel at once, not after the watchdog', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  const old = (await control.state()).channels.find((c) => c.connected)!.id;
  await control.faults({ channelGone: true });
  // The heartbeat is 1 s here: the watchdog alone would wait 2.5 s.
  await expect
    .poll(async () => (await control.state()).channels.some((c) => c.connected && c.id !== old), {
      timeout: 1500,
      intervals: [100],
    })
    .toBe(true);
  await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });
  await expect(page.getByTestId('mute-status')).toHaveText(/^Muted outside this panel at /);
});

test('11b. a field of the wrong type falls back alone: the agent keeps the controls; unknown topics change nothing', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  const state = await control.state();
  const alice = state.users.find((u) => u.email === ALICE.email)!;
  const body = structuredClone(
    state.conversations.find((c) => c.id === conversationId)!,
  ) as unknown as {
    participants: Record<string, unknown>[];
  };
  body.participants = body.participants.map(withUnreadableMute);
  const api = trackApi(page);
  await control.emit(
    {
      topicName: `v2.users.${alice.id}.conversations.calls`,
      version: '2',
      eventBody: body,
      metadata: { CorrelationId: 'test' },
    },
    ALICE.email,
  );
  await control.emit(
    { topicName: `v2.users.${alice.id}.presence`, eventBody: { presenceDefinition: {} } },
    ALICE.email,
  );
  await control.emit('{"not json', ALICE.email);
  // The unreadable field keeps its last known value, and the call is read once to be sure.
  await expect
    .poll(
      () =>
        api.requests.filter((r) => r.path === `/api/v2/conversations/calls/${conversationId}`)
          .length,
    )
    .toBe(1);
  await expect(muteButton(page)).toBeEnabled();
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Unmuted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
});

import {
  aliceOnACall,
  countHeartbeats,
  expect,
  holdButton,
  maxConcurrentPatches,
  muteButton,
  recordMuteIntents,
  SAM,
  sentLatestIntent,
  test,
} from './fixtures';

test('mute → pending → confirmed, and unmute likewise; the emulator agrees', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await control.faults({ latencyMs: 1500 });
  await muteButton(page).click();
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'true');
  await expect(page.getByTestId('mute-status')).toHaveText('Muting…');
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'false');
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
  await expect(page.getByTestId('announcer')).toHaveText('Muted by you');

  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Unmuting…');
  await expect(page.getByTestId('mute-status')).toHaveText('Unmuted by you');
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
});

test('ten rapid clicks end in the state of the last click with at most one request in flight', async ({
  page,
  widgetUrl,
  control,
}) => {
  // However fast the clicks land (a loaded machine clicks slowly), the behaviour is the same:
  // the last click wins, one request at a time, and every request asks for the target that was
  // the latest click's when it left (nothing superseded is sent). How many requests that takes
  // depends on the speed, so it is not counted.
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await control.faults({ latencyMs: 150 });
  const intents = await recordMuteIntents(page);
  for (let i = 0; i < 10; i += 1) await muteButton(page).click({ delay: 0 });
  // Ten clicks from unmuted: the last one asks for "not muted".
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'false', { timeout: 10_000 });
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
  expect(await maxConcurrentPatches(page)).toBe(1);
  let log = await intents.read();
  expect(log.clicks.map((c) => c.target)).toEqual([...Array(10).keys()].map((i) => i % 2 === 0));
  expect(log.sent.length).toBeGreaterThan(0);
  expect(sentLatestIntent(log)).not.toContain(false);

  for (let i = 0; i < 9; i += 1) await muteButton(page).click({ delay: 0 });
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'false', { timeout: 10_000 });
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
  expect(await maxConcurrentPatches(page)).toBe(1);
  log = await intents.read();
  expect(log.clicks).toHaveLength(19);
  expect(log.sent.at(-1)?.muted).toBe(true);
  expect(sentLatestIntent(log)).not.toContain(false);
});

test('a mute made in Genesys Cloud shows with its provenance, without any click', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });
  await expect(page.getByTestId('mute-status')).toHaveText(/^Muted outside this panel at \d/);
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('announcer')).toHaveText(/^Muted outside this panel at \d/);
});

test('a change while a supervisor is on the call never names anyone as its author', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  await control.setParticipant(conversationId, agentId, { muted: true, actor: SAM.email });
  await expect(page.getByTestId('mute-status')).toHaveText(/^Muted outside this panel at \d/);
  await control.setParticipant(conversationId, agentId, { held: true, actor: SAM.email });
  await expect(page.getByTestId('hold-status')).toHaveText(/^Put on hold outside this panel at \d/);
  await expect(page.getByTestId('mute-status')).not.toContainText(SAM.name);
  // The supervisor on the call is shown as such, with the name the directory gives for the id.
  await expect(page.getByRole('note').filter({ hasText: 'has joined the call' })).toContainText(
    SAM.name,
  );
});

test('hold and resume, with a live hold timer', async ({ page, widgetUrl, control }) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await holdButton(page).click();
  await expect(page.getByTestId('hold-status')).toHaveText('On hold by you');
  await expect(holdButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('hold-timer')).toHaveText(/0:0[1-9]/, { timeout: 4000 });
  expect((await control.participant(conversationId, 'agent')).held).toBe(true);
  await holdButton(page).click();
  await expect(page.getByTestId('hold-status')).toHaveText('Resumed by you');
  await expect(page.getByTestId('hold-timer')).toHaveCount(0);
  expect((await control.participant(conversationId, 'agent')).held).toBe(false);
});

test('the mute shortcut works with focus inside the widget, and is shown', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await expect(page.getByText('Press Alt+M to mute or unmute.')).toBeVisible();
  await expect(muteButton(page)).toHaveAttribute('aria-keyshortcuts', 'Alt+M');
  await holdButton(page).focus();
  await page.keyboard.press('Alt+KeyM');
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(holdButton(page)).toHaveAttribute('aria-pressed', 'true');
});

test('without microphone permission the panel says so and mute still works', async ({
  page,
  widgetUrl,
  control,
}) => {
  // The agent (or policy) refuses the microphone.
  await page.addInitScript(() => {
    navigator.permissions.query = () => Promise.resolve({ state: 'prompt' } as PermissionStatus);
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await page.getByRole('button', { name: 'Warn me if I talk while muted' }).click();
  await expect(
    page.getByText('Microphone access is off, so there is no talking-while-muted warning.'),
  ).toBeVisible();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});

test('a mute slower than the 5 s confirmation wait: the screen and the emulator still end up agreeing', async ({
  page,
  widgetUrl,
  control,
}) => {
  const heartbeats = countHeartbeats(page);
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  // The emulator holds the request until its clock is advanced.
  await control.faults({ latencyMs: 30_000 });
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muting…');
  await expect
    .poll(async () => (await control.clock()).pending.map((w) => w.label))
    .toContain('latency');
  // Past the 5 s wait (six 1 s heartbeats have arrived since) the request is still out: the
  // panel keeps the intent pending, never "not muted".
  const beatsAtClick = heartbeats.count;
  await expect
    .poll(() => heartbeats.count - beatsAtClick, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(6);
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'true');
  await expect(page.getByTestId('mute-status')).toHaveText('Muting…');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
  // Let the PATCH through (the clock moves to its due time): only it, not a re-read the panel
  // may have sent since, which stays held and answers later, in the order they were sent.
  await control.faults({ latencyMs: 0 });
  const { now, pending } = await control.clock();
  const patchDue = pending.find((w) => w.label === 'latency')!.due;
  await control.advanceClock(Date.parse(patchDue) - Date.parse(now));
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you', { timeout: 15_000 });
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'false');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});

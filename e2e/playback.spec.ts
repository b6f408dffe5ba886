import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import type { EmulatorControl } from '../emulator/control-client.js';
import {
  aliceOnACall,
  BOB,
  expect,
  expectNoAxeViolations,
  muteButton,
  signIn,
  test,
  trackApi,
  ALICE,
  PROMPT_IDS as PROMPT,
} from './fixtures';

const status = (page: Page) => page.getByTestId('playback-status').getByRole('status');
const playButton = (page: Page) => page.getByRole('button', { name: 'Play to caller' });

/** Opens the playback panel and picks a prompt by its readable description. */
async function pickPrompt(page: Page, description: string) {
  const disclosure = page.getByRole('button', { name: 'Play a prompt to the caller' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await page.getByRole('radio', { name: new RegExp(`^${description}`) }).check();
}

async function ivrLegs(control: EmulatorControl, conversationId: string) {
  const state = await control.state();
  return (state.conversations.find((c) => c.id === conversationId)?.participants ?? []).filter(
    (p) => p.purpose === 'ivr',
  );
}

const secureSessionPosts = (api: ReturnType<typeof trackApi>) =>
  api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/secureivrsessions'));

/** Play to caller is refused, with this reason on screen. */
async function expectPlayRefused(page: Page, reason: string) {
  await expect(playButton(page)).toBeDisabled();
  await expect(page.getByTestId('playback-reasons')).toContainText(reason);
}

/** No secure session was asked for, and the emulator started none. */
async function expectNothingStarted(api: ReturnType<typeof trackApi>, control: EmulatorControl) {
  expect(secureSessionPosts(api)).toEqual([]);
  expect((await control.playback()).sessions).toEqual([]);
}

test('pick a prompt and play it: playing with progress, then completed; the session COMPLETED and the ivr leg gone', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await page.getByRole('button', { name: 'Play a prompt to the caller' }).click();
  await expect(page.getByRole('radio')).toHaveCount(6);
  await page.getByRole('searchbox', { name: 'Search prompts' }).fill('disclos');
  await expect(page.getByRole('radio')).toHaveCount(1);
  await pickPrompt(page, 'Recording disclosure');
  await expect(page.getByText(/caller hears the prompt and not you/)).toBeVisible();
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Recording disclosure to the caller');
  const bar = page.getByRole('progressbar', { name: 'Playback progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', '4');
  await expect(bar).toHaveAttribute('aria-valuenow', /[1-4]/);
  await expect(playButton(page)).toBeDisabled();
  await expect(page.getByTestId('playback-reasons')).toContainText(
    'A prompt is already playing to the caller.',
  );
  await expect(status(page)).toHaveText('Playback ended: the prompt played to the end.', {
    timeout: 8000,
  });
  const { sessions } = await control.playback();
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({
    conversationId,
    state: 'COMPLETED',
    reason: 'completed',
    promptId: PROMPT.recordingDisclosure,
  });
  const legs = await ivrLegs(control, conversationId);
  expect(legs.every((p) => p.state === 'terminated')).toBe(true);
  expect(legs.some((p) => p.id === sessions[0]?.ivrParticipantId)).toBe(true);
  await expect(playButton(page)).toBeEnabled();
});

test('loop with a maximum duration ends with maxDuration', async ({ page, widgetUrl, control }) => {
  await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Hold please');
  await page.getByRole('checkbox', { name: 'Repeat until the maximum duration' }).check();
  await page.getByRole('spinbutton', { name: 'Maximum duration (seconds)' }).fill('3');
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Hold please to the caller');
  await expect(page.getByRole('progressbar', { name: 'Playback progress' })).toHaveAttribute(
    'aria-valuemax',
    '3',
  );
  await expect(status(page)).toHaveText('Playback ended: the maximum duration was reached.', {
    timeout: 8000,
  });
  expect((await control.playback()).sessions[0]).toMatchObject({
    state: 'COMPLETED',
    reason: 'maxDuration',
  });
});

test('Stop shows Stopping… while the stop request is held, then the flow ends with agentStop', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Payment terms');
  // Repeat for up to 10 minutes: the clock advance below cannot end the prompt by itself.
  await page.getByRole('checkbox', { name: 'Repeat until the maximum duration' }).check();
  await page.getByRole('spinbutton', { name: 'Maximum duration (seconds)' }).fill('600');
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Payment terms to the caller');
  const api = trackApi(page);
  // The emulator holds every API request until its clock passes 30 s more.
  await control.faults({ latencyMs: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Stopping…' })).toBeDisabled();
  await expect
    .poll(async () => (await control.clock()).pending.map((w) => w.label))
    .toContain('latency');
  expect((await control.playback()).sessions[0]?.state).toBe('PENDING');
  await expect(page.getByRole('button', { name: 'Stopping…' })).toBeDisabled();
  await control.faults({ latencyMs: 0 });
  const released = await control.advanceClock(30_000);
  await expect(status(page)).toHaveText('Playback ended: it was stopped from the panel.');
  // The flow stopped after the request was let through, never before.
  const endedAt = (await control.playback()).sessions[0]?.endedAt ?? '';
  expect(Date.parse(endedAt)).toBeGreaterThanOrEqual(Date.parse(released.now));
  expect(
    api.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/attributes')),
  ).toHaveLength(1);
  const [session] = (await control.playback()).sessions;
  expect(session).toMatchObject({ state: 'COMPLETED', reason: 'agentStop' });
  const customer = await control.participant(conversationId, 'customer');
  expect(customer.attributes?.['lcp.playback.stopRequested']).toBe(session?.requestId);
  expect((await ivrLegs(control, conversationId)).every((p) => p.state === 'terminated')).toBe(
    true,
  );
});

test('a caller key with a rule switches the prompt and the panel says so', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Payment terms');
  await page.getByRole('button', { name: 'Add a key' }).click();
  await page.getByRole('combobox', { name: 'Key' }).selectOption('1');
  await page.getByRole('combobox', { name: 'Then' }).selectOption({ label: 'Play Hold please' });
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Payment terms to the caller');
  await control.dtmf(conversationId, '1');
  await expect(page.getByText('The caller pressed 1: switched to Hold please')).toBeVisible();
  await expect(status(page)).toHaveText('Playing Hold please to the caller');
  expect((await control.playback()).sessions[0]?.promptId).toBe(PROMPT.holdPlease);
  await expect(status(page)).toHaveText('Playback ended: the prompt played to the end.', {
    timeout: 6000,
  });
});

test('a hang-up during playback ends it with hangup and the call shows ended', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Payment terms');
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Payment terms to the caller');
  await control.hangup(conversationId, 'customer');
  await expect(status(page)).toHaveText('Playback ended: the caller hung up.');
  await expect(page.getByRole('note')).toBeVisible();
  // The panel knows from the legs at once; the flow notices on its next check.
  await expect
    .poll(async () => (await control.playback()).sessions[0])
    .toMatchObject({ state: 'FAILED', reason: 'hangup' });
});

test('leg-only mode: the ivr leg alone still shows playing (no progress), then ended', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.setPlaybackMode('legOnly');
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Hold please');
  await playButton(page).click();
  await expect(status(page)).toHaveText(
    'The caller is hearing Hold please. This flow doesn’t report progress.',
  );
  const bar = page.getByRole('progressbar', { name: 'Playback progress' });
  await expect(bar).toBeVisible();
  await expect(bar).not.toHaveAttribute('aria-valuenow', /.*/);
  await expect(status(page)).toHaveText('Playback ended: the caller is back with you.', {
    timeout: 6000,
  });
  const customer = await control.participant(conversationId, 'customer');
  expect(
    Object.keys(customer.attributes ?? {}).filter((k) => k.startsWith('lcp.playback.')),
  ).toEqual([]);
  expect((await control.playback()).sessions[0]).toMatchObject({
    mode: 'legOnly',
    state: 'COMPLETED',
  });
});

test('refused when the caller has hung up: the reason is shown and nothing is sent', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  await control.hangup(conversationId, 'customer');
  await expect(page.getByRole('note')).toBeVisible();
  await pickPrompt(page, 'Recording disclosure');
  await expectPlayRefused(page, 'The caller isn’t connected.');
  await expectNothingStarted(api, control);
});

test('refused while the call is still ringing: the reason is shown and nothing is sent', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const api = trackApi(page);
  await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Rae Ringing',
    autoAnswer: false,
  });
  await expect(page.getByRole('heading', { name: 'Rae Ringing', level: 2 })).toBeVisible();
  await pickPrompt(page, 'Recording disclosure');
  await expectPlayRefused(page, 'You aren’t connected to this call.');
  await expectNothingStarted(api, control);
});

test('refused while one is already playing: one request only', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  await pickPrompt(page, 'Payment terms');
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Payment terms to the caller');
  await pickPrompt(page, 'Hold please');
  await expectPlayRefused(page, 'A prompt is already playing to the caller.');
  expect(secureSessionPosts(api)).toHaveLength(1);
  expect((await control.playback()).sessions).toHaveLength(1);
});

test('without the flow permission and no configured flow id, the reason is shown and nothing is sent', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl, BOB.email);
  const api = trackApi(page);
  await control.createCall({ agentEmail: BOB.email, customerName: 'Cam Caller' });
  await expect(page.getByRole('heading', { name: 'Cam Caller', level: 2 })).toBeVisible();
  await pickPrompt(page, 'Recording disclosure');
  await expectPlayRefused(page, 'your role can’t look up flows');
  expect(api.requests.some((r) => r.path === '/api/v2/flows')).toBe(true);
  expect(secureSessionPosts(api)).toEqual([]);
});

test('refused for a prompt without audio: the reason is shown and nothing is sent', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  await pickPrompt(page, 'Holiday hours');
  await expectPlayRefused(page, 'This prompt has no audio ready to play');
  await expect(page.getByRole('button', { name: 'Play preview' })).toHaveCount(0);
  await expectNothingStarted(api, control);
});

test('the local preview plays in the browser, with its own controls', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  await pickPrompt(page, 'Payment terms');
  await page.getByRole('button', { name: 'Play preview' }).click();
  await expect(page.getByRole('button', { name: 'Pause preview' })).toBeVisible();
  const audio = page.getByTestId('prompt-preview-audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.paused)).toBe(false);
  const first = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
  await expect
    .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
    .toBeGreaterThan(first);
  await expect(page.getByRole('slider', { name: 'Preview position' })).toHaveAttribute(
    'aria-valuetext',
    /of 0:06/,
  );
  await page.getByRole('slider', { name: 'Preview volume' }).fill('0.5');
  expect(await audio.evaluate((a: HTMLAudioElement) => a.volume)).toBe(0.5);
  await page.getByRole('button', { name: 'Pause preview' }).click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  // The preview is local: nothing reaches the call.
  expect(secureSessionPosts(api)).toEqual([]);
});

test('the audit trail exports a CSV that parses back into its rows, formulas escaped', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const customer = await control.participant(conversationId, 'customer');
  const formula = '=HYPERLINK("http://evil.example","click")';
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  await control.setAttributes(conversationId, customer.id, { note: formula }, 'crm');
  await pickPrompt(page, 'Hold please');
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playback ended: the prompt played to the end.', {
    timeout: 6000,
  });
  await page.getByRole('button', { name: 'Audit trail' }).click();
  const table = page.getByRole('table', { name: 'Audit trail, newest first' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(page.getByTestId('completion-rate')).toHaveText('100%');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/);
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n' }).data;
  expect(parsed[0]).toEqual([
    'Time',
    'Conversation',
    'Who',
    'On',
    'What',
    'Detail',
    'Old value',
    'New value',
  ]);
  const rows = parsed.slice(1).map(([, cid, actor, party, event, detail, from, to]) => ({
    cid,
    actor,
    party,
    event,
    detail,
    from,
    to,
  }));
  expect(rows).toEqual([
    {
      cid: conversationId,
      actor: 'You',
      party: 'Your line',
      event: 'Mute',
      detail: '',
      from: 'Off',
      to: 'On',
    },
    {
      cid: conversationId,
      actor: 'Outside this panel',
      party: 'Caller',
      event: 'Call data',
      detail: 'note',
      from: '',
      to: `'${formula}`,
    },
    {
      cid: conversationId,
      actor: 'You',
      party: 'Caller',
      event: 'Playback asked for',
      detail: 'Hold please',
      from: '',
      to: '',
    },
    {
      cid: conversationId,
      actor: 'You',
      party: 'Flow',
      event: 'Playback started',
      detail: 'Hold please',
      from: '',
      to: '',
    },
    {
      cid: conversationId,
      actor: 'Outside this panel',
      party: 'Flow',
      event: 'Playback ended (completed)',
      detail: 'Hold please',
      from: '',
      to: '',
    },
  ]);
  // The file holds what the panel shows (the table is newest first).
  const shown = await table
    .getByRole('row')
    .evaluateAll((trs) =>
      trs
        .slice(1)
        .map((tr) => [tr.children[1]?.textContent, tr.querySelector('.audit-event')?.textContent]),
    );
  expect(shown.reverse()).toEqual(rows.map((r) => [r.actor, r.event]));
});

test('the playback and audit panels are accessible (axe)', async ({ page, widgetUrl, control }) => {
  await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Recording disclosure');
  await page.getByRole('button', { name: 'Add a key' }).click();
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expectNoAxeViolations(page);
  await playButton(page).click();
  await expect(status(page)).toHaveText('Playing Recording disclosure to the caller');
  await expectNoAxeViolations(page);
});

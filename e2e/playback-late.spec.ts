import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { aliceOnACall, expect, test, PROMPT_IDS as PROMPT } from './fixtures';

/**
 * Playback on a flow that answers late (issue 18, point 13; FIDELITY P17–P18): in mode `late`
 * the flow's `lcp.playback.*` values reach the call only after its ivr leg has left, one key per
 * event, and it reads the stop only between prompt repetitions; in mode `legOnly` it writes
 * nothing. The panel follows the leg alone, never goes backwards, and fills in the reason.
 */

const status = (page: Page) => page.getByTestId('playback-status').getByRole('status');
const playButton = (page: Page) => page.getByRole('button', { name: 'Play to caller' });
const STOP_REQUESTED = 'Stop requested — the caller returns when the flow ends the current prompt.';

async function pickPrompt(page: Page, description: string) {
  const disclosure = page.getByRole('button', { name: 'Play a prompt to the caller' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await page.getByRole('radio', { name: new RegExp(`^${description}`) }).check();
}

/** Every text the status line shows from now on, in order (each change, however brief). */
async function recordStatusTexts(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    const read = () => {
      const text = document.querySelector(
        '[data-testid="playback-status"] [role="status"]',
      )?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    read();
  });
  return () =>
    page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts.slice());
}

async function session(control: EmulatorControl) {
  const { sessions } = await control.playback();
  expect(sessions).toHaveLength(1);
  return sessions[0]!;
}

async function legOf(control: EmulatorControl, conversationId: string, id: string) {
  const state = await control.state();
  return state.conversations
    .find((c) => c.id === conversationId)
    ?.participants.find((p) => p.id === id);
}

async function playbackAttributes(control: EmulatorControl, conversationId: string) {
  const customer = await control.participant(conversationId, 'customer');
  return Object.fromEntries(
    Object.entries(customer.attributes ?? {}).filter(([k]) => k.startsWith('lcp.playback.')),
  );
}

/** The audit trail's events, oldest first. */
async function auditEvents(page: Page) {
  const disclosure = page.getByRole('button', { name: 'Audit trail' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  const table = page.getByRole('table', { name: 'Audit trail, newest first' });
  const events = await table
    .getByRole('row')
    .evaluateAll((trs) =>
      trs
        .slice(1)
        .map((tr) =>
          [
            tr.querySelector('.audit-event')?.textContent,
            tr.querySelector('.audit-detail')?.getAttribute('title') ?? '',
          ].join(' | '),
        ),
    );
  return events.reverse();
}

test('late mode: playing from the ivr leg with no progress, ended when the leg leaves, then the flow’s reason filled in; the audit trail in the platform’s order', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.setPlaybackMode('late');
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Recording disclosure');
  const texts = await recordStatusTexts(page);
  await playButton(page).click();
  await expect(status(page)).toHaveText(
    'The caller is hearing Recording disclosure. This flow doesn’t report progress.',
  );
  const bar = page.getByRole('progressbar', { name: 'Playback progress' });
  await expect(bar).toBeVisible();
  await expect(bar).not.toHaveAttribute('aria-valuenow', /.*/);
  expect(await playbackAttributes(control, conversationId)).toEqual({});

  await expect(status(page)).toHaveText('Playback ended: the prompt played to the end.', {
    timeout: 10_000,
  });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const played = await session(control);
  expect(played).toMatchObject({
    mode: 'late',
    state: 'COMPLETED',
    reason: 'completed',
    promptId: PROMPT.recordingDisclosure,
  });
  await expect
    .poll(async () => (await legOf(control, conversationId, played.ivrParticipantId))?.state)
    .toBe('terminated');
  expect(await playbackAttributes(control, conversationId)).toMatchObject({
    'lcp.playback.requestId': played.requestId,
    'lcp.playback.state': 'completed',
    'lcp.playback.reason': 'completed',
  });
  // Forward only: never Playing again once it had ended, the reason only once the flow gave it.
  const seen = await texts();
  const ended = seen.findIndex((t) => t.startsWith('Playback ended'));
  expect(ended).toBeGreaterThan(0);
  expect(seen.slice(ended).every((t) => t.startsWith('Playback ended'))).toBe(true);
  expect(seen.at(-1)).toBe('Playback ended: the prompt played to the end.');
  await expect(playButton(page)).toBeEnabled();

  // What happened, in the order the platform said it: the leg, then the late values one by one.
  const events = await auditEvents(page);
  expect(events.slice(0, 3)).toEqual([
    'Playback asked for | Recording disclosure',
    'Playback started | Recording disclosure',
    'Playback ended (no reason reported) | Recording disclosure',
  ]);
  expect(events.slice(3, -1)).toEqual(
    ['lastDigit', 'reason', 'endedAt', 'startedAt', 'promptId', 'state', 'requestId'].map(
      (key) => `Flow data arrived after the end | lcp.playback.${key}`,
    ),
  );
  expect(events.at(-1)).toBe('Flow reported the end (completed) | Recording disclosure');
});

test('late mode: Stop reads “Stop requested” while the ivr leg is there, never stopped before it leaves; the flow then says agentStop', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.setPlaybackMode('late');
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Payment terms');
  // Repeat for up to 10 minutes: only the stop (read between repetitions) ends it.
  await page.getByRole('checkbox', { name: 'Repeat until the maximum duration' }).check();
  await page.getByRole('spinbutton', { name: 'Maximum duration (seconds)' }).fill('600');
  const texts = await recordStatusTexts(page);
  await playButton(page).click();
  await expect(status(page)).toHaveText(
    'The caller is hearing Payment terms. This flow doesn’t report progress.',
  );
  // The emulator holds the stop request until its clock passes 30 s more: the leg stays.
  await control.faults({ latencyMs: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status(page)).toHaveText(STOP_REQUESTED);
  await expect(page.getByRole('button', { name: 'Stopping…' })).toBeDisabled();
  await expect
    .poll(async () => (await control.clock()).pending.map((w) => w.label))
    .toContain('latency');
  const playing = await session(control);
  expect(playing.state).toBe('PENDING');
  expect((await legOf(control, conversationId, playing.ivrParticipantId))?.state).toBe('connected');
  await expect(status(page)).toHaveText(STOP_REQUESTED);

  await control.faults({ latencyMs: 0 });
  // Past the held request (30 s), the next end of a repetition (at most 6 s later), where the
  // flow reads the stop, and the flow's late attributes (1 s after its end): all on the
  // emulator's clock, so none of it waits on real time (on a busy machine, the repetition's
  // end and the late delivery once came after the 7 s the next check waits).
  await control.advanceClock(30_000 + 6_000 + 1_000);
  await expect(status(page)).toHaveText('Playback ended: it was stopped from the panel.');
  const stopped = await session(control);
  expect(stopped).toMatchObject({ state: 'COMPLETED', reason: 'agentStop' });
  await expect
    .poll(async () => (await legOf(control, conversationId, stopped.ivrParticipantId))?.state)
    .toBe('terminated');
  expect(await playbackAttributes(control, conversationId)).toMatchObject({
    'lcp.playback.state': 'stopped',
    'lcp.playback.reason': 'agentStop',
    'lcp.playback.stopRequested': stopped.requestId,
  });
  const seen = await texts();
  const stopAt = seen.indexOf(STOP_REQUESTED);
  const endAt = seen.findIndex((t) => t.startsWith('Playback ended'));
  expect(stopAt).toBeGreaterThan(0);
  expect(endAt).toBeGreaterThan(stopAt);
  // Before the leg left, nothing said it had stopped.
  expect(seen.slice(0, endAt).some((t) => /stopped/.test(t))).toBe(false);
  expect(seen.slice(endAt).every((t) => t.startsWith('Playback ended'))).toBe(true);
});

test('late mode: a prompt played once never sees the stop; the panel never claims it stopped and fills in “played to the end”', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.setPlaybackMode('late');
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Payment terms');
  const texts = await recordStatusTexts(page);
  await playButton(page).click();
  await expect(status(page)).toHaveText(
    'The caller is hearing Payment terms. This flow doesn’t report progress.',
  );
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status(page)).toHaveText(STOP_REQUESTED);
  await control.advanceClock(10_000);
  await expect(status(page)).toHaveText('Playback ended: the prompt played to the end.');
  const played = await session(control);
  expect(played).toMatchObject({ state: 'COMPLETED', reason: 'completed' });
  expect(await playbackAttributes(control, conversationId)).toMatchObject({
    'lcp.playback.reason': 'completed',
    'lcp.playback.stopRequested': played.requestId,
  });
  const seen = await texts();
  expect(seen.some((t) => /stopped from the panel/.test(t))).toBe(false);
  const ended = seen.findIndex((t) => t.startsWith('Playback ended'));
  expect(seen.slice(ended).every((t) => t.startsWith('Playback ended'))).toBe(true);
});

test('leg-only mode with Stop: “Stop requested” while the leg is there, then ended after the stop with no reason claimed', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.setPlaybackMode('legOnly');
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await pickPrompt(page, 'Payment terms');
  await page.getByRole('checkbox', { name: 'Repeat until the maximum duration' }).check();
  await page.getByRole('spinbutton', { name: 'Maximum duration (seconds)' }).fill('600');
  await playButton(page).click();
  await expect(status(page)).toHaveText(
    'The caller is hearing Payment terms. This flow doesn’t report progress.',
  );
  await control.faults({ latencyMs: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status(page)).toHaveText(STOP_REQUESTED);
  await expect
    .poll(async () => (await control.clock()).pending.map((w) => w.label))
    .toContain('latency');
  const playing = await session(control);
  expect((await legOf(control, conversationId, playing.ivrParticipantId))?.state).toBe('connected');
  await control.faults({ latencyMs: 0 });
  await control.advanceClock(30_000);
  await expect(status(page)).toHaveText(
    'Playback ended after your stop request. The caller is back with you.',
  );
  const stopped = await session(control);
  expect(stopped).toMatchObject({ mode: 'legOnly', state: 'COMPLETED', reason: 'agentStop' });
  await expect
    .poll(async () => (await legOf(control, conversationId, stopped.ivrParticipantId))?.state)
    .toBe('terminated');
  expect(await playbackAttributes(control, conversationId)).toEqual({
    'lcp.playback.stopRequested': stopped.requestId,
  });
  const events = await auditEvents(page);
  expect(events.slice(-2)).toEqual([
    'Stop asked for | ',
    'Playback ended (no reason reported) | Payment terms',
  ]);
});

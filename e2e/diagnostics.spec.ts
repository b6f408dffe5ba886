import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import {
  ALICE,
  expect,
  expectNoAxeViolations,
  holdButton,
  muteButton,
  PATCH_PARTICIPANT,
  signIn,
  startCall,
  test,
} from './fixtures';
import { readTrace, replayTrace } from './support/replay';

/** `SAVE_TRACES=emulator/traces` keeps the downloaded traces (how the shipped examples were made). */
function keep(name: string, text: string) {
  const dir = process.env.SAVE_TRACES;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, text);
}

/** Diagnostics in the header → Download diagnostics; the saved file's text and parsed trace. */
async function downloadDiagnostics(page: Page, includeCallData = false) {
  await page.getByRole('button', { name: 'Diagnostics' }).click();
  const choice = page.getByRole('checkbox', { name: /Include the call data keys/ });
  await expectNoAxeViolations(page);
  await choice.setChecked(includeCallData);
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download diagnostics' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toMatch(/^live-call-panel-diagnostics-[\dT-]+Z\.json$/);
  await expect(
    page.getByRole('status').filter({ hasText: download.suggestedFilename() }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  const text = readFileSync(await download.path(), 'utf8');
  return { text, trace: JSON.parse(text) as Trace };
}

interface Trace {
  version: number;
  user: string;
  includesCallData: boolean;
  entries: ({ type: string } & Record<string, unknown>)[];
}

/** Every bearer token the page sent. */
function bearerTokens(page: Page): Set<string> {
  const tokens = new Set<string>();
  page.on('request', (request) => {
    const token = /^Bearer (.+)$/.exec(request.headers().authorization ?? '')?.[1];
    if (token) tokens.add(token);
  });
  return tokens;
}

/** Statuses of the participant PATCHes (mute/hold) the page got, in order. */
function flagStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (
      request.method() === 'PATCH' &&
      /\/participants\/[^/]+$/.test(new URL(request.url()).pathname)
    )
      statuses.push(response.status());
  });
  return statuses;
}

const callData = (page: Page) => page.getByTestId('call-data');

/** What the agent sees of the call, apart from names and numbers (a trace masks those). */
async function widgetState(page: Page) {
  await expect(callData(page).getByRole('table')).toBeVisible();
  return {
    status: await page.locator('.call-header .badge').getAttribute('data-status'),
    muted: await muteButton(page).getAttribute('aria-pressed'),
    held: await holdButton(page).getAttribute('aria-pressed'),
    people: await page.locator('.participants-title').textContent(),
    queue: (await page.locator('.call-details').textContent())?.match(/Support|Sales/)?.[0],
    callDataKeys: await callData(page)
      .locator('tr[data-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key'))),
  };
}

/** The emulator's legs of the one call: purpose, state, muted, held, attribute keys. */
async function emulatorLegs(control: EmulatorControl) {
  const [call] = (await control.state()).conversations;
  return call!.participants.map((p) => ({
    purpose: p.purpose,
    state: p.state,
    muted: p.muted,
    held: p.held,
    keys: Object.keys(p.attributes ?? {}).sort(),
  }));
}

/** Signs in again on a fresh emulator (the reset ended every session): a widget with no call. */
async function freshWidget(page: Page, widgetUrl: string, control: EmulatorControl) {
  await control.reset();
  await page.goto('about:blank');
  await signIn(page, widgetUrl);
  await expect(page.locator('.call-header')).toHaveCount(0);
}

test('a trace downloaded from a scripted run replays in a fresh emulator and the widget ends in the same state', async ({
  page,
  widgetUrl,
  control,
}) => {
  test.slow(); // two sign-ins and two full call panels on a shared machine
  const tokens = bearerTokens(page);
  await signIn(page, widgetUrl);
  const { conversationId, agentId } = await startCall(control, {
    customerName: 'Casey Caller',
    ani: 'tel:+15550100200',
    attributes: { tier: 'Silver', note: 'first call' },
  });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await muteButton(page).click();
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await holdButton(page).click();
  await expect(holdButton(page)).toHaveAttribute('aria-pressed', 'true');
  const before = await widgetState(page);
  expect(before).toMatchObject({
    status: 'held',
    muted: 'true',
    held: 'true',
    callDataKeys: ['note', 'tier'],
  });
  const legsBefore = await emulatorLegs(control);

  const { text, trace } = await downloadDiagnostics(page, true);
  keep('agent-call-mute-hold.trace.json', text);
  // No token, name, number, call data value or real id; attribute keys only because asked.
  expect(tokens.size).toBeGreaterThan(0);
  for (const secret of [
    ...tokens,
    'Casey',
    'Caller',
    '5550100200',
    'Silver',
    'first call',
    'Alice',
  ])
    expect(text).not.toContain(secret);
  for (const id of [conversationId, agentId, ALICE.id]) expect(text).not.toContain(id);
  expect(trace).toMatchObject({ version: 1, user: 'user-1', includesCallData: true });
  expect(trace.entries).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'link', status: 'live' }),
      expect.objectContaining({ type: 'frame', topic: 'v2.users.user-1.conversations.calls' }),
      expect.objectContaining({
        type: 'rest',
        method: 'PATCH',
        path: '/api/v2/conversations/calls/{conversationId}/participants/{participantId}',
        status: 202,
        correlationId: expect.any(String),
      }),
      expect.objectContaining({ type: 'intent', event: 'sent', values: { muted: true } }),
      expect.objectContaining({
        type: 'intent',
        event: 'change',
        field: 'held',
        value: true,
        ours: true,
      }),
    ]),
  );

  await freshWidget(page, widgetUrl, control);
  const result = await replayTrace(control, trace);
  expect(result).toMatchObject({ state: 'done', skipped: [] });
  await expect(page.getByRole('heading', { name: 'name-1', level: 2 })).toBeVisible();
  await expect.poll(() => widgetState(page)).toEqual(before);
  expect(await emulatorLegs(control)).toEqual(legsBefore);
});

test('a recorded REST failure replays: the same request meets the same 429, and the widget retries as it did', async ({
  page,
  widgetUrl,
  control,
}) => {
  test.slow();
  await signIn(page, widgetUrl);
  await startCall(control, { customerName: 'Casey Caller', ani: 'tel:+15550100200' });
  await expect(muteButton(page).and(page.locator(':enabled'))).toBeVisible();
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH_PARTICIPANT, status: 429, retryAfterSeconds: 1 },
  });
  const recorded = flagStatuses(page);
  await muteButton(page).click();
  // Refused, then sent again after Retry-After and confirmed.
  await expect.poll(() => recorded).toEqual([429, 202]);
  await expect(page.locator('.call-header .badge')).toHaveAttribute('data-status', 'muted');
  const { text, trace } = await downloadDiagnostics(page);
  keep('mute-rate-limited.trace.json', text);
  expect(trace.entries).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'rest', method: 'PATCH', status: 429, retryAfterSeconds: 1 }),
    ]),
  );

  await freshWidget(page, widgetUrl, control);
  const replayed = flagStatuses(page);
  const { failures } = await replayTrace(control, trace);
  // Every recorded API failure is armed: the 429, and the 403 Alice's queue lookup met.
  const apiFailures = trace.entries.filter(
    (e) => e.type === 'rest' && Number(e.status) >= 400 && String(e.path).startsWith('/api/v2/'),
  );
  expect(apiFailures.map((e) => e.status).sort()).toEqual([403, 429]);
  expect(failures).toBe(2);
  // The trace ends muted; the next mute/hold request the widget makes meets the recorded 429.
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await muteButton(page).click();
  await expect.poll(() => replayed).toEqual([429, 202]);
  await expect(page.locator('.call-header .badge')).toHaveAttribute('data-status', 'connected');
});

test('a trace from a real org becomes a regression test in one step (missed alerts, then after-call work)', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  await replayTrace(control, readTrace('emulator/traces/real-call-missed-alerts-acw.trace.json'));
  await expect(page.getByRole('heading', { name: 'name-1', level: 2 })).toBeVisible();
  const card = page.getByRole('article', { name: 'name-1' });
  await expect(card.locator('.call-header .badge')).toHaveAttribute('data-status', 'ended');
  await expect(card.getByRole('note')).toHaveText('The other party hung up.');
  // The recorded times replayed as they were: answered 13:14:23.200, ended 13:14:47.101.
  await expect(card.getByTestId('call-timer')).toHaveText('0:23');
  await expect(card.getByText('Queue Support')).toBeVisible();
});

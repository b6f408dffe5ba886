import type { Locator, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { aliceOnACall, expect, expectNoAxeViolations, muteButton, SAM, test } from './fixtures';

/**
 * Each lazy panel with its chunk's request failing (offline, or a new deployment that removed the
 * file the open widget asks for): the panel says so in its place, Mute keeps working (the call
 * controls sit outside every panel boundary), and once the network is back Retry loads it.
 * Chunks are found by their file name in the production build (`assets/<module>-<hash>.js`).
 */

const chunkUrl = (module: string) => new RegExp(`/assets/${module}-[\\w-]+\\.js(\\?.*)?$`);

interface PanelCase {
  name: string;
  /** The module whose chunk is blocked. */
  module: string;
  message: string;
  /** What shows once the panel has loaded. */
  loaded(page: Page): Locator;
  /** Makes the widget ask for the panel (most load with the call). */
  open?(page: Page): Promise<void>;
  /** Another panel that must stay on screen meanwhile. */
  beside(page: Page): Locator;
}

const participantsToggle = (page: Page) => page.getByRole('button', { name: /\d+ participants?$/ });

const PANELS: PanelCase[] = [
  {
    name: 'call data',
    module: 'call-data-panel',
    message: 'Call data couldn’t load',
    loaded: (page) => page.getByRole('heading', { name: 'Call data', level: 3 }),
    beside: (page) => page.getByRole('button', { name: 'Audit trail' }),
  },
  {
    name: 'playback',
    module: 'playback-panel',
    message: 'Playback couldn’t load',
    loaded: (page) => page.getByRole('button', { name: 'Play a prompt to the caller' }),
    // Its own boundary: a failing playback chunk leaves the audit trail alone.
    beside: (page) => page.getByRole('button', { name: 'Audit trail' }),
  },
  {
    name: 'audit trail',
    module: 'audit-panel',
    message: 'Audit trail couldn’t load',
    loaded: (page) => page.getByRole('button', { name: 'Audit trail' }),
    beside: (page) => page.getByRole('button', { name: 'Play a prompt to the caller' }),
  },
  {
    name: 'participants',
    module: 'participant-list',
    message: 'Participants couldn’t load',
    loaded: (page) => page.locator('.participants').getByRole('listitem').first(),
    open: (page) => participantsToggle(page).click(),
    beside: (page) => page.getByRole('heading', { name: 'Call data', level: 3 }),
  },
  {
    name: 'talking-while-muted',
    module: 'talking-while-muted',
    message: 'Talking-while-muted warning couldn’t load',
    loaded: (page) =>
      page
        .getByRole('meter', { name: 'Microphone level' })
        .or(page.getByRole('button', { name: 'Warn me if I talk while muted' })),
    beside: (page) => page.getByRole('heading', { name: 'Call data', level: 3 }),
  },
];

const failure = (page: Page, message: string) =>
  page.getByRole('alert').filter({ hasText: message });

/** The widget's own report of each panel failure on the console (React logs its own beside). */
function reportedFailures(page: Page): string[] {
  const reported: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Live Call Panel: the \w+ panel failed/.test(message.text()))
      reported.push(message.text());
  });
  return reported;
}

/** Mute works with a panel down: the click reaches Genesys Cloud (the emulator's state). */
async function muteStillWorks(page: Page, control: EmulatorControl, conversationId: string) {
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  await expect
    .poll(async () => {
      const { conversations } = await control.state();
      return conversations
        .find((c) => c.id === conversationId)
        ?.participants.find((p) => p.purpose === 'agent' && p.state === 'connected')?.muted;
    })
    .toBe(true);
}

for (const panel of PANELS) {
  test(`${panel.name}: a failing chunk says so in its place, Mute keeps working, Retry loads it once the network is back`, async ({
    page,
    widgetUrl,
    control,
  }) => {
    const blocked = chunkUrl(panel.module);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (blocked.test(request.url())) requests.push(request.url());
    });
    const reported = reportedFailures(page);
    await page.route(blocked, (route) => route.abort('internetdisconnected'));

    const { conversationId } = await aliceOnACall(page, widgetUrl, control);
    await panel.open?.(page);
    const alert = failure(page, panel.message);
    await expect(alert).toBeVisible();
    await expect(panel.loaded(page)).toHaveCount(0);
    await expect(panel.beside(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await muteStillWorks(page, control, conversationId);
    expect(reported).toHaveLength(1);

    // Still offline: Retry asks the network again, and says so again.
    const asked = requests.length;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => requests.length).toBeGreaterThan(asked);
    await expect(alert).toBeVisible();

    await page.unroute(blocked);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(panel.loaded(page)).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'couldn’t load' })).toHaveCount(0);
    await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  });
}

test('supervisor view: a failing chunk says so in its place, Mute works in My calls, Retry loads it once the network is back', async ({
  page,
  widgetUrl,
  control,
}) => {
  const blocked = chunkUrl('supervisor-view');
  const reported = reportedFailures(page);
  await page.route(blocked, (route) => route.abort('internetdisconnected'));
  // Signed in, the view asks for its chunk (the link goes live with the first topic a view needs).
  await page.goto(`${widgetUrl}?view=supervisor`);
  await page.getByLabel('Email').fill(SAM.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = failure(page, 'Supervisor view couldn’t load');
  await expect(alert).toBeVisible();
  await expectNoAxeViolations(page);

  // The supervisor's own call, in My calls, meanwhile.
  const call = await control.createCall({
    agentEmail: SAM.email,
    customerName: 'Casey Caller',
    ani: 'tel:+15550100200',
  });
  await page.getByRole('button', { name: 'My calls' }).click();
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(muteButton(page)).toBeEnabled();
  await muteStillWorks(page, control, call.conversationId);

  // Back in the view, the same failure again: said in place, not reported a second time.
  await page.getByRole('button', { name: 'Supervisor view' }).click();
  await expect(alert).toBeVisible();
  expect(reported).toHaveLength(1);
  await page.unroute(blocked);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'Live calls', level: 2 })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

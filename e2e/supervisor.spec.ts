import type { Browser, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import {
  ALICE,
  expect,
  expectNoAxeViolations,
  muteButton,
  SAM,
  signIn,
  test,
  trackApi,
} from './fixtures';

/**
 * The supervisor view (`?view=supervisor`), as Sam Supervisor: the chosen queues' live calls,
 * live; a call opened with monitor / coach / barge; and what the agent sees of each.
 */

const grid = (page: Page) => page.getByRole('grid', { name: 'Live calls in the chosen queues' });
const rowOf = (page: Page, conversationId: string) =>
  grid(page).locator(`[role="row"][data-conversation-id="${conversationId}"]`);
const detail = (page: Page) => page.getByRole('region', { name: /^Call from / });

async function samWatching(page: Page, widgetUrl: string, queues: string[]) {
  await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
  await expect(page.getByRole('heading', { name: 'Live calls', level: 2 })).toBeVisible();
  for (const queue of queues) await page.getByRole('checkbox', { name: queue }).check();
}

/** Alice on a call in Support; returns the call and her participant id. */
async function aliceCall(control: EmulatorControl) {
  const call = await control.createCall({
    agentEmail: ALICE.email,
    queue: 'Support',
    customerName: 'Casey Caller',
    ani: 'tel:+13175550142',
  });
  return { conversationId: call.conversationId, agentId: call.agentParticipantId! };
}

async function samId(control: EmulatorControl) {
  return (await control.state()).users.find((u) => u.email === SAM.email)!.id;
}

test('three calls on Support and one on Sales: the table shows the chosen queues’ calls', async ({
  page,
  widgetUrl,
  control,
}) => {
  const support = await control.createCalls({ count: 3, queue: 'Support' });
  const sales = await control.createCalls({ count: 1, queue: 'Sales' });
  await samWatching(page, widgetUrl, ['Support']);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '4');
  for (const id of support.conversationIds) {
    await expect(rowOf(page, id)).toContainText('Support');
    await expect(rowOf(page, id)).toContainText(/Agent 00[1-3]/);
    await expect(rowOf(page, id)).toContainText(/\+1 ••• ••• \d{4}/);
    await expect(rowOf(page, id)).toContainText('Connected');
  }
  await expect(rowOf(page, sales.conversationIds[0]!)).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Sales' }).check();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '5');
  await expect(rowOf(page, sales.conversationIds[0]!)).toContainText('Sales');
  const live = (await control.activeState()).conversations.map((c) => c.id).sort();
  const shown = await grid(page)
    .locator('[role="row"][data-conversation-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')).sort());
  expect(shown).toEqual(live);
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');
});

test('a new call appears and an ended one leaves, live, without reading either call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const first = await aliceCall(control);
  await samWatching(page, widgetUrl, ['Support']);
  await expect(rowOf(page, first.conversationId)).toBeVisible();
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');
  const api = trackApi(page);

  const [second] = (await control.createCalls({ count: 1, queue: 'Support' })).conversationIds;
  await expect(rowOf(page, second!)).toContainText('Agent 001');
  await control.hangup(first.conversationId);
  await expect(rowOf(page, first.conversationId)).toHaveCount(0);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '2');

  // Both changes came over the socket: no call was read over REST.
  expect(api.requests.filter((r) => r.path.startsWith('/api/v2/conversations'))).toEqual([]);
  const state = await control.activeState();
  expect(state.conversations.map((c) => c.id)).toEqual([second]);
});

test('a mute made by the agent shows in the row, as changed outside this panel', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceCall(control);
  await samWatching(page, widgetUrl, ['Support']);
  const row = rowOf(page, conversationId);
  await expect(row).toHaveAttribute('data-muted', 'false');
  await expect(row).toContainText('Alice Agent');

  await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });
  await expect(row).toHaveAttribute('data-muted', 'true');
  await expect(row.getByRole('gridcell').nth(5)).toContainText(/Muted\s*Outside this panel, \d/);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});

test('after the link drops, a row is marked "as of" until its call is read again; a failed read is retried', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceCall(control);
  const [quiet] = (await control.createCalls({ count: 1, queue: 'Support' })).conversationIds;
  await samWatching(page, widgetUrl, ['Support']);
  const changed = rowOf(page, conversationId);
  const unchanged = rowOf(page, quiet!);
  await expect(changed).toHaveAttribute('data-muted', 'false');
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');
  await expect(grid(page).locator('[data-as-of]')).toHaveCount(0);

  // Both calls' next reads fail once (503), and the API is slow enough that the mute below lands
  // while the link is down: no event will carry it.
  await control.faults({
    latencyMs: 600,
    failNext: [conversationId, quiet!].map((id) => ({
      method: 'GET',
      path: `/api/v2/conversations/${id}`,
      status: 503,
    })),
  });
  await control.faults({ dropSockets: true });
  await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });

  // Back live, the quiet call's read failed: its row says what it shows is as of a time.
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await expect(unchanged).toHaveAttribute('data-as-of', 'true');
  await expect(unchanged.getByTestId('row-as-of')).toHaveText(/^as of \d{1,2}:\d{2}/);
  await expect(unchanged.getByTestId('row-as-of')).toHaveAttribute(
    'title',
    /being read again now that the link is back/,
  );
  await control.faults({ latencyMs: 0 });

  // The retries land: every row current, the mute made during the gap shown, nothing marked.
  await expect(changed).toHaveAttribute('data-muted', 'true');
  await expect(grid(page).locator('[data-as-of]')).toHaveCount(0);
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
  expect((await control.state()).faults.failNext).toEqual([]);
});

test('a call that cannot be read is said so, not "Reading…" for ever; its next change brings it', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceCall(control);
  await control.faults({
    failNext: {
      method: 'GET',
      path: `/api/v2/conversations/${conversationId}`,
      status: 403,
      code: 'not.authorized',
    },
  });
  await samWatching(page, widgetUrl, ['Support']);
  const row = rowOf(page, conversationId);
  await expect(row).toContainText('Couldn’t read');
  await expect(row).not.toContainText('Reading…');
  await expect(page.getByTestId('supervisor-unreadable')).toHaveText('1 call could not be read');
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');

  await control.setParticipant(conversationId, agentId, { held: true, actor: 'genesys-ui' });
  await expect(row).toHaveAttribute('data-held', 'true');
  await expect(row).not.toContainText('Couldn’t read');
  await expect(page.getByTestId('supervisor-unreadable')).toHaveCount(0);
  expect((await control.participant(conversationId, 'agent')).held).toBe(true);
});

const MODES = [
  {
    mode: 'monitor',
    button: 'Monitor',
    role: 'Supervisor (monitoring)',
    field: 'monitoredParticipantId',
  },
  { mode: 'coach', button: 'Coach', role: 'Supervisor (coaching)', field: 'coachedParticipantId' },
  {
    mode: 'barge',
    button: 'Barge in',
    role: 'Supervisor (barged in)',
    field: 'bargedParticipantId',
  },
] as const;

for (const { mode, button, role, field } of MODES) {
  test(`${mode}: one POST puts Sam on the call as the right participant, shown in the call`, async ({
    page,
    widgetUrl,
    control,
  }) => {
    const { conversationId, agentId } = await aliceCall(control);
    await samWatching(page, widgetUrl, ['Support']);
    await rowOf(page, conversationId).click();
    await expect(detail(page)).toBeVisible();
    const api = trackApi(page);
    await detail(page).getByRole('button', { name: button, exact: true }).click();

    await expect(detail(page).getByText('Sam Supervisor (you)')).toBeVisible();
    await expect(
      detail(page).getByText(new RegExp(`^${role.replace(/[()]/g, '\\$&')} · connected`)),
    ).toBeVisible();
    await expect(detail(page).getByRole('button', { name: button, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(api.requests.filter((r) => r.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: `/api/v2/conversations/calls/${conversationId}/participants/${agentId}/${mode}`,
      },
    ]);
    const sam = await samId(control);
    const legs = (await control.state()).conversations
      .find((c) => c.id === conversationId)!
      .participants.filter((p) => p.user?.id === sam);
    expect(legs).toHaveLength(1);
    expect(legs[0]).toMatchObject({ purpose: 'user', state: 'connected', [field]: agentId });
  });
}

test('a forced 403 on monitor is explained, and nothing joins the call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceCall(control);
  await samWatching(page, widgetUrl, ['Support']);
  await rowOf(page, conversationId).click();
  await control.faults({
    failNext: {
      method: 'POST',
      path: '/api/v2/conversations/calls/*/participants/*/monitor',
      status: 403,
      code: 'missing.any.permissions',
      message:
        'Unable to perform the requested action. You are missing the following permission(s): [conversation:call:monitor]',
    },
  });
  await detail(page).getByRole('button', { name: 'Monitor', exact: true }).click();
  await expect(detail(page).getByRole('alert')).toHaveText(
    /^Couldn’t start monitoring: your Genesys Cloud role doesn’t allow it\./,
  );
  await expect(detail(page).getByRole('button', { name: 'Monitor', exact: true })).toBeEnabled();
  const sam = await samId(control);
  const call = (await control.state()).conversations.find((c) => c.id === conversationId)!;
  expect(call.participants.filter((p) => p.user?.id === sam)).toEqual([]);
});

test('as an agent the supervisor view explains itself and offers no monitor, coach or barge', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceCall(control);
  await signIn(page, widgetUrl, ALICE.email, '?view=supervisor');
  await expect(
    page.getByRole('heading', { name: 'The supervisor view isn’t available to you' }),
  ).toBeVisible();
  await expect(page.getByText(/analytics:queueObservation:view/)).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  for (const name of ['Monitor', 'Coach', 'Barge in'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Back to my calls' }).click();
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Supervisor view' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Monitor|Coach|Barge/ })).toHaveCount(0);
});

test('the header offers the view to a supervisor; the chosen queues last the browser session', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceCall(control);
  await signIn(page, widgetUrl, SAM.email);
  await page.getByRole('button', { name: 'Supervisor view' }).click();
  await page.getByRole('checkbox', { name: 'Support' }).check();
  await expect(rowOf(page, conversationId)).toBeVisible();
  await page.getByRole('button', { name: 'My calls' }).click();
  await expect(page.getByRole('grid')).toHaveCount(0);

  // A reload in the same tab: the emulator's login session signs Sam straight back in.
  await page.goto(`${widgetUrl}?view=supervisor`);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  const picker = page.getByRole('button', { name: /1 queue watched/ });
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await picker.click();
  await expect(page.getByRole('checkbox', { name: 'Support' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Sales' })).not.toBeChecked();
  await expect(rowOf(page, conversationId)).toBeVisible();
  const channel = (await control.state()).channels.find((c) => c.connected);
  expect(channel?.topics).toContain(
    `v2.routing.queues.${(await control.state()).queues.find((q) => q.name === 'Support')!.id}.conversations.calls`,
  );
});

test('keyboard: arrows move between cells, Enter opens the call; the view is axe clean', async ({
  page,
  widgetUrl,
  control,
}) => {
  // Two axe scans of the whole grid: on a loaded 2-core machine this outgrows 30 s.
  test.slow();
  await control.createCalls({ count: 3, queue: 'Support' });
  await samWatching(page, widgetUrl, ['Support']);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '4');
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');
  await expectNoAxeViolations(page);

  const cells = grid(page).getByRole('gridcell');
  await cells.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(cells.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const focusedRow = page.locator('[role="row"]:has([role="gridcell"]:focus)');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: /^Caller/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const id = await focusedRow.getAttribute('data-conversation-id');
  await page.keyboard.press('Enter');
  await expect(detail(page)).toHaveAttribute('data-conversation-id', id!);
  await expect(detail(page).getByRole('heading', { level: 3 })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(detail(page)).toHaveCount(0);
});

test.describe('the agent’s own panel while Sam supervises', () => {
  async function aliceAndSam(
    page: Page,
    browser: Browser,
    widgetUrl: string,
    control: EmulatorControl,
  ) {
    const context = await browser.newContext();
    const alice = await context.newPage();
    await signIn(alice, widgetUrl, ALICE.email);
    const call = await aliceCall(control);
    await expect(alice.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
    await samWatching(page, widgetUrl, ['Support']);
    await rowOf(page, call.conversationId).click();
    return { alice, context, ...call };
  }

  const SHOWN = [
    {
      what: 'coaching',
      button: 'Coach',
      note: 'Sam Supervisor is coaching you: they hear the call and can speak to you.',
    },
    {
      what: 'a barge-in',
      button: 'Barge in',
      note: 'Sam Supervisor has joined the call: everyone hears them.',
    },
  ] as const;

  for (const { what, button, note } of SHOWN) {
    test(`shows ${what} with the supervisor’s name`, async ({
      page,
      browser,
      widgetUrl,
      control,
    }) => {
      const { alice, context } = await aliceAndSam(page, browser, widgetUrl, control);
      await detail(page).getByRole('button', { name: button, exact: true }).click();
      await expect(alice.getByRole('note')).toHaveText(note);
      await context.close();
    });
  }

  test('never shows a silent monitor', async ({ page, browser, widgetUrl, control }) => {
    const { alice, context, conversationId, agentId } = await aliceAndSam(
      page,
      browser,
      widgetUrl,
      control,
    );
    const summary = alice.getByRole('button', { name: /\d participants?/ });
    const before = await summary.textContent();
    await detail(page).getByRole('button', { name: 'Monitor', exact: true }).click();
    await expect(detail(page).getByText('Sam Supervisor (you)')).toBeVisible();
    const sam = await samId(control);
    const call = (await control.state()).conversations.find((c) => c.id === conversationId)!;
    expect(
      call.participants.some((p) => p.user?.id === sam && p.monitoredParticipantId === agentId),
    ).toBe(true);
    // A later change reaches Alice's panel after the monitor's snapshot (events are ordered).
    await control.setParticipant(conversationId, agentId, { muted: true, actor: 'genesys-ui' });
    await expect(muteButton(alice)).toHaveAttribute('aria-pressed', 'true');
    await expect(alice.getByRole('note')).toHaveCount(0);
    await expect(summary).toHaveText(before!);
    await summary.click();
    await expect(alice.getByText('Alice Agent (you)')).toBeVisible();
    await expect(alice.getByText(/Sam Supervisor/)).toHaveCount(0);
    await context.close();
  });
});

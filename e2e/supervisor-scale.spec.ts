import type { Page } from '@playwright/test';
import type { EmulatorParticipant, EmulatorState } from '../emulator/control-client.js';
import { expect, SAM, signIn, test } from './fixtures';

/**
 * The supervisor view at scale: 500 live calls and the emulator's load generator at 20 events/s
 * for 30 s. Afterwards (load stopped, every call read, a moment to settle) the table must equal
 * the emulator's state row for row. Rows are read from the rendered grid by scrolling its
 * virtual list, so what is compared is what a supervisor sees.
 */

interface ShownRow {
  agent: string;
  queue: string;
  state: string;
  muted: string;
  held: string;
}

const ended = (p: EmulatorParticipant) => p.state === 'terminated' || p.state === 'disconnected';
const RINGING = ['alerting', 'offering', 'dialing', 'contacting'];

/** What each live call's row must say, from the emulator's own state (the test's oracle). */
function expectedRows(state: EmulatorState): Record<string, ShownRow> {
  const users = new Map(state.users.map((u) => [u.id, u.name]));
  const queues = new Map(state.queues.map((q) => [q.id, q.name]));
  const rows: Record<string, ShownRow> = {};
  for (const call of state.conversations.filter((c) => !c.ended)) {
    const legs = [...call.participants].reverse();
    const agent = legs.find((p) => p.purpose === 'agent' && !ended(p));
    const queueId = legs.find((p) => p.purpose === 'acd' && p.queue?.id)?.queue?.id;
    const rowState = agent
      ? RINGING.includes(agent.state)
        ? 'ringing'
        : agent.state === 'connected'
          ? agent.held
            ? 'held'
            : 'connected'
          : 'other'
      : legs.some((p) => p.purpose === 'ivr' && !ended(p))
        ? 'inFlow'
        : legs.some((p) => p.purpose === 'acd' && !ended(p))
          ? 'waiting'
          : 'other';
    rows[call.id] = {
      agent: agent ? (users.get(agent.user?.id ?? '') ?? '?') : 'No agent yet',
      queue: (queueId && queues.get(queueId)) || '?',
      state: rowState,
      muted: agent ? String(agent.muted) : 'unknown',
      held: agent ? String(agent.held) : 'unknown',
    };
  }
  return rows;
}

/** Scrolls the virtual list from top to bottom, collecting every rendered row once. */
async function shownRows(page: Page): Promise<Record<string, ShownRow>> {
  return page.getByTestId('supervisor-scroller').evaluate(async (scroller) => {
    const frames = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rows: Record<string, ShownRow> = {};
    for (let top = 0; ; top += Math.max(1, Math.floor(scroller.clientHeight / 2))) {
      scroller.scrollTop = top;
      await frames();
      for (const row of scroller.querySelectorAll<HTMLElement>('[role="row"]')) {
        const cells = row.querySelectorAll('[role="gridcell"]');
        rows[row.dataset.conversationId ?? '?'] = {
          agent: cells[0]?.textContent ?? '',
          queue: cells[2]?.textContent ?? '',
          state: row.dataset.state ?? '',
          muted: row.dataset.muted ?? '',
          held: row.dataset.held ?? '',
        };
      }
      if (top + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    scroller.scrollTop = 0;
    await frames();
    return rows;
  });
}

test('500 live calls under 20 events/s for 30 s: the table then equals the emulator row for row', async ({
  page,
  widgetUrl,
  control,
}) => {
  test.setTimeout(300_000);
  await control.createCalls({ count: 500 });
  await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
  await page.getByRole('checkbox', { name: 'Support' }).check();
  await page.getByRole('checkbox', { name: 'Sales' }).check();
  const grid = page.getByRole('grid', { name: 'Live calls in the chosen queues' });
  await expect(grid).toHaveAttribute('aria-rowcount', '501', { timeout: 20_000 });

  await control.startLoad({ eventsPerSecond: 20, seconds: 30, seed: 11 });
  await expect
    .poll(async () => (await control.loadStatus()).running, { timeout: 60_000, intervals: [1000] })
    .toBe(false);
  const load = await control.loadStatus();
  expect(load.performed).toBeGreaterThanOrEqual(550);

  // Every call read in full (the snapshot's reads are capped per minute), then a moment to settle.
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0', {
    timeout: 180_000,
  });
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

  // The load has ended, so the emulator's state is final: the table comes to equal it once the
  // last events and name lookups land.
  const expected = expectedRows(await control.activeState());
  await expect(grid).toHaveAttribute('aria-rowcount', String(Object.keys(expected).length + 1));
  await expect.poll(() => shownRows(page), { timeout: 30_000 }).toEqual(expected);

  // Spot checks of rows on screen: the caller's number, masked, ends as the emulator's does.
  const state = await control.activeState();
  for (const row of await grid
    .locator('[role="row"][data-conversation-id]')
    .all()
    .then((r) => r.slice(0, 3))) {
    const id = await row.getAttribute('data-conversation-id');
    const customer = state.conversations
      .find((c) => c.id === id)!
      .participants.find((p) => p.purpose === 'customer')!;
    const digits = (customer.ani ?? '').replace(/\D/g, '');
    await expect(row.getByRole('gridcell').nth(1)).toHaveText(`+1 ••• ••• ${digits.slice(-4)}`);
    await expect(row.getByRole('gridcell').nth(0)).not.toHaveText('Looking up…');
  }
});

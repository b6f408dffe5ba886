import { expectedRows, shownRows } from './support/supervisor-grid';
import { expect, SAM, signIn, test } from './fixtures';

/**
 * The supervisor view at scale: 500 live calls and the emulator's load generator at 20 events/s
 * for 30 s. Afterwards (load stopped, every call read, a moment to settle) the table must equal
 * the emulator's state row for row. Rows are read from the rendered grid by scrolling its
 * virtual list, so what is compared is what a supervisor sees.
 */

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

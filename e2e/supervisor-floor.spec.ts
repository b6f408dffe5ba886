import { checkEveryQueue, expectedRows, shownRows } from './support/supervisor-grid';
import { expect, expectNoAxeViolations, SAM, signIn, test } from './fixtures';

/**
 * A larger floor: 2,000 live calls over 20 queues (Support, Sales and 18 generated ones) and the
 * emulator's load generator at 50 events/s for 60 s. Once the load has stopped and every call has
 * been read, the grid must equal the emulator's state row for row (read by scrolling the virtual
 * list). The timings of this floor are the benchmark's (bench/floor-probe.ts), not asserted here.
 */
test('2,000 live calls over 20 queues under 50 events/s: the grid then equals the emulator row for row', async ({
  page,
  widgetUrl,
  control,
}) => {
  test.setTimeout(200_000);
  test.slow();
  const { queues } = await control.addQueues({ count: 18 });
  expect(queues).toHaveLength(20);
  await control.createCalls({ count: 2000 });
  await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
  await expect(page.getByRole('checkbox')).toHaveCount(20);
  await checkEveryQueue(page);
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(20);
  const grid = page.getByRole('grid', { name: 'Live calls in the chosen queues' });
  await expect(grid).toHaveAttribute('aria-rowcount', '2001', { timeout: 60_000 });

  await control.startLoad({ eventsPerSecond: 50, seconds: 60, seed: 21 });
  await expect
    .poll(async () => (await control.loadStatus()).running, { timeout: 120_000, intervals: [1000] })
    .toBe(false);
  expect((await control.loadStatus()).performed).toBeGreaterThanOrEqual(2500);

  // Every call read in full (the reads share the widget's request budget), then a moment to settle.
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0', {
    timeout: 360_000,
  });
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

  const expected = expectedRows(await control.activeState());
  expect(Object.keys(expected).length).toBeGreaterThan(1900);
  await expect(grid).toHaveAttribute('aria-rowcount', String(Object.keys(expected).length + 1));
  await expect.poll(() => shownRows(page), { timeout: 60_000 }).toEqual(expected);
  await expectNoAxeViolations(page);
});

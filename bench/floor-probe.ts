import type { Browser, Request } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { SAM, signIn } from '../e2e/support/session.js';
import {
  checkEveryQueue,
  expectedRows,
  mismatchedRows,
  shownRows,
} from '../e2e/support/supervisor-grid.js';
import type { BenchRow } from './budgets.js';
import { summarize } from './stats.js';
import { start, stop, SUPERVISOR_INSTRUMENT } from './supervisor-probe.js';

/**
 * A larger floor (issue 21, point 7): 2,000 live calls over 20 queues, every queue chosen, then
 * the emulator's load generator at 50 events/s for 60 s. Measured inside the page: long tasks
 * (`longtask`, every task over 50 ms) and frame times while the load runs; from the first queue
 * checked to the first snapshot rows shown and to every call listed; the REST requests of the
 * full read per minute (the widget's budget is 270 a minute) and its "calls left to read" line
 * over time until it says every call was read; at the end the grid against the emulator, row
 * for row.
 */
export interface FloorProbeOptions {
  calls?: number;
  queues?: number;
  eventsPerSecond?: number;
  seconds?: number;
  seed?: number;
  /** Records a Chromium performance trace of the first 20 s of the load to this file. */
  tracePath?: string;
}

export interface FloorProbeResult {
  liveCalls: number;
  queues: number;
  firstRowsMs: number;
  allListedMs: number;
  initial: { longTasks: number; longestTaskMs: number };
  load: {
    longTasks: number;
    longestTaskMs: number;
    frameMs: ReturnType<typeof summarize>;
    eventsPerformed: number;
  };
  read: {
    msToAllRead: number;
    requests: number;
    /** The most REST requests the widget sent in any 60 s from the first queue checked. */
    maxPerMinute: number;
    rateLimited: number;
    /** The "left to read" line every second: ms since the first check, calls left. */
    progress: [number, number][];
  };
  gridRows: number;
  gridMismatches: number;
}

const maxInAnyMinute = (unordered: readonly number[]) => {
  const times = [...unordered].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[i]! - times[j]! >= 60_000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

export async function probeFloor(
  browser: Browser,
  urls: { emulatorUrl: string; widgetUrl: string },
  options: FloorProbeOptions = {},
): Promise<FloorProbeResult> {
  const { calls = 2000, queues = 20, eventsPerSecond = 50, seconds = 60, seed = 21 } = options;
  const control = new EmulatorControl(urls.emulatorUrl);
  await control.reset();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.addInitScript(SUPERVISOR_INSTRUMENT);
    await control.addQueues({ count: queues - 2 });
    await control.createCalls({ count: calls });
    const liveCalls = (await control.activeState()).conversations.length;

    await signIn(page, urls.widgetUrl, SAM.email, '?view=supervisor');
    await page
      .locator('.supervisor-queue-list input[type=checkbox]')
      .nth(queues - 1)
      .waitFor();
    const sent: number[] = [];
    let rateLimited = 0;
    // When the browser started each request (its own clock, not when the event reached us).
    const stamp = (request: Request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v2/'))
        sent.push(request.timing().startTime);
    };
    page.on('requestfinished', stamp);
    page.on('requestfailed', stamp);
    page.on('response', (response) => {
      if (response.status() === 429) rateLimited += 1;
    });
    await start(page);
    const chosenAt = Date.now();
    // Watches every frame from before the first check for the first rows the grid shows.
    await page.evaluate(() => {
      const w = window as unknown as { __firstRowsAt?: number };
      const check = () => {
        const rows = Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount'));
        if (rows > 1 && document.querySelector('[role="row"][data-conversation-id]'))
          w.__firstRowsAt = performance.timeOrigin + performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const pageChosenAt = await checkEveryQueue(page);
    const rowsAt = await page
      .waitForFunction(() => (window as unknown as { __firstRowsAt?: number }).__firstRowsAt)
      .then((handle) => handle.jsonValue() as Promise<number>);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')) > n,
      liveCalls,
    );
    const allListedMs = Date.now() - chosenAt;
    const initial = await stop(page);

    const progress: [number, number][] = [];
    const left = () =>
      page.getByTestId('supervisor-reading').getAttribute('data-left').then(Number);
    const sampler = setInterval(() => {
      void left()
        .then((n) => progress.push([Date.now() - chosenAt, n]))
        .catch(() => undefined);
    }, 1000);
    let msToAllRead = NaN;
    try {
      await start(page);
      await control.startLoad({ eventsPerSecond, seconds, seed });
      if (options.tracePath) {
        await browser.startTracing(page, {
          path: options.tracePath,
          categories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-v8.cpu_profiler',
            'v8.execute',
          ],
        });
        await page.waitForTimeout(Math.min(seconds, 20) * 1000);
        await browser.stopTracing();
        await page.waitForTimeout(Math.max(0, seconds - 20) * 1000);
      } else await page.waitForTimeout(seconds * 1000);
      const during = await stop(page);
      const load = await control.stopLoad();
      await page.getByTestId('supervisor-reading').and(page.locator('[data-left="0"]')).waitFor();
      msToAllRead = Date.now() - chosenAt;
      clearInterval(sampler);
      const readRequests = sent.filter((t) => t >= chosenAt);

      const expected = expectedRows(await control.activeState());
      // The last events and name lookups land: compare until equal, for up to 30 s.
      let mismatches = mismatchedRows(expected, await shownRows(page));
      for (let tries = 0; mismatches.length > 0 && tries < 10; tries += 1) {
        await page.waitForTimeout(3000);
        mismatches = mismatchedRows(expected, await shownRows(page));
      }
      return {
        liveCalls,
        queues,
        firstRowsMs: rowsAt - pageChosenAt,
        allListedMs,
        initial: {
          longTasks: initial.tasks.length,
          longestTaskMs: Math.max(0, ...initial.tasks),
        },
        load: {
          longTasks: during.tasks.length,
          longestTaskMs: Math.max(0, ...during.tasks),
          frameMs: summarize(during.frames),
          eventsPerformed: load.performed,
        },
        read: {
          msToAllRead,
          requests: readRequests.length,
          maxPerMinute: maxInAnyMinute(readRequests),
          rateLimited,
          progress,
        },
        gridRows: Object.keys(expected).length,
        gridMismatches: mismatches.length,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await control.stopLoad().catch(() => undefined);
    await context.close();
    await control.reset();
  }
}

const single = (value: number) => ({ n: 1, median: value, p95: value, max: value });

/** The floor's rows of the bench table (budgets in bench/budgets.ts). */
export function floorRows(floor: FloorProbeResult): BenchRow[] {
  const at = `${floor.liveCalls} calls, ${floor.queues} queues`;
  return [
    {
      id: 'floorFirstRowsMs',
      metric: `Floor (${at}): queues chosen → first snapshot rows shown (ms; all listed ${floor.allListedMs})`,
      ...single(floor.firstRowsMs),
    },
    {
      id: 'floorInitialLongTasks',
      metric: `Floor (${at}): first snapshot, main-thread tasks over 50 ms (longest ${Math.round(floor.initial.longestTaskMs)})`,
      ...single(floor.initial.longTasks),
    },
    {
      id: 'floorLoadLongTasks',
      metric: `Floor (${at}) at 50 events/s: main-thread tasks over 50 ms (longest ${Math.round(floor.load.longestTaskMs)})`,
      ...single(floor.load.longTasks),
    },
    {
      id: 'floorFrameMs',
      metric: `Floor (${at}) at 50 events/s: frame time (ms)`,
      ...floor.load.frameMs,
    },
    {
      id: 'floorReadPerMinute',
      metric: `Floor: REST requests seen on the wire in any 60 s of the full read (${floor.read.requests} in all)`,
      ...single(floor.read.maxPerMinute),
    },
    {
      id: 'floorRateLimited',
      metric: 'Floor: REST requests refused with 429 during the full read',
      ...single(floor.read.rateLimited),
    },
    {
      id: 'floorAllReadMs',
      metric: `Floor: queues chosen → "every call read" shown (ms)`,
      ...single(floor.read.msToAllRead),
    },
    {
      id: 'floorGridMismatches',
      metric: `Floor: grid rows unlike the emulator's at the end (of ${floor.gridRows})`,
      ...single(floor.gridMismatches),
    },
  ];
}

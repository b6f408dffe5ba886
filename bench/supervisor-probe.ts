import type { Browser, Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { summarize } from './stats.js';
import { SAM, signIn } from '../e2e/support/session.js';

/**
 * The supervisor view's budget (product brief: "Supervisor view with 500 live calls and
 * 20 events/s: no main-thread task over 50 ms"), measured inside the page: long tasks from a
 * `PerformanceObserver` (`longtask`, which reports every task over 50 ms) and frame times from
 * `requestAnimationFrame` deltas, while the emulator's load generator runs; plus the REST
 * requests the initial snapshot took (activity query pages and call reads).
 */

export interface SupervisorProbeOptions {
  calls?: number;
  eventsPerSecond?: number;
  seconds?: number;
  seed?: number;
  /** How long to wait for the snapshot to have read every call (its reads are capped per minute). */
  snapshotTimeoutMs?: number;
}

export interface SupervisorProbeResult {
  liveCalls: number;
  /** While the load ran. */
  load: {
    longestTaskMs: number;
    longTasks: number;
    frames: number;
    frameMs: ReturnType<typeof summarize>;
    eventsPerformed: number;
  };
  /** From choosing the queues until the table first held every call. */
  initial: { longestTaskMs: number; longTasks: number; msToRows: number };
  snapshot: { activityPages: number; callReads: number; total: number; msToComplete: number };
  /** Once every call was read: REST requests per minute while the load runs again. */
  steadyRequestsPerMinute: number;
}

/** Runs in the page before the widget: collects long tasks and frame deltas between marks. */
export const SUPERVISOR_INSTRUMENT = () => {
  const state = { tasks: [] as number[], frames: [] as number[], from: 0, measuring: false };
  (window as unknown as { __supervisorBench: unknown }).__supervisorBench = {
    start() {
      state.tasks = [];
      state.frames = [];
      state.measuring = true;
      let last = performance.now();
      const tick = (now: number) => {
        if (!state.measuring) return;
        state.frames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stop() {
      state.measuring = false;
      return { tasks: state.tasks, frames: state.frames };
    },
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
};

export interface Marks {
  tasks: number[];
  frames: number[];
}
export const start = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __supervisorBench: { start(): void } }).__supervisorBench.start(),
  );
export const stop = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __supervisorBench: { stop(): Marks } }).__supervisorBench.stop(),
  );

/** Counts the snapshot's REST requests: activity query pages and generic call reads. */
function countSnapshotRequests(page: Page) {
  const counts = { activityPages: 0, callReads: 0 };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'POST' && path === '/api/v2/analytics/conversations/activity/query')
      counts.activityPages += 1;
    if (request.method() === 'GET' && /^\/api\/v2\/conversations\/[0-9a-f-]{36}$/.test(path))
      counts.callReads += 1;
  });
  return counts;
}

/**
 * Signs Sam Supervisor in to the supervisor view with `calls` live calls in Support and Sales,
 * runs the load generator, and measures. Leaves the emulator's calls in place (no reset) and
 * stops the load it started.
 *
 * @example
 * const result = await probeSupervisor(browser, { emulatorUrl, widgetUrl });
 * console.log(result.load.longestTaskMs, result.snapshot.total);
 */
export async function probeSupervisor(
  browser: Browser,
  urls: { emulatorUrl: string; widgetUrl: string },
  options: SupervisorProbeOptions = {},
): Promise<SupervisorProbeResult> {
  const { calls = 500, eventsPerSecond = 20, seconds = 30, seed = 7 } = options;
  const control = new EmulatorControl(urls.emulatorUrl);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(options.snapshotTimeoutMs ?? 240_000);
    // tsx keeps function names with a `__name` helper; functions sent to the page need it too.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.addInitScript(SUPERVISOR_INSTRUMENT);
    await control.createCalls({ count: calls });
    const liveCalls = (await control.activeState()).conversations.length;
    const requests = countSnapshotRequests(page);

    await signIn(page, urls.widgetUrl, SAM.email, '?view=supervisor');
    await start(page);
    const chosenAt = Date.now();
    await page.getByRole('checkbox', { name: 'Support' }).check();
    await page.getByRole('checkbox', { name: 'Sales' }).check();
    const grid = page.getByRole('grid', { name: 'Live calls in the chosen queues' });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')) > n,
      liveCalls - 1,
    );
    const msToRows = Date.now() - chosenAt;
    const initial = await stop(page);

    await start(page);
    await control.startLoad({ eventsPerSecond, seconds, seed });
    await page.waitForTimeout(seconds * 1000);
    const during = await stop(page);
    const load = await control.stopLoad();

    await page
      .getByTestId('supervisor-reading')
      .and(page.locator('[data-left="0"]'))
      .waitFor({ timeout: options.snapshotTimeoutMs ?? 240_000 });
    const msToComplete = Date.now() - chosenAt;
    await grid.waitFor();

    // Steady state: every call read; the same load again, every REST request counted.
    let steady = 0;
    const countRest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname.startsWith('/api/v2/')) steady += 1;
    };
    page.on('request', countRest);
    await control.startLoad({ eventsPerSecond, seconds, seed: seed + 1 });
    await page.waitForTimeout(seconds * 1000);
    await control.stopLoad();
    page.off('request', countRest);

    return {
      liveCalls,
      load: {
        longestTaskMs: Math.max(0, ...during.tasks),
        longTasks: during.tasks.length,
        frames: during.frames.length,
        frameMs: summarize(during.frames),
        eventsPerformed: load.performed,
      },
      initial: {
        longestTaskMs: Math.max(0, ...initial.tasks),
        longTasks: initial.tasks.length,
        msToRows,
      },
      snapshot: { ...requests, total: requests.activityPages + requests.callReads, msToComplete },
      steadyRequestsPerMinute: (steady * 60) / seconds,
    };
  } finally {
    await control.stopLoad().catch(() => undefined);
    await context.close();
  }
}

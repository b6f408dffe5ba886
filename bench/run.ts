import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.js';
import { startStack } from '../scripts/stack.js';
import { initialCssGzipBytes, initialJsGzipBytes, lazyChunks } from './bundle-size.js';
import {
  CLICK_PROBE,
  INSTRUMENT,
  NOTIFICATION_PROBE,
  RECONCILE_PROBE,
  type ProbeArgs,
} from './page-probes.js';
import { micRows, runMicBench } from './mic-probe.js';
import { summarize } from './stats.js';
import { probeInstances } from './instances-probe.js';
import { probeShift } from './shift-probe.js';
import { probeSupervisor } from './supervisor-probe.js';
import { onACall } from '../e2e/support/session.js';

/**
 * `npm run bench`: the product budgets that the agent panel has today, measured against the
 * local emulator in the system Chromium (production build). Timings come from inside the page.
 * Results print as a table and go to bench-results/latest.json.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 20_000);
const OUT_DIR = 'node_modules/.bench-dist';

const stack = await startStack({ mode: 'preview', demo: false, outDir: OUT_DIR });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const control = new EmulatorControl(stack.emulatorUrl);
  const page = await browser.newPage();
  // tsx keeps function names with a `__name` helper; functions sent to the page need it too.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(INSTRUMENT);
  page.setDefaultTimeout(120_000);
  const call = await onACall(page, stack.widgetUrl, control, { customerName: 'Bench Caller' });
  const args: ProbeArgs = { emulatorUrl: stack.emulatorUrl, ...call, rounds: ROUNDS };

  const clicks = await page.evaluate(CLICK_PROBE, args);
  const notifications = await page.evaluate(NOTIFICATION_PROBE, args);

  let restWhileIdle = 0;
  const countRest = (request: { url(): string }) => {
    if (new URL(request.url()).pathname.startsWith('/api/v2/')) restWhileIdle += 1;
  };
  page.on('request', countRest);
  await page.waitForTimeout(IDLE_MS);
  page.off('request', countRest);

  const reconcile = await page.evaluate(RECONCILE_PROBE, { ...args, rounds: Math.min(ROUNDS, 12) });
  const bundle = initialJsGzipBytes(OUT_DIR);
  const css = initialCssGzipBytes(OUT_DIR);
  const lazy = lazyChunks(OUT_DIR, bundle.files);

  // --- Talking-while-muted meter (bench/mic-probe.ts): Bob muted, his own browser hearing speech. ---
  const mic = await runMicBench({ widgetUrl: stack.widgetUrl, control });

  // --- Supervisor view (bench/supervisor-probe.ts): 500 live calls, 20 events/s for 30 s. ---
  const supervisor = await probeSupervisor(browser, stack);

  // --- Interaction widgets (bench/instances-probe.ts): 10 iframes in the desktop host page. ---
  const instances = await probeInstances(browser, stack);

  // --- A shift (bench/shift-probe.ts): 2,000 calls through one open panel. ---
  const shift = await probeShift(browser, stack, {
    calls: Number(process.env.BENCH_SHIFT_CALLS ?? 2000),
  });

  const rows = [
    {
      metric: 'Initial JS of the agent panel (KB gzip)',
      ...single(bundle.bytes / 1024),
      budget: 130,
    },
    { metric: 'Initial CSS of the agent panel (KB gzip)', ...single(css.bytes / 1024), budget: 20 },
    { metric: 'Mute click → intent shown (ms)', ...summarize(clicks.pending), budget: 16 },
    {
      metric: 'Mute click → confirmed and rendered (ms)',
      ...summarize(clicks.confirmed),
      budget: 30,
    },
    { metric: 'Notification received → DOM updated (ms)', ...summarize(notifications), budget: 16 },
    {
      metric: `REST requests while idle (per minute, over ${IDLE_MS / 1000} s)`,
      ...single((restWhileIdle * 60_000) / IDLE_MS),
      budget: 0,
    },
    {
      metric: 'Socket killed → reconciled with the server (ms)',
      ...summarize(reconcile),
      budget: 2000,
    },
    // --- Supervisor view rows (bench/supervisor-probe.ts). ---
    {
      // The longtask API reports only tasks over 50 ms, so the budget reads as a count of them.
      metric: 'Supervisor, 500 calls at 20 events/s: main-thread tasks over 50 ms',
      ...single(supervisor.load.longTasks),
      budget: 0,
    },
    {
      metric: 'Supervisor, first snapshot of 500 calls: main-thread tasks over 50 ms',
      ...single(supervisor.initial.longTasks),
      budget: 0,
    },
    {
      metric: 'Supervisor, 500 calls at 20 events/s: frame time (ms)',
      ...supervisor.load.frameMs,
      budget: 50,
    },
    {
      metric: `Supervisor: REST requests for the initial snapshot (${supervisor.liveCalls} calls)`,
      ...single(supervisor.snapshot.total),
      budget: supervisor.liveCalls + 10,
    },
    // --- Talking-while-muted meter rows (bench/mic-probe.ts). ---
    ...micRows(mic),
    // --- Interaction widgets and the shift. ---
    {
      metric: `Notifications channels for ${instances.instances} widget instances`,
      ...single(instances.channels),
      budget: 1,
    },
    {
      metric: 'Leader widget closed → another leads, a change shows (ms)',
      ...instances.handoverMs,
      budget: 3000,
    },
    {
      metric: `JS heap growth over a shift of ${shift.calls} calls (MB)`,
      ...single(shift.growthMb),
      budget: 5,
    },
  ].map((r) => ({ ...r, within: r.p95 <= r.budget ? 'yes' : 'NO' }));

  console.table(
    rows.map((r) => ({ ...r, median: round(r.median), p95: round(r.p95), max: round(r.max) })),
  );
  console.log(`Lazy chunks (${lazy.length}), loaded when a panel, language or API group is used:`);
  console.table(lazy.map((c) => ({ chunk: c.chunk, 'KB gzip': round(c.kbGzip) })));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/latest.json',
    JSON.stringify(
      {
        at: new Date().toISOString(),
        rounds: ROUNDS,
        bundleFiles: bundle.files,
        cssFiles: css.files,
        lazyChunks: lazy,
        rows,
        supervisor,
        instances,
        shift,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await stack.close();
}

function single(value: number) {
  return { n: 1, median: value, p95: value, max: value };
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}

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
import { probeOpening } from './opening-probe.js';
import { probeDevStart } from './dev-start-probe.js';
import { probeShift } from './shift-probe.js';
import { probeShiftWidgets, shiftWidgetsRows } from './shift-widgets-probe.js';
import { probeSupervisor } from './supervisor-probe.js';
import { floorRows, probeFloor } from './floor-probe.js';
import { ALICE, onACall } from '../e2e/support/session.js';
import { signIn as tokenFor } from '../emulator/test/harness.js';
import { QUEUE_IDS } from '../emulator/seed-ids.js';
import { budgetOf, type BenchRow } from './budgets.js';
import { baselineSupervisorRequestsPerMinute, probeSideBySide } from './side-by-side.js';

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

  // --- Side by side (bench/side-by-side.ts): the tutorial baseline on the same call. ---
  const baselineToken = await tokenFor(stack.emulatorUrl, ALICE.email);
  const sideBySide = await probeSideBySide(page, {
    ...args,
    emulatorUrl: stack.emulatorUrl,
    token: baselineToken,
  });
  const bundle = initialJsGzipBytes(OUT_DIR);
  const css = initialCssGzipBytes(OUT_DIR);
  const lazy = lazyChunks(OUT_DIR, bundle.files);

  // --- Talking-while-muted meter (bench/mic-probe.ts): Bob muted, his own browser hearing speech. ---
  const mic = await runMicBench({ widgetUrl: stack.widgetUrl, control });

  // --- Supervisor view (bench/supervisor-probe.ts): 500 live calls, 20 events/s for 30 s. ---
  const supervisor = await probeSupervisor(browser, stack);
  const baselineSupervisorPerMinute = await baselineSupervisorRequestsPerMinute(
    stack.emulatorUrl,
    await tokenFor(stack.emulatorUrl, 'sam@example.com'),
    [QUEUE_IDS.support, QUEUE_IDS.sales],
  );

  // --- A larger floor (bench/floor-probe.ts): 2,000 calls over 20 queues at 50 events/s. ---
  const floor = await probeFloor(browser, stack);

  // --- Interaction widgets (bench/instances-probe.ts): 10 iframes in the desktop host page. ---
  const instances = await probeInstances(browser, stack);

  // --- Widget opening, cold and warm, and ten at once (bench/opening-probe.ts). ---
  const opening = await probeOpening(browser, stack, {
    openings: Number(process.env.BENCH_OPENINGS ?? 20),
    tenRounds: Number(process.env.BENCH_TEN_ROUNDS ?? 3),
  });

  // --- The first `npm start` page, cold and warm (bench/dev-start-probe.ts). ---
  const devStart = await probeDevStart(browser);

  // --- A shift (bench/shift-probe.ts): 2,000 calls through one open panel. ---
  const shift = await probeShift(browser, stack, {
    calls: Number(process.env.BENCH_SHIFT_CALLS ?? 2000),
  });

  // --- The same shift through three desktop widgets, panels open (bench/shift-widgets-probe.ts). ---
  const shiftWidgets = await probeShiftWidgets(browser, stack, {
    calls: Number(process.env.BENCH_SHIFT_CALLS ?? 2000),
  });

  const measured: BenchRow[] = [
    {
      id: 'initialJsKb',
      metric: 'Initial JS of the agent panel (KB gzip)',
      ...single(bundle.bytes / 1024),
    },
    {
      id: 'initialCssKb',
      metric: 'Initial CSS of the agent panel (KB gzip)',
      ...single(css.bytes / 1024),
    },
    { id: 'clickShownMs', metric: 'Mute click → intent shown (ms)', ...summarize(clicks.pending) },
    {
      id: 'clickConfirmedMs',
      metric: 'Mute click → confirmed and rendered (ms)',
      ...summarize(clicks.confirmed),
    },
    {
      id: 'notificationToDomMs',
      metric: 'Notification received → DOM updated (ms)',
      ...summarize(notifications),
    },
    {
      id: 'idleRestPerMinute',
      metric: `REST requests while idle (per minute, over ${IDLE_MS / 1000} s)`,
      ...single((restWhileIdle * 60_000) / IDLE_MS),
    },
    {
      id: 'reconcileMs',
      metric: 'Socket killed → reconciled with the server (ms)',
      ...summarize(reconcile),
    },
    {
      id: 'elsewhereShownMs',
      metric: 'Mute changed elsewhere → shown (ms)',
      ...sideBySide.ours.elsewhere,
    },
    {
      id: 'elsewhereWrongShare',
      metric: 'Share of a 2 s window after a change elsewhere showing the wrong state',
      ...single(sideBySide.ours.wrongShare),
    },
    // --- Supervisor view rows (bench/supervisor-probe.ts). ---
    {
      // The longtask API reports only tasks over 50 ms, so the budget reads as a count of them.
      id: 'supervisorLoadLongTasks',
      metric: 'Supervisor, 500 calls at 20 events/s: main-thread tasks over 50 ms',
      ...single(supervisor.load.longTasks),
    },
    {
      id: 'supervisorInitialLongTasks',
      metric: 'Supervisor, first snapshot of 500 calls: main-thread tasks over 50 ms',
      ...single(supervisor.initial.longTasks),
    },
    {
      id: 'supervisorFirstRowsMs',
      metric: 'Supervisor, queues chosen → first snapshot rows shown (ms)',
      ...single(supervisor.initial.msToRows),
    },
    {
      id: 'supervisorFrameMs',
      metric: 'Supervisor, 500 calls at 20 events/s: frame time (ms)',
      ...supervisor.load.frameMs,
    },
    {
      id: 'supervisorSnapshotRequests',
      metric: `Supervisor: REST requests for the initial snapshot (${supervisor.liveCalls} calls)`,
      ...single(supervisor.snapshot.total),
    },
    ...floorRows(floor),
    // --- Talking-while-muted meter rows (bench/mic-probe.ts). ---
    ...micRows(mic),
    // --- Interaction widgets and the shift. ---
    {
      id: 'channelsPerUser',
      metric: `Notifications channels for ${instances.instances} widget instances`,
      ...single(instances.channels),
    },
    {
      id: 'handoverMs',
      metric: 'Leader widget closed → another leads, a change shows (ms)',
      ...instances.handoverMs,
    },
    {
      id: 'openingWarmMs',
      metric: 'Interaction widget inserted → Mute usable, warm HTTP cache (ms)',
      ...opening.warmMs,
    },
    {
      id: 'openingColdMs',
      metric: 'Interaction widget inserted → Mute usable, cold HTTP cache (ms)',
      ...opening.coldMs,
    },
    {
      id: 'tenUsableMs',
      metric: `Ten widgets inserted together, ${opening.ten.rounds} rounds of a new desktop → each usable (ms; ${opening.ten.longTasks} long tasks, longest ${Math.round(opening.ten.longestTaskMs)} ms)`,
      ...opening.ten.allUsableMs,
    },
    { id: 'tenHeapMb', metric: 'JS heap of the ten widgets (MB)', ...single(opening.ten.heapMb) },
    {
      id: 'openingRateLimited',
      metric: 'Widget openings: requests the platform refused with 429',
      ...single(opening.rateLimited),
    },
    {
      id: 'devLoginColdMs',
      metric: `npm start, cold dev server: first request → login page (ms; warm ${devStart.warm.toLoginMs})`,
      ...single(devStart.cold.toLoginMs),
    },
    {
      id: 'devPanelsColdMs',
      metric: `npm start, cold: signed in → every panel of the demo call (ms; warm ${devStart.warm.toPanelsMs})`,
      ...single(devStart.cold.toPanelsMs),
    },
    {
      id: 'shiftHeapGrowthMb',
      metric: `JS heap growth over a shift of ${shift.calls} calls (MB)`,
      ...single(shift.growthMb),
    },
    ...shiftWidgetsRows(shiftWidgets),
  ];
  const context = { liveCalls: supervisor.liveCalls, floorCalls: floor.liveCalls };
  const rows = measured.map((r) => {
    const budget = budgetOf(r.id, context);
    return { ...r, budget, within: r.p95 <= budget ? 'yes' : 'NO' };
  });
  const ratio = (baseline: number, ours: number) =>
    ours > 0 ? `${round(baseline / ours)}×` : baseline > 0 ? 'ours 0' : '—';
  const oursConfirmed = summarize(clicks.confirmed);
  const oursIdle = (restWhileIdle * 60_000) / IDLE_MS;
  const comparison = [
    {
      measure: 'Mute click → confirmed, median (ms)',
      baseline: round(sideBySide.baseline.confirmedMs.median),
      ours: round(oursConfirmed.median),
      ratio: ratio(sideBySide.baseline.confirmedMs.median, oursConfirmed.median),
    },
    {
      measure: 'Mute click → confirmed, p95 (ms)',
      baseline: round(sideBySide.baseline.confirmedMs.p95),
      ours: round(oursConfirmed.p95),
      ratio: ratio(sideBySide.baseline.confirmedMs.p95, oursConfirmed.p95),
    },
    {
      measure: 'REST requests per idle minute',
      baseline: round(sideBySide.baseline.idleRequestsPerMinute),
      ours: round(oursIdle),
      ratio: ratio(sideBySide.baseline.idleRequestsPerMinute, oursIdle),
    },
    {
      measure: 'Change made elsewhere → shown, median (ms)',
      baseline: round(sideBySide.baseline.elsewhere.median),
      ours: round(sideBySide.ours.elsewhere.median),
      ratio: ratio(sideBySide.baseline.elsewhere.median, sideBySide.ours.elsewhere.median),
    },
    {
      measure: 'Change made elsewhere → shown, p95 (ms)',
      baseline: round(sideBySide.baseline.elsewhere.p95),
      ours: round(sideBySide.ours.elsewhere.p95),
      ratio: ratio(sideBySide.baseline.elsewhere.p95, sideBySide.ours.elsewhere.p95),
    },
    {
      measure: 'Wrong state shown in the 2 s after a change elsewhere (% of samples)',
      baseline: round(sideBySide.baseline.wrongShare * 100),
      ours: round(sideBySide.ours.wrongShare * 100),
      ratio: ratio(sideBySide.baseline.wrongShare, sideBySide.ours.wrongShare),
    },
    {
      measure: `Supervisor, ${supervisor.liveCalls} calls: REST requests per minute once shown`,
      baseline: round(baselineSupervisorPerMinute),
      ours: round(supervisor.steadyRequestsPerMinute),
      ratio: ratio(baselineSupervisorPerMinute, supervisor.steadyRequestsPerMinute),
    },
  ];

  console.table(
    rows.map((r) => ({ ...r, median: round(r.median), p95: round(r.p95), max: round(r.max) })),
  );
  console.log('Side by side with the tutorial baseline (same emulator, same run):');
  console.table(comparison);
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
        comparison,
        sideBySide,
        baselineSupervisorPerMinute,
        supervisor,
        floor,
        instances,
        opening,
        devStart,
        shift,
        shiftWidgets,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await stack.close();
}

function single(value: number): Omit<BenchRow, 'id' | 'metric'> {
  return { n: 1, median: value, p95: value, max: value };
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}

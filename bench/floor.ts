import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.js';
import { startStack } from '../scripts/stack.js';
import { budgetOf, type BenchRow } from './budgets.js';
import { floorRows, probeFloor } from './floor-probe.js';
import { probeShiftWidgets, shiftWidgetsRows } from './shift-widgets-probe.js';

/**
 * `npx tsx bench/floor.ts [floor|shift]`: the larger-floor probes alone, as `npm run bench` runs
 * them (production build, emulator, system Chromium): `floor` the supervisor view with 2,000
 * calls over 20 queues (bench/floor-probe.ts), `shift` a 2,000-call shift through three desktop
 * widgets (bench/shift-widgets-probe.ts); both without an argument. Prints the rows against
 * their budgets and writes bench-results/floor.json. `BENCH_FLOOR_TRACE=file.json` also records
 * a performance trace of the first 20 s of the floor's load (open it in DevTools).
 */
const OUT_DIR = 'node_modules/.bench-dist';
const which = process.argv[2];
const stack = await startStack({ mode: 'preview', demo: false, outDir: OUT_DIR });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};
  let floorCalls = 0;
  if (which !== 'shift') {
    const floor = await probeFloor(browser, stack, {
      calls: Number(process.env.BENCH_FLOOR_CALLS ?? 2000),
      seconds: Number(process.env.BENCH_FLOOR_SECONDS ?? 60),
      tracePath: process.env.BENCH_FLOOR_TRACE,
    });
    floorCalls = floor.liveCalls;
    results.floor = floor;
    rows.push(...floorRows(floor));
  }
  if (which !== 'floor') {
    const shift = await probeShiftWidgets(browser, stack, {
      calls: Number(process.env.BENCH_SHIFT_CALLS ?? 2000),
    });
    results.shiftWidgets = shift;
    rows.push(...shiftWidgetsRows(shift));
  }
  const table = rows.map((r) => {
    const budget = budgetOf(r.id, { liveCalls: 0, floorCalls });
    return { ...r, budget, within: r.p95 <= budget ? 'yes' : 'NO' };
  });
  console.table(table);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/floor.json',
    JSON.stringify({ at: new Date().toISOString(), rows: table, ...results }, null, 2),
  );
} finally {
  await browser.close();
  await stack.close();
}

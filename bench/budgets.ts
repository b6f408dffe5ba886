/**
 * Every budget `npm run bench` measures against, in one place. `npm run bench` writes each row's
 * figures and its budget to bench-results/latest.json; `npm run bench:check` reads that file and
 * these budgets again and exits non-zero when a p95 is over its budget (or a row is missing).
 * A budget is a number, or a function of the run (the snapshot's requests scale with its calls).
 */
export interface BudgetContext {
  /** Live calls in the supervisor run. */
  liveCalls: number;
  /** Live calls on the larger floor (bench/floor-probe.ts). */
  floorCalls?: number;
}

/** The widget's request budget (src/platform): REST requests a minute. */
const REQUESTS_PER_MINUTE = 270;

export const BUDGETS = {
  initialJsKb: 125,
  initialCssKb: 20,
  clickShownMs: 16,
  clickConfirmedMs: 30,
  notificationToDomMs: 16,
  idleRestPerMinute: 0,
  reconcileMs: 2000,
  supervisorLoadLongTasks: 0,
  supervisorInitialLongTasks: 0,
  supervisorFrameMs: 50,
  supervisorSnapshotRequests: (c: BudgetContext) => c.liveCalls + 10,
  supervisorFirstRowsMs: 1000,
  // A larger floor: 2,000 calls over 20 queues at 50 events/s for 60 s (bench/floor-probe.ts).
  floorFirstRowsMs: 1000,
  floorInitialLongTasks: 0,
  floorLoadLongTasks: 0,
  floorFrameMs: 20,
  // A slot counts from its grant until 60 s after its response, so no 60 s on the wire (browser
  // clock) holds more than the widget's 270, well under the platform's 300; and not one 429.
  floorReadPerMinute: REQUESTS_PER_MINUTE,
  floorRateLimited: 0,
  // Every call read at the request budget's pace, at worst one read per call, plus 30 s.
  floorAllReadMs: (c: BudgetContext) =>
    Math.ceil((c.floorCalls ?? 0) / REQUESTS_PER_MINUTE) * 60_000 + 30_000,
  floorGridMismatches: 0,
  micAnalysisMsPerS: 5,
  micDrawMsPerS: 10,
  micCommitsPerS: 2,
  micPanelRendersPerS: 1,
  micMeterRendersPerS: 0,
  channelsPerUser: 1,
  handoverMs: 3000,
  shiftHeapGrowthMb: 5,
  // Three desktop widgets on one channel, panels open, through a 2,000-call shift.
  shiftWidgetHeapGrowthMb: 5,
  shiftListenerGrowth: 0,
  shiftTimerGrowth: 0,
  // An interaction widget opening in the desktop (loopback, production build).
  openingWarmMs: 300,
  openingColdMs: 800,
  tenUsableMs: 1500,
  tenHeapMb: 150,
  openingRateLimited: 0,
  // The first `npm start` page on a cold dev server (sign-in excluded).
  devLoginColdMs: 1500,
  devPanelsColdMs: 3000,
  // Side by side with the tutorial baseline: ours must be no worse than the figures here.
  elsewhereShownMs: 100,
  elsewhereWrongShare: 0.1,
} satisfies Record<string, number | ((c: BudgetContext) => number)>;

export type BudgetId = keyof typeof BUDGETS;

export function budgetOf(id: BudgetId, context: BudgetContext): number {
  const budget: number | ((c: BudgetContext) => number) = BUDGETS[id];
  return typeof budget === 'function' ? budget(context) : budget;
}

/** One measured row of the bench table (its budget is looked up by `id`). */
export interface BenchRow {
  id: BudgetId;
  metric: string;
  n: number;
  median: number;
  p95: number;
  max: number;
}

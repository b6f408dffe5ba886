import type { BenchRow } from './budgets.js';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.js';
import { summarize } from './stats.js';
import { BOB, signIn, startCall } from '../e2e/support/session.js';

/**
 * The talking-while-muted meter's cost while the agent talks muted: CPU of the analysis
 * callback and of the meter's animation frames per second, and React commits per second (the
 * whole widget, the microphone panel, and the panel's renders beyond the speech on/off flips,
 * which should be none: the meter draws without React).
 */
const SPEECH_WAV = new URL('../e2e/media/speech.wav', import.meta.url);

export interface MicCounters {
  commits: number;
  micRenders: number;
  flips: number;
  analysisMs: number;
  analysisCalls: number;
  frameMs: number;
  frames: number;
}

/**
 * Init script (before the app loads): a React DevTools hook stub that counts commits and
 * whether the microphone panel's component rendered in each (its hooks list is new when it
 * did); timers around AnalyserNode reads (up to the end of that task's synchronous work, i.e.
 * the panel's analysis callback) and around animation-frame callbacks (the meter).
 */
export const MIC_INSTRUMENT = () => {
  const counters: MicCounters = {
    commits: 0,
    micRenders: 0,
    flips: 0,
    analysisMs: 0,
    analysisCalls: 0,
    frameMs: 0,
    frames: 0,
  };
  (window as unknown as { __micBench: MicCounters }).__micBench = counters;
  type Fiber = {
    type: unknown;
    return: Fiber | null;
    alternate: Fiber | null;
    memoizedState: unknown;
  };
  let seen = new Set<unknown>();
  const micRendered = () => {
    const host = document.querySelector('.mic');
    const key = host && Object.keys(host).find((k) => k.startsWith('__reactFiber$'));
    let fiber = key ? ((host as unknown as Record<string, Fiber>)[key] ?? null) : null;
    while (fiber && typeof fiber.type !== 'function') fiber = fiber.return;
    if (!fiber) return false;
    const states = [fiber.memoizedState, fiber.alternate?.memoizedState];
    const rendered = states.some((s) => s !== undefined && s !== null && !seen.has(s));
    seen = new Set(states);
    return rendered;
  };
  const renderers = new Map<number, unknown>();
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers,
    inject: (renderer: unknown) => {
      renderers.set(renderers.size + 1, renderer);
      return renderers.size;
    },
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: () => {
      counters.commits += 1;
      if (micRendered()) counters.micRenders += 1;
    },
  };
  const read = AnalyserNode.prototype.getFloatTimeDomainData;
  AnalyserNode.prototype.getFloatTimeDomainData = function (this: AnalyserNode, array) {
    const start = performance.now();
    read.call(this, array);
    queueMicrotask(() => {
      counters.analysisMs += performance.now() - start;
      counters.analysisCalls += 1;
    });
  };
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    frame((time) => {
      const start = performance.now();
      try {
        callback(time);
      } finally {
        counters.frameMs += performance.now() - start;
        counters.frames += 1;
      }
    });
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of [...record.addedNodes, ...record.removedNodes])
        if (node instanceof Element && node.matches('[role=alert].talking-while-muted'))
          counters.flips += 1;
  }).observe(document, { childList: true, subtree: true });
};

export interface MicMeasurement {
  seconds: number;
  analysisMsPerS: number[];
  frameMsPerS: number[];
  commitsPerS: number[];
  micRendersPerS: number[];
  flipsPerS: number[];
}

/**
 * Samples the counters once a second for `seconds` on a page that has `MIC_INSTRUMENT`, is
 * signed in with a call, muted, and shows the meter.
 */
export async function measureMic(page: Page, seconds = 15): Promise<MicMeasurement> {
  const counters = () =>
    page.evaluate(() => ({ ...(window as unknown as { __micBench: MicCounters }).__micBench }));
  const result: MicMeasurement = {
    seconds,
    analysisMsPerS: [],
    frameMsPerS: [],
    commitsPerS: [],
    micRendersPerS: [],
    flipsPerS: [],
  };
  let before = await counters();
  for (let i = 0; i < seconds; i += 1) {
    await page.waitForTimeout(1000);
    const after = await counters();
    result.analysisMsPerS.push(after.analysisMs - before.analysisMs);
    result.frameMsPerS.push(after.frameMs - before.frameMs);
    result.commitsPerS.push(after.commits - before.commits);
    result.micRendersPerS.push(after.micRenders - before.micRenders);
    result.flipsPerS.push(after.flips - before.flips);
    before = after;
  }
  return result;
}

/**
 * Its own Chromium whose fake microphone plays the spoken test file (looped: 4.7 s of speech,
 * 3 s quiet), Bob signed in with a call and muted, then `measureMic`.
 */
export async function runMicBench(opts: {
  widgetUrl: string;
  control: EmulatorControl;
  speechWav?: string;
  seconds?: number;
}): Promise<MicMeasurement> {
  const speechWav = opts.speechWav ?? fileURLToPath(SPEECH_WAV);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${speechWav}`,
    ],
  });
  try {
    const context = await browser.newContext({ permissions: ['microphone'] });
    // tsx keeps function names with a `__name` helper; functions sent to the page need it too.
    await context.addInitScript('window.__name = (fn) => fn;');
    await context.addInitScript(MIC_INSTRUMENT);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, opts.widgetUrl, BOB.email);
    await startCall(opts.control, { agentEmail: BOB.email, customerName: 'Mic Bench' });
    await page.getByLabel('Microphone level').waitFor();
    const mute = page.getByRole('button', { name: 'Mute', exact: true });
    await page.waitForFunction(
      () => !document.querySelector('button[aria-pressed]')?.hasAttribute('disabled'),
    );
    await mute.click();
    await page.waitForFunction(
      () => document.querySelector('button[aria-pressed="true"][data-pending="false"]') !== null,
    );
    await page.waitForTimeout(2000);
    return await measureMic(page, opts.seconds);
  } finally {
    await browser.close();
  }
}

/**
 * Rows for the bench table. CPU budgets: 0.5 % and 1 % of one core. Times come from
 * performance.now(), which pages get at 0.1 ms resolution: single calls read as 0 or 0.1 ms,
 * the per-second sums are right on average.
 */
export function micRows(m: MicMeasurement): BenchRow[] {
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const beyondFlips = Math.max(0, total(m.micRendersPerS) - total(m.flipsPerS)) / m.seconds;
  const once = (value: number) => ({ n: 1, median: value, p95: value, max: value });
  return [
    {
      id: 'micAnalysisMsPerS',
      metric: 'Mic analysis CPU (ms per s of audio)',
      ...summarize(m.analysisMsPerS),
    },
    {
      id: 'micDrawMsPerS',
      metric: 'Mic meter drawing CPU (ms per s)',
      ...summarize(m.frameMsPerS),
    },
    {
      id: 'micCommitsPerS',
      metric: 'React commits/s while the meter runs (widget)',
      ...summarize(m.commitsPerS),
    },
    {
      id: 'micPanelRendersPerS',
      metric: 'React renders/s of the mic panel (speech on/off only)',
      ...summarize(m.micRendersPerS),
    },
    {
      id: 'micMeterRendersPerS',
      metric: 'React renders/s from the meter itself',
      ...once(beyondFlips),
    },
  ];
}

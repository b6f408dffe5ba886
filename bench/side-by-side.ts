import type { Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { BASELINE_POLL_MS, BaselineAgent, BaselineSupervisor } from './baseline-client.js';
import { summarize } from './stats.js';

/**
 * Our panel and the tutorial baseline (bench/baseline-client.ts) on the same call of the same
 * emulator: click → confirmed, REST per idle minute, time to show a change made elsewhere, and
 * how often the indicator shows the wrong state in the window after such a change.
 */

export interface ElsewhereArgs {
  emulatorUrl: string;
  conversationId: string;
  agentId: string;
  rounds: number;
  windowMs: number;
  sampleMs: number;
}

export interface ElsewhereResult {
  /** Change made → indicator right (ms), per round. */
  shownMs: number[];
  /** Samples in the window after each change that showed the wrong state. */
  wrongSamples: number;
  samples: number;
}

/** In the widget's page: a change made elsewhere, then the Mute toggle sampled for a window. */
export const OURS_ELSEWHERE_PROBE = async (args: ElsewhereArgs): Promise<ElsewhereResult> => {
  const button = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Mute'))!;
  const result = { shownMs: [] as number[], wrongSamples: 0, samples: 0 };
  for (let i = 0; i < args.rounds; i += 1) {
    const muted = button().getAttribute('aria-pressed') !== 'true';
    const start = performance.now();
    await fetch(
      `${args.emulatorUrl}/__emulator/calls/${args.conversationId}/participants/${args.agentId}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-emulator-control': '1' },
        body: JSON.stringify({ muted, actor: 'genesys-ui' }),
      },
    );
    let shownAt: number | undefined;
    while (performance.now() - start < args.windowMs) {
      const right = button().getAttribute('aria-pressed') === String(muted);
      result.samples += 1;
      if (right) shownAt ??= performance.now();
      else result.wrongSamples += 1;
      await new Promise((r) => setTimeout(r, args.sampleMs));
    }
    result.shownMs.push((shownAt ?? performance.now()) - start);
  }
  return result;
};

/** The baseline's indicator after the same kind of change. */
async function baselineElsewhere(
  agent: BaselineAgent,
  control: EmulatorControl,
  args: ElsewhereArgs,
): Promise<ElsewhereResult> {
  const result = { shownMs: [] as number[], wrongSamples: 0, samples: 0 };
  agent.startPolling();
  try {
    for (let i = 0; i < args.rounds; i += 1) {
      const muted = !(await agent.readMuted());
      agent.shownMuted = !muted;
      // A change lands at any point of the poll's second, not just after a poll.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BASELINE_POLL_MS));
      const start = performance.now();
      await control.setParticipant(args.conversationId, args.agentId, {
        muted,
        actor: 'genesys-ui',
      });
      let shownAt: number | undefined;
      while (performance.now() - start < args.windowMs) {
        result.samples += 1;
        if (agent.shownMuted === muted) shownAt ??= performance.now();
        else result.wrongSamples += 1;
        await new Promise((r) => setTimeout(r, args.sampleMs));
      }
      result.shownMs.push((shownAt ?? performance.now()) - start);
    }
  } finally {
    agent.stopPolling();
  }
  return result;
}

export interface SideBySideResult {
  baseline: {
    confirmedMs: ReturnType<typeof summarize>;
    idleRequestsPerMinute: number;
    elsewhere: ReturnType<typeof summarize>;
    wrongShare: number;
  };
  ours: { elsewhere: ReturnType<typeof summarize>; wrongShare: number };
}

/**
 * Runs both on Alice's call (our page already shows it). The baseline signs in with its own
 * token (`token`), as a second client of the same agent would.
 */
export async function probeSideBySide(
  page: Page,
  call: { emulatorUrl: string; conversationId: string; agentId: string; token: string },
  options: { rounds?: number; idleMs?: number; windowMs?: number } = {},
): Promise<SideBySideResult> {
  const { rounds = 10, idleMs = 10_000, windowMs = 2000 } = options;
  const control = new EmulatorControl(call.emulatorUrl);
  const agent = new BaselineAgent(call.emulatorUrl, call.token, call.conversationId, call.agentId);
  agent.shownMuted = await agent.readMuted();

  const confirmed: number[] = [];
  for (let i = 0; i < rounds; i += 1) confirmed.push(await agent.clickMute());

  const before = agent.requests;
  agent.startPolling();
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  agent.stopPolling();
  const idleRequestsPerMinute = ((agent.requests - before) * 60_000) / idleMs;

  const args: ElsewhereArgs = { ...call, rounds, windowMs, sampleMs: 10 };
  const baseline = await baselineElsewhere(agent, control, args);
  const ours = await page.evaluate(OURS_ELSEWHERE_PROBE, args);
  return {
    baseline: {
      confirmedMs: summarize(confirmed),
      idleRequestsPerMinute,
      elsewhere: summarize(baseline.shownMs),
      wrongShare: baseline.wrongSamples / Math.max(1, baseline.samples),
    },
    ours: {
      elsewhere: summarize(ours.shownMs),
      wrongShare: ours.wrongSamples / Math.max(1, ours.samples),
    },
  };
}

/** The tutorial supervisor table's REST per minute for the calls on the given queues. */
export async function baselineSupervisorRequestsPerMinute(
  emulatorUrl: string,
  token: string,
  queueIds: readonly string[],
  seconds = 30,
): Promise<number> {
  const table = new BaselineSupervisor(emulatorUrl, token, queueIds);
  table.start();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  table.stop();
  return (table.requests * 60) / seconds;
}

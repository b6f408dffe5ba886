/**
 * From a diagnostic trace to a regression test in one step: `replayTrace(control, trace)` plays
 * a trace (a widget's Download diagnostics, or a file under emulator/traces) to the signed-in
 * agent's widget and resolves once every frame and recorded failure has played.
 *
 * @example
 * await signIn(page, widgetUrl);
 * await replayTrace(control, readTrace('emulator/traces/real-call-missed-alerts-acw.trace.json'));
 * await expect(page.locator('.call-header .badge')).toHaveAttribute('data-status', 'ended');
 */
import { readFileSync } from 'node:fs';
import type { EmulatorControl } from '../../emulator/control-client.js';
import type { ReplayOptions, ReplayResult } from '../../emulator/control-types-replay.js';

/** A trace file, from the repository's root (or absolute). */
export function readTrace(path: string): object {
  const url = new URL(`../../${path}`, import.meta.url);
  return JSON.parse(readFileSync(path.startsWith('/') ? path : url, 'utf8')) as object;
}

/**
 * Plays `trace` (instantly unless `pace: 'recorded'`) to Alice's widget, or `agentEmail`'s, and
 * waits until it has all played. Its pseudonyms' ids are in the result (`ids['conversation-1']`).
 */
export async function replayTrace(
  control: EmulatorControl,
  trace: object,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const result = await control.replay(trace, { pace: 'instant', ...options });
  for (let status = result.state; status === 'playing';) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await control.replayStatus()).state;
  }
  return result;
}

import { expect, test } from '../fixtures';
import { runShift, type Figures } from './runner.js';
import { chaosSettings } from './settings.js';
import { ShiftWorld } from './shift-world.js';

/**
 * Issue 19, chaos: a seeded shift against the emulator, three browsers at once (Alice's
 * standalone panel, her Genesys Cloud desktop with an interaction widget per call on one shared
 * channel, Sam's supervisor view of her queues), actions and faults from one seed, every
 * invariant checked after every step. `npm run test:chaos` is the short run; the long run sets
 * `CHAOS_SEEDS`, `CHAOS_ACTIONS` and `CHAOS_FAULTS` (see e2e/chaos/README.md).
 */
const settings = chaosSettings();

function report(figures: Figures): string {
  const kinds = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  return [
    `Chaos figures, seed ${figures.seed}: ${figures.steps} steps, ${figures.actions} actions, ${figures.faults} faults, ${figures.recoveries} recoveries`,
    `  worst time to reconcile: ${figures.worstReconcileMs} ms (${figures.worstStep})`,
    `  faults: ${kinds(figures.faultsByKind)}`,
    `  actions (with fault probes): ${kinds(figures.actionsByKind)}`,
  ].join('\n');
}

for (const seed of settings.seeds) {
  test(`a seeded shift stays true under faults (seed ${seed}, ${settings.actions} actions, ${settings.faults} faults${settings.steps ? `, to step ${settings.steps}` : ''})`, async ({
    browser,
    control,
    widgetUrl,
  }, testInfo) => {
    test.setTimeout(120_000 + (settings.actions + settings.faults) * 25_000);
    const world = await ShiftWorld.open(browser, control, widgetUrl);
    try {
      const figures = await runShift(world, {
        seed,
        actions: settings.actions,
        faults: settings.faults,
        steps: settings.steps,
        settleMs: settings.settleMs,
        log: (line) => console.log(line),
      });
      console.log(report(figures));
      await testInfo.attach(`chaos-figures-seed-${seed}.json`, {
        body: JSON.stringify(figures, null, 2),
        contentType: 'application/json',
      });
      // Every step of the plan ran and reconciled (a step that did not has thrown with its replay).
      expect(figures.steps).toBe(settings.steps ?? settings.actions + settings.faults);
    } finally {
      await world.close();
    }
  });
}

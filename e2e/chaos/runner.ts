import { expect } from '@playwright/test';
import type { EmulatorState } from '../../emulator/control-client.js';
import { closeEndedWidgets, perform, type Write } from './actions.js';
import { runFault } from './fault-injection.js';
import { Invariants, legOf, visibleAttributes, type Changers } from './invariants.js';
import { describeStep, makePlan, type Step } from './plan.js';
import { markSettled, readLog, unwantedFlagRequests, type ApiRecord } from './recorder.js';
import { readWidget } from './screen.js';
import { ALICE, type Browsers, type ShiftWorld } from './shift-world.js';

/**
 * Runs a plan step by step. After each step it waits (a poll, never a fixed sleep) until every
 * invariant holds, which is the time to reconcile, then checks the step itself: attribute writes
 * neither lost nor applied twice, no request for an intent that was no longer wanted. A failure
 * names the seed and the step and how to replay them.
 */
export interface RunSettings {
  seed: number;
  actions: number;
  faults: number;
  /** Stop after this step (a replay of a prefix). */
  steps?: number;
  /** How long a step may take to reconcile. */
  settleMs: number;
  log(line: string): void;
}

export interface Figures {
  seed: number;
  steps: number;
  actions: number;
  faults: number;
  recoveries: number;
  worstReconcileMs: number;
  worstStep: string;
  faultsByKind: Record<string, number>;
  actionsByKind: Record<string, number>;
}

export class ChaosFailure extends Error {}

const FLAGS = ['muted', 'held'] as const;
const ATTRIBUTES_PATCH = /\/participants\/[^/]+\/attributes$/;
const FLAGS_PATCH = /\/conversations\/calls\/([^/]+)\/participants\/[^/]+$/;

export function replayCommand(settings: RunSettings, step: number): string {
  return `CHAOS_SEED=${settings.seed} CHAOS_ACTIONS=${settings.actions} CHAOS_FAULTS=${settings.faults} CHAOS_STEPS=${step} npm run test:chaos`;
}

export async function runShift(world: ShiftWorld, settings: RunSettings): Promise<Figures> {
  const plan = makePlan(settings.seed, settings.actions, settings.faults);
  const last = Math.min(plan.length, settings.steps ?? plan.length);
  const changers: Changers = new Map();
  const invariants = new Invariants(world);
  const figures: Figures = {
    seed: settings.seed,
    steps: 0,
    actions: 0,
    faults: 0,
    recoveries: 0,
    worstReconcileMs: 0,
    worstStep: '',
    faultsByKind: {},
    actionsByKind: {},
  };
  for (const step of plan.slice(0, last)) {
    const line = describeStep(step);
    world.step = step.index;
    try {
      const ms = await runStep(world, step, invariants, changers, settings);
      settings.log(`${line} — reconciled in ${ms} ms`);
      figures.steps += 1;
      if (step.type === 'fault') {
        figures.faults += 1;
        figures.recoveries += 1;
        figures.faultsByKind[step.fault.kind] = (figures.faultsByKind[step.fault.kind] ?? 0) + 1;
      }
      const action = step.type === 'action' ? step.action : step.probe;
      if (action) {
        if (step.type === 'action') figures.actions += 1;
        figures.actionsByKind[action.kind] = (figures.actionsByKind[action.kind] ?? 0) + 1;
      }
      if (ms > figures.worstReconcileMs) {
        figures.worstReconcileMs = ms;
        figures.worstStep = line;
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ChaosFailure(
        [
          `Chaos run failed: seed ${settings.seed}, step ${step.index} of ${plan.length}`,
          `  ${line}`,
          `  ${detail.split('\n').join('\n  ')}`,
          `  requests of this step:`,
          ...requestLines(world, step.index),
          `Replay: ${replayCommand(settings, step.index)}`,
        ].join('\n'),
      );
    }
  }
  return figures;
}

/** The step's API requests in each browser, for a failure's report. */
function requestLines(world: ShiftWorld, step: number): string[] {
  return (['agent', 'desktop', 'supervisor'] as const).flatMap((where) =>
    stepRequests(world, where, step).map(
      (r) =>
        `    ${where}: ${r.method} ${r.path} → ${r.status ?? 'no answer'}${r.body === undefined ? '' : ` ${JSON.stringify(r.body).slice(0, 160)}`}`,
    ),
  );
}

async function runStep(
  world: ShiftWorld,
  step: Step,
  invariants: Invariants,
  changers: Changers,
  settings: RunSettings,
): Promise<number> {
  await closeEndedWidgets(world);
  const before = await world.state();
  const requestsBefore = countRequests(world);
  let writes: Write[] = [];
  let cleanup = async () => undefined as void;
  const notes: string[] = [];
  if (step.type === 'action') {
    const done = await perform(world, step.action);
    writes = done.writes;
    if (done.note) notes.push(done.note);
  } else {
    const run = await runFault(world, step.fault, step.probe, (a) => perform(world, a));
    writes = run.done.writes;
    if (run.done.note) notes.push(run.done.note);
    cleanup = run.cleanup;
    notes.push(...run.notes);
  }
  const start = Date.now();
  let problems: string[] = [];
  await expect
    .poll(
      async () => {
        await world.signInWhereAsked();
        const now = await world.state();
        problems = await invariants.problems(
          now,
          updateChangers(world, changers, before, now, step.index),
        );
        return problems;
      },
      { timeout: settings.settleMs, intervals: [100, 250, 500, 1000] },
    )
    .toEqual([])
    .catch(() => {
      throw new Error(`not reconciled within ${settings.settleMs} ms:\n- ${problems.join('\n- ')}`);
    });
  const reconciled = Date.now() - start;
  await cleanup();
  const after = await world.state();
  const save = (await readWidget(world.agent))?.saves.at(-1);
  const stepProblems = [
    ...checkWrites(world, before, after, writes, step.index, save),
    ...checkAttributeRequests(world, step, requestsBefore),
    ...(await checkFlagRequests(world)),
  ];
  if (stepProblems.length > 0) throw new Error(`- ${stepProblems.join('\n- ')}`);
  const settled = updateChangers(world, changers, before, after, step.index);
  changers.clear();
  for (const [key, value] of settled) changers.set(key, value);
  for (const { frame } of await world.documents()) await markSettled(frame);
  if (notes.length > 0) settings.log(`  (${notes.join('; ')})`);
  return reconciled;
}

function countRequests(world: ShiftWorld): Record<Browsers, number> {
  return {
    agent: world.api.agent.length,
    desktop: world.api.desktop.length,
    supervisor: world.api.supervisor.length,
  };
}

const stepRequests = (world: ShiftWorld, where: Browsers, step: number) =>
  world.api[where].filter((r) => r.step === step);

const ok = (r: ApiRecord) => r.status !== undefined && r.status >= 200 && r.status < 300;

/**
 * The attributes after the step are those before it plus this step's writes that landed, in
 * order: an agent's write lands when the screen says it was saved (then every value of it must
 * be there), never when it says it was not (then none may be). Anything else that changed was
 * lost, applied twice or applied late. Panel keys (the flow's `lcp.*`) are the flow's business.
 */
function checkWrites(
  world: ShiftWorld,
  before: EmulatorState,
  after: EmulatorState,
  writes: Write[],
  step: number,
  save: { state: string; text: string } | undefined,
): string[] {
  const problems: string[] = [];
  const agentBodies = stepRequests(world, 'agent', step)
    .filter((r) => r.method === 'PATCH' && ATTRIBUTES_PATCH.test(r.path) && ok(r))
    .map((r) => (r.body as { attributes?: Record<string, string> })?.attributes ?? {});
  for (const call of world.calls.values()) {
    const then = before.conversations.find((c) => c.id === call.cid);
    // A call that arrived in this step starts with the data it came with.
    if (!then) continue;
    const was = visibleAttributes(then);
    const now = visibleAttributes(after.conversations.find((c) => c.id === call.cid));
    const expected: Record<string, string> = { ...was };
    const uncertain = new Set<string>();
    for (const write of writes.filter((w) => w.cid === call.cid)) {
      const values =
        write.values ??
        Object.fromEntries(
          agentBodies.flatMap((b) => Object.entries(b)).filter(([k]) => !/^lcp\./i.test(k)),
        );
      if (write.by === 'outside') {
        Object.assign(expected, values);
        continue;
      }
      const total = Object.keys(values).length;
      const landed = Object.entries(values).filter(([k, v]) => now[k] === v).length;
      if (landed > 0 && landed < total)
        problems.push(
          `${call.name}: a write landed in part (${JSON.stringify(values)}; now ${JSON.stringify(now)})`,
        );
      const said = write.values ? save?.state : undefined;
      if (said === 'saved' && landed < total)
        problems.push(
          `${call.name}: the panel said "${save?.text}" but ${JSON.stringify(values)} is not in Genesys Cloud (lost)`,
        );
      if (said === 'failed' && landed > 0)
        problems.push(
          `${call.name}: the panel said "${save?.text}" but ${JSON.stringify(values)} is in Genesys Cloud`,
        );
      if (landed === total) Object.assign(expected, values);
      else if (said !== 'failed' && write.values)
        for (const key of Object.keys(values)) uncertain.add(key);
    }
    for (const key of new Set([...Object.keys(expected), ...Object.keys(now)])) {
      if (uncertain.has(key)) continue;
      if (expected[key] !== now[key])
        problems.push(
          `${call.name}: ${key} is ${JSON.stringify(now[key])} in Genesys Cloud, expected ${JSON.stringify(expected[key])} (a write lost, applied twice or late)`,
        );
    }
  }
  return problems;
}

/**
 * Attribute PATCHes go out only in a step that asked for a write from that browser (an edit, a
 * CRM lookup, a playback stop, in the standalone panel), and no value is ever applied twice.
 */
function checkAttributeRequests(
  world: ShiftWorld,
  step: Step,
  countsBefore: Record<Browsers, number>,
): string[] {
  const problems: string[] = [];
  const action = step.type === 'action' ? step.action : step.probe;
  const writer =
    action &&
    (action.kind === 'edit' ||
      action.kind === 'crm' ||
      (action.kind === 'playEnd' && action.how === 'stop'));
  for (const where of ['agent', 'desktop', 'supervisor'] as const) {
    const fresh = world.api[where]
      .slice(countsBefore[where])
      .filter((r) => r.method === 'PATCH' && ATTRIBUTES_PATCH.test(r.path));
    if (fresh.length > 0 && !(writer && where === 'agent'))
      problems.push(
        `the ${where} browser sent ${fresh.length} attribute PATCH(es) nobody asked for: ${fresh.map((r) => JSON.stringify(r.body)).join(', ')}`,
      );
  }
  const applied = new Map<string, number>();
  for (const where of ['agent', 'desktop'] as const)
    for (const r of world.api[where].filter(
      (x) => x.method === 'PATCH' && ATTRIBUTES_PATCH.test(x.path) && ok(x),
    ))
      for (const [k, v] of Object.entries(
        (r.body as { attributes?: Record<string, string> })?.attributes ?? {},
      ))
        if (!/^crm\./.test(k))
          applied.set(`${r.path} ${k}=${v}`, (applied.get(`${r.path} ${k}=${v}`) ?? 0) + 1);
  for (const [write, count] of applied)
    if (count > 1) problems.push(`${write} was accepted ${count} times`);
  return problems;
}

/** Every mute/hold request of every document was for the intent of the latest click. */
async function checkFlagRequests(world: ShiftWorld): Promise<string[]> {
  const problems: string[] = [];
  for (const { label, frame } of await world.documents()) {
    const log = await readLog(frame);
    if (log) problems.push(...unwantedFlagRequests(log).map((p) => `${label}: ${p}`));
  }
  return problems;
}

/**
 * Who made the latest change of each call's mute and hold: a browser whose accepted request in
 * this step asked for the value the step ended on, else (the value moved with no such request)
 * someone outside every browser.
 */
function updateChangers(
  world: ShiftWorld,
  committed: Changers,
  before: EmulatorState,
  after: EmulatorState,
  step: number,
): Changers {
  const changers: Changers = new Map(committed);
  const aliceId = after.users.find((u) => u.email === ALICE.email)!.id;
  for (const call of world.calls.values()) {
    const then = before.conversations.find((c) => c.id === call.cid);
    const now = after.conversations.find((c) => c.id === call.cid);
    if (!now) continue;
    const legNow = legOf(now, aliceId);
    const legThen = then ? legOf(then, aliceId) : undefined;
    for (const field of FLAGS) {
      const key = `${call.cid}:${field}`;
      const value = legNow?.[field];
      const by = (['agent', 'desktop'] as const).filter((where) => {
        const sent = stepRequests(world, where, step).filter((r) => {
          const match = FLAGS_PATCH.exec(r.path);
          return (
            r.method === 'PATCH' &&
            match?.[1] === call.cid &&
            ok(r) &&
            field in ((r.body as object) ?? {})
          );
        });
        return sent.length > 0 && (sent.at(-1)!.body as Record<string, unknown>)[field] === value;
      });
      if (by.length === 2) changers.set(key, 'either');
      else if (by.length === 1) changers.set(key, by[0]!);
      else if (legThen?.id !== legNow?.id) changers.delete(key);
      else if (legThen?.[field] !== value) changers.set(key, 'outside');
    }
  }
  return changers;
}

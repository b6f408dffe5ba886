import { seeded, type Rng } from './rng.js';

/**
 * The shift as data: a list of steps (actions and faults) made from one seed, before anything
 * runs. The plan depends only on the seed and the counts, never on what happens at run time, so
 * `CHAOS_SEED`, `CHAOS_ACTIONS`, `CHAOS_FAULTS` give the same steps again and `CHAOS_STEPS`
 * replays a prefix. Calls are named by their number (`Caller 03`); the runner maps them to ids.
 */

export type Flag = 'muted' | 'held';
export type Queue = 'Support' | 'Sales';

/** Prompts that have audio (Holiday_hours has none and cannot be played). */
export const PLAYABLE_PROMPTS = [
  'Recording disclosure',
  'Hold please',
  'Payment terms',
  'Survey invitation',
  'Transfer notice',
] as const;
export type PromptName = (typeof PLAYABLE_PROMPTS)[number];

/** A caller key rule: the key switches to a prompt, or ends the playback. */
export interface KeyRule {
  digit: string;
  then: PromptName | 'end';
}

export type Action =
  | { kind: 'arrive'; call: number; queue: Queue; answered: boolean }
  | { kind: 'answer'; call: number }
  /** Clicks on the agent's own Mute or Hold, in the standalone panel or the call's widget. */
  | { kind: 'toggle'; call: number; field: Flag; clicks: number; where: 'agent' | 'desktop' }
  /** Mute or hold changed in the Genesys Cloud UI (not this browser). */
  | { kind: 'outsideFlag'; call: number; field: Flag }
  /** An edit in the call-data panel: a new key, or a new value for a key the call has. */
  | { kind: 'edit'; call: number; key: string; value: string }
  | { kind: 'outsideAttributes'; call: number; key: string; value: string; actor: string }
  | { kind: 'crm'; call: number }
  | { kind: 'playStart'; call: number; prompt: PromptName; maxSeconds: number; rule?: KeyRule }
  | { kind: 'playEnd'; call: number; how: 'ruleKey' | 'otherKey' | 'stop' | 'maxDuration' }
  | { kind: 'transfer'; call: number; to: 'bob' | 'Sales'; consult: boolean }
  | { kind: 'hangup'; call: number; by: 'customer' | 'agent' }
  /** A click in one widget, then the desktop closes the widget that leads the shared channel. */
  | { kind: 'leaderClose'; call: number; field: Flag }
  /** The agent opens again a widget they closed while its call goes on. */
  | { kind: 'reopen' };

export type ActionKind = Action['kind'];

export type Fault =
  | { kind: 'dropSockets' }
  | { kind: 'socketClosing' }
  | { kind: 'channelGone' }
  /** A burst of 429s on the next requests, with `Retry-After` readable or hidden by CORS. */
  | { kind: 'rateLimit'; readableHeaders: boolean; seconds: number }
  | { kind: 'serverError'; status: 500 | 502 | 503; target: 'flags' | 'attributes' | 'read' }
  /** The API holds requests longer than the panel's 5 s confirmation wait. */
  | { kind: 'latency' }
  | { kind: 'tokenExpiry' }
  /** A slow CRM: answered once the clock moves on, or (`timeout`) after the panel gave up. */
  | { kind: 'crmSlow'; timeout: boolean }
  | { kind: 'crmFailing'; status: 500 | 503 }
  /** A lazy panel's chunk fails to load in a widget opened meanwhile. */
  | { kind: 'chunk'; module: 'call-data-panel' | 'playback-panel' | 'audit-panel' };

export type FaultKind = Fault['kind'];

export const FAULT_KINDS: readonly FaultKind[] = [
  'dropSockets',
  'socketClosing',
  'channelGone',
  'rateLimit',
  'serverError',
  'latency',
  'tokenExpiry',
  'crmSlow',
  'crmFailing',
  'chunk',
];

/** A fault and the action made while it is on (`probe`), so the fault meets a request. */
export type Step =
  | { index: number; type: 'action'; action: Action }
  | { index: number; type: 'fault'; fault: Fault; probe?: Action };

/** What the plan knows of each call (only what its own steps do to it). */
interface CallModel {
  n: number;
  phase: 'ringing' | 'connected' | 'elsewhere' | 'ended';
  playing: boolean;
  keys: string[];
}

const MAX_ALICE_CALLS = 3;
const START_KEYS = ['tier', 'note'];

class Model {
  readonly calls: CallModel[] = [];
  closedWidgets = 0;

  alice = () => this.calls.filter((c) => c.phase === 'ringing' || c.phase === 'connected');
  connected = () => this.calls.filter((c) => c.phase === 'connected');
  live = () => this.calls.filter((c) => c.phase !== 'ended');
  call = (n: number) => this.calls.find((c) => c.n === n)!;

  apply(action: Action): void {
    switch (action.kind) {
      case 'arrive':
        this.calls.push({
          n: action.call,
          phase: action.answered ? 'connected' : 'ringing',
          playing: false,
          keys: [...START_KEYS],
        });
        return;
      case 'answer':
        this.call(action.call).phase = 'connected';
        return;
      case 'edit':
      case 'outsideAttributes':
        if (!this.call(action.call).keys.includes(action.key))
          this.call(action.call).keys.push(action.key);
        return;
      case 'playStart':
        this.call(action.call).playing = true;
        return;
      case 'playEnd':
        if (action.how !== 'otherKey') this.call(action.call).playing = false;
        return;
      case 'transfer': {
        const call = this.call(action.call);
        call.phase = 'elsewhere';
        call.playing = false;
        return;
      }
      case 'hangup': {
        const call = this.call(action.call);
        call.phase = 'ended';
        call.playing = false;
        return;
      }
      case 'leaderClose':
        this.closedWidgets += 1;
        return;
      case 'reopen':
        this.closedWidgets = Math.max(0, this.closedWidgets - 1);
        return;
      default:
        return;
    }
  }
}

type Maker = (rng: Rng, model: Model, step: number) => Action | undefined;

const ACTOR_KEYS = ['flow.intent', 'flow.language', 'crm.segment', 'survey.optIn'];

/** Each action: its weight (0 when it cannot happen now) and how to make one. */
const ACTIONS: Record<ActionKind, { weight(model: Model): number; make: Maker }> = {
  arrive: {
    weight: (m) => [12, 3, 1.5, 0][Math.min(m.alice().length, MAX_ALICE_CALLS)]!,
    make: (rng, m) => ({
      kind: 'arrive',
      call: m.calls.length + 1,
      queue: rng.chance(0.7) ? 'Support' : 'Sales',
      answered: rng.chance(0.6),
    }),
  },
  answer: {
    weight: (m) => (m.alice().some((c) => c.phase === 'ringing') ? 4 : 0),
    make: (rng, m) => ({
      kind: 'answer',
      call: rng.pick(m.alice().filter((c) => c.phase === 'ringing')).n,
    }),
  },
  toggle: {
    weight: (m) => (m.connected().length > 0 ? 7 : 0),
    make: (rng, m) => ({
      kind: 'toggle',
      call: rng.pick(m.connected()).n,
      field: rng.chance(0.65) ? 'muted' : 'held',
      // Rapid clicks: several in a row, as fast as the page takes them.
      clicks: rng.weighted([
        [1, 5],
        [2, 2],
        [3, 2],
        [6, 1],
      ]),
      where: rng.chance(0.7) ? 'agent' : 'desktop',
    }),
  },
  outsideFlag: {
    weight: (m) => (m.connected().length > 0 ? 2 : 0),
    make: (rng, m) => ({
      kind: 'outsideFlag',
      call: rng.pick(m.connected()).n,
      field: rng.chance(0.5) ? 'muted' : 'held',
    }),
  },
  edit: {
    weight: (m) => (m.connected().length > 0 ? 3 : 0),
    make: (rng, m, step) => {
      const call = rng.pick(m.connected());
      const key = rng.chance(0.4) ? `agent.k${step}` : rng.pick(call.keys);
      return { kind: 'edit', call: call.n, key, value: `a${step}` };
    },
  },
  outsideAttributes: {
    weight: (m) => (m.connected().length > 0 ? 2 : 0),
    make: (rng, m, step) => {
      const call = rng.pick(m.connected());
      return {
        kind: 'outsideAttributes',
        call: call.n,
        key: rng.chance(0.5) ? rng.pick(call.keys) : rng.pick(ACTOR_KEYS),
        value: `o${step}`,
        actor: rng.pick(['flow', 'crm', 'another-client']),
      };
    },
  },
  crm: {
    weight: (m) => (m.connected().length > 0 ? 2 : 0),
    make: (rng, m) => ({ kind: 'crm', call: rng.pick(m.connected()).n }),
  },
  playStart: {
    weight: (m) => (m.connected().some((c) => !c.playing) ? 2 : 0),
    make: (rng, m) => {
      const prompt = rng.pick(PLAYABLE_PROMPTS);
      const rule: KeyRule | undefined = rng.chance(0.6)
        ? {
            digit: rng.pick(['1', '2', '9', '#']),
            then: rng.chance(0.5) ? 'end' : rng.pick(PLAYABLE_PROMPTS.filter((p) => p !== prompt)),
          }
        : undefined;
      return {
        kind: 'playStart',
        call: rng.pick(m.connected().filter((c) => !c.playing)).n,
        prompt,
        maxSeconds: rng.int(120, 600),
        rule,
      };
    },
  },
  playEnd: {
    weight: (m) => (m.connected().some((c) => c.playing) ? 4 : 0),
    make: (rng, m) => ({
      kind: 'playEnd',
      call: rng.pick(m.connected().filter((c) => c.playing)).n,
      how: rng.weighted([
        ['ruleKey', 3],
        ['stop', 3],
        ['maxDuration', 2],
        ['otherKey', 1],
      ]),
    }),
  },
  transfer: {
    weight: (m) => (m.connected().length > 0 ? 1 : 0),
    make: (rng, m) => ({
      kind: 'transfer',
      call: rng.pick(m.connected()).n,
      to: rng.chance(0.5) ? 'bob' : 'Sales',
      consult: rng.chance(0.4),
    }),
  },
  hangup: {
    weight: (m) => [0, 0.7, 1.5, 4][Math.min(m.live().length, MAX_ALICE_CALLS)]!,
    make: (rng, m) => ({
      kind: 'hangup',
      call: rng.pick(m.live()).n,
      by: rng.chance(0.7) ? 'customer' : 'agent',
    }),
  },
  leaderClose: {
    weight: (m) => (m.alice().length - m.closedWidgets >= 2 && m.connected().length > 0 ? 1.5 : 0),
    make: (rng, m) => ({
      kind: 'leaderClose',
      call: rng.pick(m.connected()).n,
      field: rng.chance(0.5) ? 'muted' : 'held',
    }),
  },
  reopen: {
    weight: (m) => (m.closedWidgets > 0 ? 1 : 0),
    make: () => ({ kind: 'reopen' }),
  },
};

function makeAction(rng: Rng, model: Model, step: number, only?: readonly ActionKind[]) {
  const kinds = (only ?? (Object.keys(ACTIONS) as ActionKind[])).map(
    (kind) => [kind, ACTIONS[kind].weight(model)] as const,
  );
  if (!kinds.some(([, w]) => w > 0)) return undefined;
  return ACTIONS[rng.weighted(kinds)].make(rng, model, step);
}

/** The action a fault is tried with: one that sends the kind of request the fault affects. */
const PROBES: Partial<Record<FaultKind, readonly ActionKind[]>> = {
  rateLimit: ['toggle', 'edit'],
  latency: ['toggle', 'edit'],
  crmSlow: ['crm'],
  crmFailing: ['crm'],
  chunk: ['arrive', 'reopen'],
  dropSockets: ['outsideFlag', 'outsideAttributes', 'toggle'],
  socketClosing: ['outsideFlag', 'toggle'],
  channelGone: ['outsideFlag', 'outsideAttributes'],
  tokenExpiry: ['toggle'],
};

function makeFault(rng: Rng, kind: FaultKind): Fault {
  switch (kind) {
    case 'rateLimit':
      return { kind, readableHeaders: rng.chance(0.5), seconds: rng.int(1, 3) };
    case 'serverError':
      return {
        kind,
        status: rng.pick([500, 502, 503] as const),
        target: rng.pick(['flags', 'attributes', 'read'] as const),
      };
    case 'crmSlow':
      return { kind, timeout: rng.chance(0.3) };
    case 'crmFailing':
      return { kind, status: rng.pick([500, 503] as const) };
    case 'chunk':
      return {
        kind,
        module: rng.pick(['call-data-panel', 'playback-panel', 'audit-panel'] as const),
      };
    default:
      return { kind } as Fault;
  }
}

/** The probe kinds for a fault, as the fault's target decides (a 5xx on flags: a toggle). */
function probeKinds(fault: Fault): readonly ActionKind[] | undefined {
  if (fault.kind !== 'serverError') return PROBES[fault.kind];
  return fault.target === 'flags' ? ['toggle'] : fault.target === 'attributes' ? ['edit'] : [];
}

/**
 * `actions` actions and `faults` faults from `seed`; faults are dealt from shuffled decks of
 * every kind, so any ten faults in a row cover each kind once.
 */
export function makePlan(seed: number, actions: number, faults: number): Step[] {
  const rng = seeded(seed);
  const model = new Model();
  const steps: Step[] = [];
  let deck: FaultKind[] = [];
  let actionsLeft = actions;
  let faultsLeft = faults;
  while (actionsLeft + faultsLeft > 0) {
    const index = steps.length + 1;
    // The shift starts with a call; faults come in proportion to what is left.
    const fault = index > 1 && rng.next() < faultsLeft / (actionsLeft + faultsLeft);
    if (fault) {
      if (deck.length === 0) deck = shuffle(rng, [...FAULT_KINDS]);
      const kind = deck.shift()!;
      const made = makeFault(rng, kind);
      const kinds = probeKinds(made);
      const probe = kinds && kinds.length > 0 ? makeAction(rng, model, index, kinds) : undefined;
      // A fault that needs a request nothing can send now waits for a later step.
      if (!(kinds && kinds.length > 0 && !probe && actionsLeft > 0)) {
        if (probe) model.apply(probe);
        steps.push({ index, type: 'fault', fault: made, probe });
        faultsLeft -= 1;
        continue;
      }
      deck.unshift(kind);
    }
    {
      const action = makeAction(rng, model, index) ?? makeAction(rng, model, index, ['arrive']);
      if (!action) throw new Error(`no action possible at step ${index}`);
      model.apply(action);
      steps.push({ index, type: 'action', action });
      actionsLeft -= 1;
    }
  }
  return steps;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export const callerName = (n: number) => `Caller ${String(n).padStart(2, '0')}`;

/** One line per step, for the log and for a failure's report. */
export function describeStep(step: Step): string {
  const what = (a: Action) => {
    const { kind, ...rest } = a;
    const call = 'call' in rest ? callerName(rest.call) : undefined;
    const details = Object.entries(rest)
      .filter(([k, v]) => k !== 'call' && v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return [kind, call, ...details].filter(Boolean).join(' ');
  };
  if (step.type === 'action') return `#${step.index} action ${what(step.action)}`;
  const { kind, ...rest } = step.fault;
  const details = Object.entries(rest).map(([k, v]) => `${k}=${String(v)}`);
  const probe = step.probe ? ` with ${what(step.probe)}` : '';
  return `#${step.index} fault ${[kind, ...details].join(' ')}${probe}`;
}

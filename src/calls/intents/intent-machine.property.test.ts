import fc from 'fast-check';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PlatformError } from '../../platform/errors';
import { IntentDriver } from './intent-driver';
import {
  FIXED_CASES,
  type ConflictRetries,
  type Field,
  type Reply,
  type Step,
} from './intent-machine.cases';
import { TRANSITIONS, transitionName } from './intent-transitions';
import { STATE_NAMES, type StateName, type Values } from './intent-types';

const FIELDS: Field[] = ['muted', 'held'];

const reply: fc.Arbitrary<Reply> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('accept' as const),
      eventDelayMs: fc.integer({ min: 0, max: 5000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rateLimited' as const),
      retryAfterS: fc.integer({ min: 0, max: 10 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'acceptEventLost' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'acceptEventFirst' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'serverErrorApplied' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'serverError' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'forbidden' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'conflict' as const }) },
);

/** Every state and transition the runs visited (the machine's coverage). */
const visitedStates = new Set<StateName>();
const visitedTransitions = new Set<string>();

/** Up to three parties of a conference, each with its own machine. */
const PARTIES = 3;
const party = fc.integer({ min: 0, max: PARTIES - 1 });

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('click' as const),
      field: fc.constantFrom<Field>('muted', 'held'),
      value: fc.boolean(),
      party,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 4000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('end' as const),
      party,
      eventDelayMs: fc.integer({ min: 0, max: 3000 }),
    }),
  },
);

/** One party of the call as the simulated platform and the test see it. */
interface Party {
  server: Values<boolean>;
  /** Its leg has ended on the server: requests on it are refused from then on. */
  ended: boolean;
  /** Its machine has been told the leg ended (the snapshot arrived): nothing may leave after. */
  endDelivered: boolean;
  latest: Map<Field, { value: boolean; live: boolean }>;
  lastEventAt: number;
  intents: IntentDriver<boolean>;
}

/**
 * A simulated platform: requests go out after a random queueing delay (the request budget),
 * get a random reply; accepted changes apply and their events arrive in order after a random
 * delay (possibly after the panel's confirmation deadline); re-reads return the truth. Several
 * parties (a conference) run at once, each with its own machine; a party's leg may end while an
 * intent on it is queued, on the wire or awaiting confirmation. Snapshots reach each machine the
 * way the registry passes them on: the flags, then "ended" when the leg is disconnected.
 */
async function run(
  steps: Step[],
  replies: Reply[],
  queueDelays: number[],
  conflictRetries: number,
  jitter: number,
) {
  const violations: string[] = [];
  let eventsLost = false;
  let nextReply = 0;
  let nextDelay = 0;
  const count = 1 + Math.max(0, ...steps.map((s) => (s.kind === 'wait' ? 0 : (s.party ?? 0))));
  const deliver = (x: Party, snapshot: Values<boolean>, ended: boolean) => {
    x.intents.confirm(snapshot);
    if (ended) {
      x.endDelivered = true;
      x.intents.end();
    }
  };
  const publish = (x: Party, delayMs: number) => {
    const snapshot = { ...x.server };
    const ended = x.ended;
    x.lastEventAt = Math.max(x.lastEventAt, Date.now() + delayMs);
    setTimeout(() => deliver(x, snapshot, ended), x.lastEventAt - Date.now());
  };
  const makeParty = (index: number): Party => {
    const x = {
      server: { muted: false, held: false },
      ended: false,
      endDelivered: false,
      latest: new Map(),
      lastEventAt: 0,
    } as unknown as Party;
    x.intents = new IntentDriver<boolean>(
      { ...x.server },
      {
        // The request budget: a permit after a random queueing delay.
        acquire: () =>
          new Promise((resolve) =>
            setTimeout(
              () => resolve({ release: () => undefined }),
              queueDelays[nextDelay++ % queueDelays.length]!,
            ),
          ),
        send: (body) =>
          new Promise((resolve, reject) => {
            if (x.endDelivered) violations.push(`party ${index}: sent after its leg ended`);
            for (const [field, value] of Object.entries(body)) {
              const intent = x.latest.get(field as Field);
              if (!intent?.live || intent.value !== value)
                violations.push(
                  `party ${index}: sent ${field}=${value} but the latest intent is ${JSON.stringify(intent)}`,
                );
            }
            const r = replies[nextReply++ % replies.length]!;
            setTimeout(() => {
              if (x.ended) {
                // The platform refuses to change a leg that has ended.
                reject(new PlatformError('invalid', '400', { status: 400 }));
              } else if (r.kind === 'accept') {
                Object.assign(x.server, body);
                resolve(body);
                publish(x, r.eventDelayMs);
              } else if (r.kind === 'acceptEventFirst') {
                // Events keep their order: this one follows any still on its way, then the 202.
                Object.assign(x.server, body);
                publish(x, 0);
                setTimeout(() => resolve(body), x.lastEventAt - Date.now());
              } else if (r.kind === 'acceptEventLost') {
                Object.assign(x.server, body);
                eventsLost = true;
                resolve(body);
              } else if (r.kind === 'rateLimited') {
                reject(
                  new PlatformError('rateLimited', '429', {
                    status: 429,
                    retryAfterMs: r.retryAfterS * 1000,
                  }),
                );
              } else if (r.kind === 'serverErrorApplied') {
                Object.assign(x.server, body);
                publish(x, 200);
                reject(new PlatformError('server', '503', { status: 503 }));
              } else if (r.kind === 'serverError') {
                reject(new PlatformError('server', '503', { status: 503 }));
              } else if (r.kind === 'conflict') {
                reject(new PlatformError('conflict', '409', { status: 409 }));
              } else {
                reject(new PlatformError('forbidden', '403', { status: 403 }));
              }
            }, 30);
          }),
        confirmTimeoutMs: 5000,
        conflictRetries,
        random: () => jitter,
        reread: () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              deliver(x, { ...x.server }, x.ended);
              resolve();
            }, 40),
          ),
        trace: (from, event, to) => {
          visitedStates.add(to.phase.name);
          if (from.phase.name !== to.phase.name)
            visitedTransitions.add(transitionName(from.phase.name, event.type, to.phase.name));
        },
      },
    );
    x.intents.listen({
      onOutcome: (o) => {
        const intent = x.latest.get(o.field as Field);
        if (intent && intent.value === o.value) intent.live = false;
      },
    });
    return x;
  };
  const parties = Array.from({ length: count }, (_, i) => makeParty(i));
  /** What every party shows and has pending, to check that one party's click leaves the rest. */
  const look = (x: Party) => FIELDS.map((f) => [x.intents.shown(f), x.intents.isPending(f)]);
  for (const s of steps) {
    if (s.kind === 'click') {
      const x = parties[s.party ?? 0]!;
      const others = parties.filter((o) => o !== x);
      const before = JSON.stringify(others.map(look));
      // A click on an ended leg is nothing the agent can still want (the panel offers none).
      x.latest.set(s.field, { value: s.value, live: !x.endDelivered });
      x.intents.request(s.field, s.value);
      if (JSON.stringify(others.map(look)) !== before)
        violations.push(`a click on party ${s.party ?? 0} changed another party`);
    } else if (s.kind === 'end') {
      const x = parties[s.party ?? 0]!;
      if (x.ended) continue;
      x.ended = true;
      // Whatever was pending on it is over: a request it still sends would be a violation.
      publish(x, s.eventDelayMs);
    } else await vi.advanceTimersByTimeAsync(s.ms);
  }
  await vi.advanceTimersByTimeAsync(120_000);
  // A lost event is a gap the channel recovers from with a re-read (its resync); without one,
  // no client could tell a late, stale event from the truth. Stuck intents stay stuck through it.
  if (eventsLost) {
    for (const x of parties) deliver(x, { ...x.server }, x.ended);
    await vi.advanceTimersByTimeAsync(120_000);
  }
  const results = parties.map((x) => ({
    server: { ...x.server },
    shown: Object.fromEntries(FIELDS.map((f) => [f, x.intents.shown(f)])),
    pending: FIELDS.filter((f) => x.intents.isPending(f)),
  }));
  for (const x of parties) x.intents.dispose();
  return { results, violations };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('after any sequence of clicks on the parties of a conference, 429s, 5xx, 403s, late and early confirmations and legs ending while intents are pending, each party settles on the server’s state, never sent a superseded target nor anything after its leg ended, and a click on one never touched another', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 1, maxLength: 25 }),
      fc.array(reply, { minLength: 1, maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 6 }),
      // Mute and hold: a 409 is final; attributes: retried up to 3 times.
      fc.constantFrom<ConflictRetries>(0, 3),
      // Where in its window each 409 backoff falls.
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      async (steps, replies, delays, conflictRetries, jitter) => {
        vi.clearAllTimers();
        const result = await run(steps, replies, delays, conflictRetries, jitter);
        expect(result.violations).toEqual([]);
        for (const party of result.results) {
          expect(party.pending).toEqual([]);
          expect(party.shown).toEqual(party.server);
        }
      },
    ),
    {
      // INTENT_RUNS=23 (the fixed cases alone) shows that they cover the machine by themselves.
      numRuns: Number(process.env.INTENT_RUNS ?? 1000),
      examples: FIXED_CASES,
    },
  );
}, 120_000);

// Reads what the property above recorded (tests in a file run in order).
it('the runs above visited every state and every transition of the machine', () => {
  const missingStates = STATE_NAMES.filter((name) => !visitedStates.has(name));
  const missingTransitions = TRANSITIONS.filter((t) => !visitedTransitions.has(t));
  const undeclared = [...visitedTransitions].filter((t) => !TRANSITIONS.includes(t)).sort();
  expect({ missingStates, missingTransitions, undeclared }).toEqual({
    missingStates: [],
    missingTransitions: [],
    undeclared: [],
  });
});

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

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('click' as const),
    field: fc.constantFrom<Field>('muted', 'held'),
    value: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
);

/**
 * A simulated platform: requests go out after a random queueing delay (the request budget),
 * get a random reply; accepted changes apply and their events arrive in order after a random
 * delay (possibly after the panel's confirmation deadline); re-reads return the truth.
 */
async function run(
  steps: Step[],
  replies: Reply[],
  queueDelays: number[],
  conflictRetries: number,
  jitter: number,
) {
  const server: Values<boolean> = { muted: false, held: false };
  const latest = new Map<Field, { value: boolean; live: boolean }>();
  const violations: string[] = [];
  let lastEventAt = 0;
  let eventsLost = false;
  let nextReply = 0;
  let nextDelay = 0;
  const publish = (delayMs: number) => {
    const snapshot = { ...server };
    lastEventAt = Math.max(lastEventAt, Date.now() + delayMs);
    setTimeout(() => intents.confirm(snapshot), lastEventAt - Date.now());
  };
  const intents: IntentDriver<boolean> = new IntentDriver<boolean>(
    { ...server },
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
          for (const [field, value] of Object.entries(body)) {
            const intent = latest.get(field as Field);
            if (!intent?.live || intent.value !== value)
              violations.push(
                `sent ${field}=${value} but the latest intent is ${JSON.stringify(intent)}`,
              );
          }
          const r = replies[nextReply++ % replies.length]!;
          setTimeout(() => {
            if (r.kind === 'accept') {
              Object.assign(server, body);
              resolve(body);
              publish(r.eventDelayMs);
            } else if (r.kind === 'acceptEventFirst') {
              // Events keep their order: this one follows any still on its way, then the 202.
              Object.assign(server, body);
              publish(0);
              setTimeout(() => resolve(body), lastEventAt - Date.now());
            } else if (r.kind === 'acceptEventLost') {
              Object.assign(server, body);
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
              Object.assign(server, body);
              publish(200);
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
            intents.confirm({ ...server });
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
  intents.listen({
    onOutcome: (o) => {
      const intent = latest.get(o.field as Field);
      if (intent && intent.value === o.value) intent.live = false;
    },
  });
  for (const s of steps) {
    if (s.kind === 'click') {
      latest.set(s.field, { value: s.value, live: true });
      intents.request(s.field, s.value);
    } else await vi.advanceTimersByTimeAsync(s.ms);
  }
  await vi.advanceTimersByTimeAsync(120_000);
  // A lost event is a gap the channel recovers from with a re-read (its resync); without one,
  // no client could tell a late, stale event from the truth. Stuck intents stay stuck through it.
  if (eventsLost) {
    intents.confirm({ ...server });
    await vi.advanceTimersByTimeAsync(120_000);
  }
  const shown = Object.fromEntries(FIELDS.map((f) => [f, intents.shown(f)]));
  const pending = FIELDS.filter((f) => intents.isPending(f));
  intents.dispose();
  return { server, shown, pending, violations };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('after any sequence of clicks, 429s, 5xx, 403s, late and early confirmations, the panel settles on the server’s state and never sent a superseded target', async () => {
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
        expect(result.pending).toEqual([]);
        expect(result.shown).toEqual(result.server);
      },
    ),
    {
      numRuns: 1000,
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

/** The inputs of the intent property test (`intent-machine.property.test.ts`). */
export type Field = 'muted' | 'held';

export type Reply =
  | { kind: 'accept'; eventDelayMs: number }
  /** Accepted, and its notification arrives before the 202 does. */
  | { kind: 'acceptEventFirst' }
  /** Accepted and applied, but its event never arrives (a socket gap): only a re-read shows it. */
  | { kind: 'acceptEventLost' }
  | { kind: 'rateLimited'; retryAfterS: number }
  | { kind: 'serverErrorApplied' }
  | { kind: 'serverError' }
  | { kind: 'forbidden' }
  /** A concurrent change won the race; nothing was applied. */
  | { kind: 'conflict' };

export type Step = { kind: 'click'; field: Field; value: boolean } | { kind: 'wait'; ms: number };

/** Mute and hold: a 409 is final (0); attributes: retried up to 3 times. */
export type ConflictRetries = 0 | 3;

/**
 * Fixed cases of the intent property test, run before the random ones: counterexamples it
 * found once, and the shortest runs that visit the machine's rare transitions.
 */
export const FIXED_CASES: [Step[], Reply[], number[], ConflictRetries, number][] = [
  // Found by a CI run: a 5xx left the first target "maybe applied" while the second,
  // equal to the server's state, was refused; the field stayed pending for ever.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 0 },
      { kind: 'click', field: 'muted', value: false },
    ],
    [{ kind: 'serverError' }, { kind: 'forbidden' }],
    [0],
    0,
    0.5,
  ],
  // An accepted target whose event was lost, then a later one equal to the old state: the
  // first stayed awaited for ever.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 0 },
      { kind: 'click', field: 'muted', value: false },
      { kind: 'wait', ms: 0 },
    ],
    [{ kind: 'acceptEventLost' }, { kind: 'accept', eventDelayMs: 0 }],
    [0],
    0,
    0.5,
  ],
  // Rare transitions, kept so that every run visits each of them (see the coverage check).
  // A click while a request is out, sent right after its 202 / its refusal.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 10 },
      { kind: 'click', field: 'held', value: true },
    ],
    [
      { kind: 'accept', eventDelayMs: 0 },
      { kind: 'accept', eventDelayMs: 0 },
    ],
    [0],
    0,
    0.5,
  ],
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 10 },
      { kind: 'click', field: 'held', value: true },
    ],
    [{ kind: 'forbidden' }, { kind: 'accept', eventDelayMs: 0 }],
    [0],
    0,
    0.5,
  ],
  // A 5xx that was applied while the agent changed their mind: the re-read shows the old
  // target, and the new one leaves.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 10 },
      { kind: 'click', field: 'muted', value: false },
    ],
    [{ kind: 'serverErrorApplied' }, { kind: 'accept', eventDelayMs: 0 }],
    [0],
    0,
    0.5,
  ],
  // An intent equal to the server's state outlives a 429 and ends at its deadline.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 0 },
      { kind: 'click', field: 'muted', value: false },
    ],
    [{ kind: 'rateLimited', retryAfterS: 0 }, { kind: 'serverErrorApplied' }],
    [0],
    0,
    0.5,
  ],
  // A click back to the server's state after a 429, settled at once.
  [
    [
      { kind: 'click', field: 'held', value: true },
      { kind: 'wait', ms: 0 },
      { kind: 'click', field: 'held', value: false },
      { kind: 'wait', ms: 31 },
      { kind: 'click', field: 'held', value: false },
    ],
    [{ kind: 'rateLimited', retryAfterS: 0 }],
    [0],
    0,
    0.5,
  ],
  // After a 429's pause, only an unconfirmed value is left: nothing to send.
  [
    [
      { kind: 'click', field: 'held', value: true },
      { kind: 'wait', ms: 0 },
      { kind: 'click', field: 'held', value: false },
      { kind: 'wait', ms: 0 },
    ],
    [{ kind: 'rateLimited', retryAfterS: 0 }, { kind: 'acceptEventLost' }],
    [0],
    0,
    0.5,
  ],
  // A change of mind during a 409's backoff: nothing left to send.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 30 },
      { kind: 'click', field: 'muted', value: false },
    ],
    [{ kind: 'conflict' }, { kind: 'accept', eventDelayMs: 0 }],
    [0],
    3,
    0.5,
  ],
  // After a 409's backoff, only an unconfirmed value is left.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 0 },
      { kind: 'click', field: 'muted', value: false },
      { kind: 'wait', ms: 0 },
    ],
    [{ kind: 'conflict' }],
    [0],
    3,
    0,
  ],
  // Clicked away and back while the next request waited for its permit: nothing to send,
  // the accepted target still to be confirmed.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 30 },
      { kind: 'click', field: 'muted', value: false },
      { kind: 'click', field: 'muted', value: true },
    ],
    [{ kind: 'accept', eventDelayMs: 0 }],
    [0],
    0,
    0,
  ],
];

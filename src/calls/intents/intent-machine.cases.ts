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

/**
 * One thing that happens in a run. `party` picks a participant of a conference (0 when absent):
 * each has its own machine and server state. `end`: that party's leg ends on the server (later
 * requests on it are refused) and its snapshot, disconnected, arrives after `eventDelayMs`.
 */
export type Step =
  | { kind: 'click'; field: Field; value: boolean; party?: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'end'; party?: number; eventDelayMs: number };

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
  // The leg ends while the intent waits for its permit (queued), is on the wire, awaits its
  // confirmation (event lost), or waits out a 429 / a 409 backoff: it settles, nothing more leaves.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'end', eventDelayMs: 0 },
      { kind: 'wait', ms: 10 },
    ],
    [{ kind: 'accept', eventDelayMs: 0 }],
    [400],
    0,
    0.5,
  ],
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 10 },
      { kind: 'end', eventDelayMs: 0 },
    ],
    [{ kind: 'accept', eventDelayMs: 0 }],
    [0],
    0,
    0.5,
  ],
  // Awaiting confirmation with the target not on the server: a 5xx's re-read is still out when
  // the leg ends (a lost event's target is confirmed by the ended snapshot itself).
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 45 },
      { kind: 'end', eventDelayMs: 0 },
    ],
    [{ kind: 'serverError' }],
    [0],
    0,
    0.5,
  ],
  [
    [
      { kind: 'click', field: 'held', value: true },
      { kind: 'wait', ms: 100 },
      { kind: 'end', eventDelayMs: 0 },
    ],
    [{ kind: 'acceptEventLost' }],
    [0],
    0,
    0.5,
  ],
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 100 },
      { kind: 'end', eventDelayMs: 0 },
    ],
    [{ kind: 'rateLimited', retryAfterS: 10 }],
    [0],
    0,
    0.5,
  ],
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 40 },
      { kind: 'end', eventDelayMs: 0 },
    ],
    [{ kind: 'conflict' }],
    [0],
    3,
    0.5,
  ],
  // A conference: three parties' intents interleaved, one party leaving while another's request
  // is out.
  [
    [
      { kind: 'click', field: 'muted', value: true, party: 0 },
      { kind: 'click', field: 'held', value: true, party: 1 },
      { kind: 'wait', ms: 10 },
      { kind: 'click', field: 'muted', value: true, party: 2 },
      { kind: 'end', party: 1, eventDelayMs: 0 },
      { kind: 'click', field: 'muted', value: false, party: 0 },
    ],
    [{ kind: 'accept', eventDelayMs: 100 }, { kind: 'forbidden' }],
    [0, 20],
    0,
    0.5,
  ],
  // The shortest runs through the remaining transitions (found by shrinking a search for each).
  // A 5xx not applied: the re-read shows the old state and the intent ends.
  [[{ kind: 'click', field: 'muted', value: true }], [{ kind: 'serverError' }], [0], 0, 0],
  // The event arrives before the 202: the accepted target is already confirmed.
  [[{ kind: 'click', field: 'muted', value: true }], [{ kind: 'acceptEventFirst' }], [0], 0, 0],
  // A 429 with no wait: the retry queues the same target again.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 0 },
    ],
    [{ kind: 'rateLimited', retryAfterS: 0 }],
    [0],
    0,
    0,
  ],
  // A 429 longer than the intent's deadline: by the retry nothing is wanted any more.
  [
    [
      { kind: 'click', field: 'muted', value: true },
      { kind: 'wait', ms: 0 },
    ],
    [
      { kind: 'rateLimited', retryAfterS: 5 },
      { kind: 'accept', eventDelayMs: 0 },
    ],
    [0],
    0,
    0,
  ],
  // A 409 with retries left: the backoff queues the target again.
  [[{ kind: 'click', field: 'muted', value: true }], [{ kind: 'conflict' }], [0], 3, 0],
];

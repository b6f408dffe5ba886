import type { Call, Participant } from '../platform/types';

/** A participant with sensible defaults; override what the test cares about. */
export function participant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: 'p',
    name: '',
    purpose: 'agent',
    state: 'connected',
    direction: 'inbound',
    muted: false,
    held: false,
    attributes: {},
    ...overrides,
  };
}

/** A connected call with a customer and the given user's agent leg. */
export function callFor(userId: string, id: string, overrides: Partial<Participant> = {}): Call {
  return {
    id,
    participants: [
      participant({ id: `${id}-c`, purpose: 'customer', state: overrides.state ?? 'connected' }),
      participant({ id: `${id}-a`, userId, ...overrides }),
    ],
  };
}

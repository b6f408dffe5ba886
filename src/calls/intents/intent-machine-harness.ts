import { PlatformError } from '../../platform/errors';
import { reduce } from './intent-machine';
import { initialState } from './intent-state';
import type { Effect, MachineInput, MachineState, Transition } from './intent-types';

/** Shared by the intent machine's example tests: options, a flag machine, feeding events. */
export const NOW = 1_000_000;
const FLAGS = { confirmTimeoutMs: 5000, conflictRetries: 0 };
export const ATTRIBUTES = { confirmTimeoutMs: 10_000, conflictRetries: 3 };

export const flags = (confirmed = { muted: false, held: false }) => initialState(confirmed, FLAGS);

/** Feeds events in order (all at `now`); returns the last state and every effect. */
export function feed<V>(state: MachineState<V>, events: MachineInput<V>[], now = NOW) {
  const effects: Effect<V>[] = [];
  let current = state;
  for (const event of events) {
    const next: Transition<V> = reduce(current, { ...event, now });
    effects.push(...next.effects);
    current = next.state;
  }
  return { state: current, effects };
}

export const types = <V>(effects: Effect<V>[]) => effects.map((e) => e.type);
export const rateLimited = (ms: number) =>
  new PlatformError('rateLimited', '429', { status: 429, retryAfterMs: ms });
export const conflict = () => new PlatformError('conflict', '409', { status: 409 });
export const server = () => new PlatformError('server', '503', { status: 503 });

/** The timer an `arm` effect set for this purpose. */
export function armed<V>(effects: Effect<V>[], kind: 'deadline' | 'retry') {
  const arm = effects.find((e) => e.type === 'arm' && e.purpose.kind === kind);
  if (arm?.type !== 'arm') throw new Error(`no ${kind} timer armed`);
  return arm;
}

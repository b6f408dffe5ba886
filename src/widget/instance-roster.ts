import type { BusDropReason } from '../realtime/bus-schema';
import type { BusMessage, InstanceBus } from '../realtime/instance-bus';
import { readInstanceMessage } from './instance-messages';

export interface RosterBus extends InstanceBus {
  /** Whether this instance has introduced itself on the bus (and not said goodbye). */
  knows(instanceId: string): boolean;
}

/**
 * The instances' bus as the token exchange and "by you" read it. Each instance introduces itself
 * when it starts (`hello`; the others answer it by name, so a newcomer learns them too) and says
 * `bye` when it stops. Every message is read against its schema; a malformed one is dropped, and
 * so is a well-formed one from an instance that never introduced itself (a token request, a
 * token, a `sent` notice): each drop is counted through `onDropped`, and nothing of the message
 * reaches the listeners. BroadcastChannel only carries messages of this origin, so this stops
 * stray, stale and malformed messages, not a script of the origin that speaks the protocol.
 *
 * @example
 * const bus = rosterBus(broadcastBus(scope), { instanceId, onDropped: count });
 * const tokens = new TokenExchange(bus, instanceId);
 */
export function rosterBus(
  raw: InstanceBus,
  options: { instanceId: string; onDropped(reason: BusDropReason): void },
): RosterBus {
  const { instanceId, onDropped } = options;
  const known = new Set<string>();
  const listeners = new Set<(message: BusMessage) => void>();
  const off = raw.subscribe((data: unknown) => {
    const message = readInstanceMessage(data);
    if (!message) return onDropped('malformed');
    if (message.from === instanceId || (message.to !== undefined && message.to !== instanceId))
      return;
    if (message.type === 'hello') {
      const isNew = !known.has(message.from);
      known.add(message.from);
      // Answer an introduction made to everyone (an answer is addressed, so it gets none).
      if (isNew && !message.to) raw.post({ type: 'hello', from: instanceId, to: message.from });
      return;
    }
    if (message.type === 'bye') return void known.delete(message.from);
    if (!known.has(message.from)) return onDropped('unexpected');
    for (const listener of [...listeners]) listener(message);
  });
  raw.post({ type: 'hello', from: instanceId });
  return {
    post: (message) => raw.post(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    knows: (id) => known.has(id),
    close: () => {
      raw.post({ type: 'bye', from: instanceId });
      off();
      listeners.clear();
      raw.close();
    },
  };
}

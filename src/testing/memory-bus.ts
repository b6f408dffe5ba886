import type { BusMessage, InstanceBus } from '../realtime/instance-bus';

/**
 * Buses that reach each other in memory, as BroadcastChannel does (a sender does not hear
 * itself; delivery is asynchronous), for tests.
 */
export function memoryBusNetwork() {
  const members = new Set<{ deliver(message: BusMessage): void }>();
  return {
    create(): InstanceBus {
      const listeners = new Set<(message: BusMessage) => void>();
      const member = {
        deliver: (message: BusMessage) => {
          for (const listener of [...listeners]) listener(structuredClone(message));
        },
      };
      members.add(member);
      return {
        post: (message) => {
          for (const other of [...members])
            if (other !== member) queueMicrotask(() => other.deliver(message));
        },
        subscribe: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close: () => {
          listeners.clear();
          members.delete(member);
        },
      };
    },
  };
}

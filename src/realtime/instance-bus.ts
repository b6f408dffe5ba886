/**
 * Messages between the widget's instances in one browser (interaction widgets are one iframe
 * per interaction, all of one origin): a thin layer over BroadcastChannel, same-origin by
 * construction. Without BroadcastChannel the widget simply runs alone.
 */
export interface BusMessage {
  type: string;
  /** The sending instance. */
  from: string;
  /** Addressed to one instance; absent: everyone. */
  to?: string;
  [key: string]: unknown;
}

export interface InstanceBus {
  post(message: BusMessage): void;
  subscribe(listener: (message: BusMessage) => void): () => void;
  close(): void;
}

/**
 * The browser's BroadcastChannel under `name`; a bus that reaches nobody when there is none.
 * Data that is not a message at all (or cannot be deserialised) never reaches a listener and is
 * reported through `onMalformed`; each listener reads the messages it takes against its schema.
 */
export function broadcastBus(name: string, onMalformed?: () => void): InstanceBus {
  if (typeof BroadcastChannel === 'undefined') return isolatedBus();
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: BusMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    if (!isMessage(event.data)) return onMalformed?.();
    for (const listener of [...listeners]) listener(event.data);
  };
  channel.onmessageerror = () => onMalformed?.();
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      channel.close();
    },
  };
}

const isMessage = (data: unknown): data is BusMessage =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as BusMessage).type === 'string' &&
  typeof (data as BusMessage).from === 'string';

function isolatedBus(): InstanceBus {
  return { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };
}

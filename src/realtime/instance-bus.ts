import type { NotificationChannel as ChannelInfo } from '../platform/types';
import type { TopicEvent } from './topic-registry';

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

const isMessage = (data: unknown): data is BusMessage =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as BusMessage).type === 'string' &&
  typeof (data as BusMessage).from === 'string';

/** The browser's BroadcastChannel under `name`; a bus that reaches nobody when there is none. */
export function broadcastBus(name: string): InstanceBus {
  if (typeof BroadcastChannel === 'undefined') return isolatedBus();
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: BusMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    if (!isMessage(event.data)) return;
    for (const listener of [...listeners]) listener(event.data);
  };
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

function isolatedBus(): InstanceBus {
  return { post: () => undefined, subscribe: () => () => undefined, close: () => undefined };
}

/** A message's list of strings (anything else in it dropped; not a list: empty). */
export const readStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Like `readStrings`, but absent when the field is not a list. */
export const readOptionalStrings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? readStrings(value) : undefined;

export const isChannelInfo = (value: unknown): value is ChannelInfo =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ChannelInfo).id === 'string' &&
  typeof (value as ChannelInfo).connectUri === 'string';

export const isTopicEvent = (value: unknown): value is TopicEvent =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as TopicEvent).topicName === 'string';

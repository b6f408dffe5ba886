import type { NotificationChannel as ChannelInfo } from '../platform/types';
import {
  isFiniteNumber,
  isInstanceId,
  isListOf,
  isOneOf,
  isShaped,
  isTextUpTo,
  readBusMessage,
  type FieldCheck,
  type MessageSchema,
} from './bus-schema';
import type { ConnectionState } from './connection-store';
import type { BusMessage } from './instance-bus';
import type { TopicEvent } from './topic-registry';

/** The platform allows 1000 topics per channel (contract §3.2); a topic is printable ASCII. */
const MAX_TOPICS = 1000;
const isTopic: FieldCheck = (v) => typeof v === 'string' && /^[\x21-\x7e]{1,512}$/.test(v);
const isTopics = isListOf(isTopic, MAX_TOPICS);

/** A platform channel: `wss://…` (the emulator's is `ws://`), as `createChannel` maps it. */
const isChannelInfo = isShaped({
  required: {
    id: isInstanceId,
    connectUri: (v) => typeof v === 'string' && v.length <= 2048 && /^wss?:\/\/[^\s]+$/i.test(v),
    expiresAt: isFiniteNumber,
  },
});

const STATUSES: readonly ConnectionState['status'][] = [
  'idle',
  'connecting',
  'live',
  'reconnecting',
  'signInNeeded',
  'stopped',
];
const isTime = (v: unknown) => isFiniteNumber(v) && (v as number) >= 0;

/** The leader's link state, exactly the fields a follower mirrors (`MIRRORED_FIELDS`). */
const isMirroredState = isShaped({
  optional: {
    status: isOneOf(...STATUSES),
    attempt: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
    nextRetryAt: isTime,
    staleSince: isTime,
    channelId: isInstanceId,
  },
});

/** The fields of the link state a follower takes from the leader. */
export const MIRRORED_FIELDS = [
  'status',
  'attempt',
  'nextRetryAt',
  'staleSince',
  'channelId',
] as const;

export type MirroredState = Partial<Pick<ConnectionState, (typeof MIRRORED_FIELDS)[number]>>;

/** The leader's link state as it goes to followers. */
export function mirroredState(state: ConnectionState): MirroredState {
  const out: Record<string, unknown> = {};
  // Absent fields go as `undefined`: a follower clears them too (a retry no longer due).
  for (const field of MIRRORED_FIELDS) out[field] = state[field];
  return out as MirroredState;
}

/** One socket event as the leader fans it out (`kind` from the frame it came in, tolerated). */
const isTopicEvent = isShaped({
  required: { topicName: isTopic, body: () => true },
  optional: { correlationId: isTextUpTo(256), kind: isOneOf('topic') },
});

const SCHEMAS = {
  hello: { required: { topics: isTopics } },
  topics: { required: { topics: isTopics } },
  bye: {},
  leader: { required: { channel: (v: unknown) => v === null || isChannelInfo(v) } },
  channel: { required: { channel: isChannelInfo } },
  state: { required: { state: isMirroredState } },
  event: { required: { event: isTopicEvent } },
  resync: { optional: { topics: isTopics } },
  reconnect: {},
} satisfies Record<string, MessageSchema>;

type Envelope = { from: string; to?: string };

/** What the instances sharing one notifications channel say to each other. */
export type ChannelMessage = Envelope &
  (
    | { type: 'hello' | 'topics'; topics: string[] }
    | { type: 'bye' | 'reconnect' }
    | { type: 'leader'; channel: ChannelInfo | null }
    | { type: 'channel'; channel: ChannelInfo }
    | { type: 'state'; state: MirroredState }
    | { type: 'event'; event: TopicEvent }
    | { type: 'resync'; topics?: string[] }
  );

/**
 * The message, if it is one of the shared channel's and shaped exactly as it must be.
 *
 * @example
 * readChannelMessage({ type: 'bye', from: 'a' }); // {type: 'bye', from: 'a'}
 * readChannelMessage({ type: 'state', from: 'a', state: { status: 'live', x: 1 } }); // undefined
 */
export function readChannelMessage(data: BusMessage | unknown): ChannelMessage | undefined {
  return readBusMessage(data, SCHEMAS) as ChannelMessage | undefined;
}

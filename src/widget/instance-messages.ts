import type { SentTargets } from '../calls/intents/intent-registry';
import {
  isFiniteNumber,
  isInstanceId,
  isOneOf,
  isPlainObject,
  isShaped,
  readBusMessage,
  type FieldCheck,
  type MessageSchema,
} from '../realtime/bus-schema';
import type { BusMessage } from '../realtime/instance-bus';
import type { SharedToken } from './token-exchange';

/** The platform's own bounds on participant data (a PATCH carries at most this much). */
const MAX_KEYS = 200;
const MAX_KEY_LENGTH = 256;
const MAX_VALUE_LENGTH = 32_768;

const isToken = isShaped({
  required: {
    accessToken: (v) => typeof v === 'string' && v !== '' && v.length <= 8192,
    expiresAt: isFiniteNumber,
  },
  optional: { userId: isInstanceId },
});

/** Mute and hold targets, or call data: the values' shape follows the group. */
const isSentValues = (group: unknown, values: unknown): boolean => {
  if (!isPlainObject(values)) return false;
  const entries = Object.entries(values);
  if (group === 'flags')
    return entries.every(([k, v]) => (k === 'muted' || k === 'held') && typeof v === 'boolean');
  return (
    entries.length <= MAX_KEYS &&
    entries.every(
      ([k, v]) =>
        k !== '' &&
        k.length <= MAX_KEY_LENGTH &&
        typeof v === 'string' &&
        v.length <= MAX_VALUE_LENGTH,
    )
  );
};

const isSent: FieldCheck = (v) =>
  isShaped({
    required: {
      conversationId: isInstanceId,
      participantId: isInstanceId,
      group: isOneOf('flags', 'attributes'),
      values: () => true,
    },
  })(v) &&
  isPlainObject(v) &&
  isSentValues(v.group, v.values);

const SCHEMAS = {
  /** An instance introduces itself (and answers a newcomer's introduction, addressed to it). */
  hello: {},
  bye: {},
  'token-request': {},
  token: { required: { token: isToken } },
  sent: { required: { sent: isSent } },
} satisfies Record<string, MessageSchema>;

type Envelope = { from: string; to?: string };

/** What the widget's instances say to each other about sign-in and "by you". */
export type InstanceMessage = Envelope &
  (
    | { type: 'hello' | 'bye' | 'token-request' }
    | { type: 'token'; token: SharedToken }
    | { type: 'sent'; sent: SentTargets }
  );

/**
 * The message if it is one of these and shaped exactly so; otherwise undefined.
 *
 * @example
 * readInstanceMessage({ type: 'token-request', from: 'a' }); // {type: 'token-request', from: 'a'}
 */
export function readInstanceMessage(data: BusMessage | unknown): InstanceMessage | undefined {
  return readBusMessage(data, SCHEMAS) as InstanceMessage | undefined;
}

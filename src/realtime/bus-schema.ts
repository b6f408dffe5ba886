import type { BusMessage } from './instance-bus';
import type { ConnectionState, ConnectionStore } from './connection-store';

/**
 * Strict readers for messages between the widget's instances (BroadcastChannel: same origin
 * only, so a sender is this widget or another script of its origin). Each message type names
 * every field it may carry and a check for each; a message with a field of the wrong type, a
 * missing field or one field too many is refused whole, never applied in part. Small readers of
 * our own, as at the browser's other edges (no schema library in the first paint).
 */
export type FieldCheck = (value: unknown) => boolean;

export interface MessageSchema {
  required?: Readonly<Record<string, FieldCheck>>;
  /** Fields that may be absent (or present with the value `undefined`). */
  optional?: Readonly<Record<string, FieldCheck>>;
}

/** Why a message on the bus was dropped (the diagnostics count each). */
export type BusDropReason = keyof ConnectionState['busDropped'];

/** Instance ids are random UUIDs; anything else that fits is tolerated, nothing huge. */
export const isInstanceId: FieldCheck = (v) => typeof v === 'string' && v !== '' && v.length <= 128;

export const isTextUpTo =
  (max: number): FieldCheck =>
  (v) =>
    typeof v === 'string' && v.length <= max;

export const isFiniteNumber: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v);

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isListOf =
  (check: FieldCheck, max: number): FieldCheck =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(check);

export const isOneOf =
  (...values: readonly unknown[]): FieldCheck =>
  (v) =>
    values.includes(v);

/** An object with exactly the schema's fields: every required one, no unknown one. */
export const isShaped =
  (schema: MessageSchema): FieldCheck =>
  (v) =>
    isPlainObject(v) && fits(v, schema);

function fits(value: Record<string, unknown>, schema: MessageSchema): boolean {
  const required = schema.required ?? {};
  const optional = schema.optional ?? {};
  for (const key of Object.keys(value))
    if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) return false;
  for (const [key, check] of Object.entries(required))
    if (!Object.hasOwn(value, key) || !check(value[key])) return false;
  for (const [key, check] of Object.entries(optional))
    if (Object.hasOwn(value, key) && value[key] !== undefined && !check(value[key])) return false;
  return true;
}

const ENVELOPE: Required<MessageSchema> = {
  required: { type: (v) => typeof v === 'string', from: isInstanceId },
  optional: { to: isInstanceId },
};

/**
 * The message if its type is one of `schemas` and it carries exactly that type's fields (plus
 * the envelope: `type`, `from`, optional `to`); otherwise undefined.
 *
 * @example
 * const message = readBusMessage(data, { bye: {} }); // {type: 'bye', from: 'a'} or undefined
 */
export function readBusMessage<T extends string>(
  data: unknown,
  schemas: Readonly<Record<T, MessageSchema>>,
): (BusMessage & { type: T }) | undefined {
  if (!isPlainObject(data) || typeof data.type !== 'string') return undefined;
  if (!Object.hasOwn(schemas, data.type)) return undefined;
  const schema = schemas[data.type as T];
  const whole: MessageSchema = {
    required: { ...ENVELOPE.required, ...schema.required },
    optional: { ...ENVELOPE.optional, ...schema.optional },
  };
  return fits(data, whole) ? (data as BusMessage & { type: T }) : undefined;
}

/** Counts one dropped bus message where the diagnostics read it (the connection store). */
export function countBusDrop(store: ConnectionStore, reason: BusDropReason): void {
  const busDropped = { ...store.getState().busDropped };
  busDropped[reason] += 1;
  store.setState({ busDropped });
}

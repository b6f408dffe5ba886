import type { EventType, StateName } from './intent-types';

export const transitionName = (from: StateName, event: EventType, to: StateName) =>
  `${from} --${event}--> ${to}`;

/**
 * Every change of named state the intent machine makes (state × event → another state); any
 * other event leaves the state's name as it is. The property test checks that its runs visit
 * each of these and nothing else.
 */
const TABLE: readonly (readonly [StateName, EventType, StateName])[] = [
  ['idle', 'request', 'queued'],
  ['awaitingConfirmation', 'request', 'queued'],
  // A click back to the server's state, the only thing still pending.
  ['awaitingConfirmation', 'request', 'idle'],
  ['awaitingConfirmation', 'confirm', 'idle'],
  // The server shows an earlier target of ours; the latest intent differs and leaves now.
  ['awaitingConfirmation', 'confirm', 'queued'],
  ['awaitingConfirmation', 'deadline', 'idle'],
  ['awaitingConfirmation', 'reread', 'idle'],
  ['queued', 'slot', 'onTheWire'],
  // Nothing to send any more when the permit came.
  ['queued', 'slot', 'idle'],
  ['queued', 'slot', 'awaitingConfirmation'],
  ['onTheWire', 'accepted', 'idle'],
  ['onTheWire', 'accepted', 'awaitingConfirmation'],
  ['onTheWire', 'accepted', 'queued'],
  ['onTheWire', 'failed', 'idle'],
  ['onTheWire', 'failed', 'awaitingConfirmation'],
  ['onTheWire', 'failed', 'queued'],
  ['onTheWire', 'failed', 'rateLimited'],
  ['onTheWire', 'failed', 'conflictBackoff'],
  ['rateLimited', 'retry', 'queued'],
  ['rateLimited', 'retry', 'idle'],
  ['rateLimited', 'retry', 'awaitingConfirmation'],
  ['conflictBackoff', 'retry', 'queued'],
  ['conflictBackoff', 'retry', 'idle'],
  ['conflictBackoff', 'retry', 'awaitingConfirmation'],
  // The leg ended: whatever was pending settles, nothing more is sent.
  ['awaitingConfirmation', 'ended', 'idle'],
  ['queued', 'ended', 'idle'],
  ['onTheWire', 'ended', 'idle'],
  ['rateLimited', 'ended', 'idle'],
  ['conflictBackoff', 'ended', 'idle'],
];

export const TRANSITIONS: readonly string[] = TABLE.map(([from, event, to]) =>
  transitionName(from, event, to),
);

import fc from 'fast-check';
import { callFor } from './factories';
import { mutated } from './fuzz';

/** Frames as the platform sends them (contract §3.2). */
export const REAL_FRAMES: Record<string, unknown>[] = [
  {
    topicName: 'v2.users.u1.conversations.calls',
    version: '2',
    eventBody: callFor('u1', 'c1'),
    metadata: { CorrelationId: 'k1' },
  },
  { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } },
  { topicName: 'channel.metadata', eventBody: { message: 'pong' } },
  { topicName: 'v2.system.socket_closing', eventBody: { message: 'closing' } },
  { topicName: 'v2.system.no_longer_subscribed', eventBody: {} },
  { result: '404' },
  { result: 404 },
  { topicName: 'v2.routing.queues.q1.conversations.calls', eventBody: callFor('u2', 'q-c1') },
  { topicName: 'v2.users.u1.presence', eventBody: { presenceDefinition: { id: 'x' } } },
];

/** Any text a socket might deliver: random, JSON of anything, or a mutated real frame. */
export const frameText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.constantFrom(...REAL_FRAMES).map((f) => JSON.stringify(f)),
  fc
    .constantFrom(...REAL_FRAMES)
    .chain((f) => mutated(f))
    .map((v) => JSON.stringify(v) ?? ''),
  fc
    .constantFrom(...REAL_FRAMES)
    .map((f) => JSON.stringify(f))
    .chain((text) => fc.nat({ max: text.length }).map((n) => text.slice(0, n))),
);

import * as z from 'zod/mini';
import { parseCall } from '../platform/call-mapping';
import type { Call } from '../platform/types';
import { parseTopic } from './topics';

/** What a frame from the notifications socket means to the widget. */
export type NotificationEvent =
  | { kind: 'heartbeat' }
  | { kind: 'pong' }
  | { kind: 'socketClosing' }
  | { kind: 'system'; topicName: string }
  | {
      kind: 'call';
      topicName: string;
      scope: 'user' | 'queue';
      call: Call;
      correlationId?: string;
    };

export type FrameResult =
  { ok: true; event: NotificationEvent } | { ok: false; reason: 'malformed' | 'unknownTopic' };

const envelopeSchema = z.looseObject({
  topicName: z.string().check(z.minLength(1)),
  eventBody: z.unknown(),
  metadata: z.nullish(z.looseObject({ CorrelationId: z.optional(z.string()) })),
});

const metadataBody = z.nullish(z.looseObject({ message: z.optional(z.string()) }));

/** Parses one text frame at the edge. Never throws: bad input is reported, not raised. */
export function parseFrame(text: string): FrameResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'malformed' };
  const { topicName, eventBody, metadata } = envelope.data;
  const scope = parseTopic(topicName);
  switch (scope.kind) {
    case 'heartbeat': {
      const body = metadataBody.safeParse(eventBody);
      const message = body.success ? body.data?.message?.toLowerCase() : undefined;
      return { ok: true, event: message === 'pong' ? { kind: 'pong' } : { kind: 'heartbeat' } };
    }
    case 'socketClosing':
      return { ok: true, event: { kind: 'socketClosing' } };
    case 'system':
      return { ok: true, event: { kind: 'system', topicName } };
    case 'userCalls':
    case 'queueCalls': {
      const call = parseCall(eventBody);
      if (!call) return { ok: false, reason: 'malformed' };
      return {
        ok: true,
        event: {
          kind: 'call',
          topicName,
          scope: scope.kind === 'userCalls' ? 'user' : 'queue',
          call,
          correlationId: metadata?.CorrelationId,
        },
      };
    }
    default:
      return { ok: false, reason: 'unknownTopic' };
  }
}

import * as z from 'zod/mini';

/** What a frame from the notifications socket means to the channel. */
export type ChannelFrame =
  | { kind: 'heartbeat' }
  | { kind: 'pong' }
  | { kind: 'socketClosing' }
  /** `{"result":"404"}`: the channel expired, was replaced, or its token died (contract §3.2). */
  | { kind: 'channelGone' }
  | { kind: 'system'; topicName: string }
  | { kind: 'topic'; topicName: string; body: unknown; correlationId?: string };

export type FrameResult = { ok: true; frame: ChannelFrame } | { ok: false; reason: 'malformed' };

const envelopeSchema = z.looseObject({
  topicName: z.string().check(z.minLength(1)),
  eventBody: z.optional(z.unknown()),
  metadata: z.catch(z.nullish(z.looseObject({ CorrelationId: z.optional(z.string()) })), null),
});

const resultSchema = z.looseObject({ result: z.union([z.string(), z.number()]) });
const metadataBody = z.nullish(z.looseObject({ message: z.optional(z.string()) }));

/**
 * Parses one text frame at the edge: the envelope only. A topic's body is parsed by the feature
 * that subscribed to it. Never throws: bad input is reported, not raised.
 */
export function parseFrame(text: string): FrameResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const result = resultSchema.safeParse(json);
    if (result.success && String(result.data.result) === '404')
      return { ok: true, frame: { kind: 'channelGone' } };
    return { ok: false, reason: 'malformed' };
  }
  const { topicName, eventBody, metadata } = envelope.data;
  const lower = topicName.toLowerCase();
  if (lower === 'channel.metadata') {
    const body = metadataBody.safeParse(eventBody);
    const message = body.success ? body.data?.message?.toLowerCase() : undefined;
    return { ok: true, frame: message === 'pong' ? { kind: 'pong' } : { kind: 'heartbeat' } };
  }
  if (lower === 'v2.system.socket_closing') return { ok: true, frame: { kind: 'socketClosing' } };
  if (lower.startsWith('v2.system.')) return { ok: true, frame: { kind: 'system', topicName } };
  return {
    ok: true,
    frame: {
      kind: 'topic',
      topicName,
      body: eventBody,
      correlationId: metadata?.CorrelationId,
    },
  };
}

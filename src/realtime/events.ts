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

/** A JSON object (not null, not an array): the shape every frame has. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event's correlation id; odd metadata only loses it, never the event. */
function correlationId(metadata: unknown): string | undefined {
  const id = isObject(metadata) ? metadata.CorrelationId : undefined;
  return typeof id === 'string' ? id : undefined;
}

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
  if (!isObject(json)) return { ok: false, reason: 'malformed' };
  const { topicName, eventBody, metadata, result } = json;
  if (typeof topicName !== 'string' || topicName === '') {
    if ((typeof result === 'string' || typeof result === 'number') && String(result) === '404')
      return { ok: true, frame: { kind: 'channelGone' } };
    return { ok: false, reason: 'malformed' };
  }
  const lower = topicName.toLowerCase();
  if (lower === 'channel.metadata') {
    const message = isObject(eventBody) ? eventBody.message : undefined;
    const pong = typeof message === 'string' && message.toLowerCase() === 'pong';
    return { ok: true, frame: pong ? { kind: 'pong' } : { kind: 'heartbeat' } };
  }
  if (lower === 'v2.system.socket_closing') return { ok: true, frame: { kind: 'socketClosing' } };
  if (lower.startsWith('v2.system.')) return { ok: true, frame: { kind: 'system', topicName } };
  return {
    ok: true,
    frame: {
      kind: 'topic',
      topicName,
      body: eventBody,
      correlationId: correlationId(metadata),
    },
  };
}

import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createPlatform } from '../platform/platform';
import { control, signInOverHttp, TEST_CLIENT_ID } from '../testing/emulator-http';
import { buildTrace } from './build-trace';
import { ObservedTopicRegistry } from './observed-topic-registry';
import { DiagnosticsRecorder } from './recorder';

/**
 * The trace the widget's own code builds from real traffic (the platform's requests through
 * fetch, a snapshot through the topic registry) is a trace the emulator's replay accepts: the
 * two sides share no code, so this is where their format is held together.
 */
const url = inject('emulatorUrl');

interface Replayed {
  frames: number;
  failures: number;
  skipped: unknown[];
  ids: Record<string, string>;
}

beforeEach(() => control(url, 'POST', '/reset'));

describe('a trace recorded against the emulator', () => {
  it('records real requests (correlation id, error code, Retry-After) and replays in the emulator', async () => {
    const recorder = new DiagnosticsRecorder({ now: () => Date.now() });
    const platform = createPlatform({
      target: { kind: 'emulator', url },
      clientId: TEST_CLIENT_ID,
      redirectUri: 'http://127.0.0.1:5999/callback',
      popup: false,
      observeHttp: recorder.rest,
    });
    const token = await signInOverHttp(url, 'alice@example.com');
    platform.adoptToken(token);
    const me = await platform.getCurrentUser();
    const { conversationId, agentParticipantId } = await control<{
      conversationId: string;
      agentParticipantId: string;
    }>(url, 'POST', '/calls', {
      agentEmail: 'alice@example.com',
      customerName: 'Dana Caller',
      ani: 'tel:+15550100200',
      attributes: { tier: 'Gold' },
    });
    const topic = `v2.users.${me.id}.conversations.calls`;
    const registry = new ObservedTopicRegistry({}, (event, delivered) =>
      recorder.record({ kind: 'frame', event, delivered }),
    );
    registry.subscribe({ topic, onEvent: () => undefined });
    const raw = await fetch(`${url}/api/v2/conversations/calls/${conversationId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    registry.dispatch({ topicName: topic, body: await raw.json(), correlationId: 'c-1' });
    await control(url, 'POST', '/faults', {
      failNext: {
        method: 'PATCH',
        path: `/api/v2/conversations/calls/${conversationId}/participants/${agentParticipantId}`,
        status: 429,
        retryAfterSeconds: 4,
      },
    });
    await platform
      .changeParticipant(conversationId, agentParticipantId, { muted: true })
      .catch(() => undefined);

    const trace = buildTrace(recorder, { userId: me.id, widget: { target: 'emulator' } });
    const refused = trace.entries.find((e) => e.type === 'rest' && e.status === 429);
    expect(refused).toMatchObject({
      method: 'PATCH',
      path: '/api/v2/conversations/calls/{conversationId}/participants/{participantId}',
      code: 'too.many.requests.retry.after',
      retryAfterSeconds: 4,
      correlationId: expect.any(String),
    });
    const text = JSON.stringify(trace);
    for (const secret of [token, 'Dana', '5550100200', 'Gold', me.id, conversationId])
      expect(text).not.toContain(secret);

    await control(url, 'POST', '/reset');
    const replayed = await control<Replayed>(url, 'POST', '/replay', { trace, pace: 'instant' });
    expect(replayed).toMatchObject({ frames: 1, failures: 1, skipped: [] });
    expect(replayed.ids['user-1']).toBe(me.id);
  });
});

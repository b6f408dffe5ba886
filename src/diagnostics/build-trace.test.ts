import { describe, expect, it } from 'vitest';
import { PlatformError } from '../platform/errors';
import { buildTrace } from './build-trace';
import { DiagnosticsRecorder } from './recorder';
import { MASK, TRACE_FORMAT, TRACE_VERSION, type FrameEntry, type Trace } from './trace-types';

const ME = 'b0a1ce00-0000-4000-8000-00000000a11c';
const CALL = '3f2a9c1e-5b7d-4e1f-9a2b-0c4d6e8f1a2b';
const CUSTOMER = '11111111-2222-4333-8444-555555555555';
const AGENT = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const QUEUE = 'a1c0ffee-0000-4000-8000-000000000001';
const TOKEN = 'tok-9f8e7d6c5b4a';

/** A snapshot as the user calls topic carries it (contract §3.4). */
const snapshot = (muted: boolean) => ({
  id: CALL,
  recordingState: 'none',
  participants: [
    {
      id: CUSTOMER,
      name: 'Dana Caller',
      address: 'tel:+15550100200',
      ani: 'tel:+15550100200',
      dnis: 'tel:+13175550100',
      purpose: 'customer',
      state: 'connected',
      startTime: '2026-03-02T10:40:00.000Z',
      queue: { id: QUEUE },
      attributes: { 'customer.tier': 'Gold', accountNumber: '12345678' },
      wrapup: {
        code: 'c0de0000-0000-4000-8000-000000000001',
        notes: 'Called about her card',
        tags: ['vip'],
      },
    },
    {
      id: AGENT,
      address: 'sip:agent@10.0.0.1',
      purpose: 'agent',
      state: 'connected',
      muted,
      held: false,
      user: { id: ME },
      queue: { id: QUEUE },
      peer: 'bb481cce-5ed1-419b-a9f1-be5f1067a048',
      attributes: {},
      errorInfo: { code: 'error.ininedgecontrol.session.inactive', message: 'session 9 for Dana' },
      somethingNew: 'Dana again',
    },
  ],
});

function aRecording() {
  const clock = { now: Date.parse('2026-03-02T10:41:00.000Z') };
  const recorder = new DiagnosticsRecorder({ now: () => clock.now });
  recorder.record({ kind: 'session', status: 'signedIn' });
  recorder.record({ kind: 'link', status: 'live', attempt: 0 });
  clock.now += 100;
  recorder.rest({
    method: 'GET',
    url: `https://api.mypurecloud.ie/api/v2/conversations/calls/${CALL}`,
    status: 200,
    durationMs: 41,
    correlationId: 'corr-1',
  });
  recorder.rest({
    method: 'POST',
    url: 'https://login.mypurecloud.ie/oauth/token',
    status: 200,
    durationMs: 12,
  });
  clock.now += 100;
  recorder.record({
    kind: 'frame',
    event: {
      topicName: `v2.users.${ME}.conversations.calls`,
      body: snapshot(false),
      correlationId: 'corr-2',
    },
    delivered: true,
  });
  recorder.record({
    kind: 'sent',
    sent: {
      conversationId: CALL,
      participantId: CUSTOMER,
      group: 'attributes',
      values: { note: 'Dana is angry' },
    },
  });
  recorder.record({
    kind: 'intent',
    event: {
      type: 'outcome',
      conversationId: CALL,
      participantId: AGENT,
      group: 'flags',
      outcome: {
        kind: 'failed',
        field: 'muted',
        value: true,
        error: new PlatformError('rateLimited', 'Retry in 3 s', {
          status: 429,
          correlationId: 'corr-3',
        }),
      },
    },
  });
  clock.now += 100;
  recorder.record({
    kind: 'frame',
    event: {
      topicName: `v2.users.${ME}.conversations.calls`,
      body: snapshot(true),
      correlationId: 'corr-4',
    },
    delivered: true,
  });
  return { clock, recorder };
}

const widget = { target: 'region', environment: 'mypurecloud.ie', view: 'agent' } as const;
const frames = (trace: Trace) => trace.entries.filter((e): e is FrameEntry => e.type === 'frame');
type Leg = Record<string, unknown>;
const legs = (frame: FrameEntry) => (frame.body as { participants: Leg[] }).participants;

describe('buildTrace', () => {
  it('is versioned and keeps every kind of entry in order, relative to the first', () => {
    const { recorder } = aRecording();
    const trace = buildTrace(recorder, { userId: ME, widget });
    expect(trace).toMatchObject({
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      startedAt: '2026-03-02T10:41:00.000Z',
      window: { ms: 600_000, maxEntries: 2000 },
      includesCallData: false,
      user: 'user-1',
      widget,
    });
    expect(trace.entries.map((e) => [e.t, e.type])).toEqual([
      [0, 'session'],
      [0, 'link'],
      [100, 'rest'],
      [100, 'rest'],
      [200, 'frame'],
      [200, 'intent'],
      [200, 'intent'],
      [300, 'frame'],
    ]);
  });

  it('masks names, numbers and attribute values, and replaces ids by stable pseudonyms', () => {
    const { recorder } = aRecording();
    const trace = buildTrace(recorder, { userId: ME, widget });
    const [first, second] = frames(trace);
    expect(first!.topic).toBe('v2.users.user-1.conversations.calls');
    expect(first!.body).toMatchObject({ id: 'conversation-1', recordingState: 'none' });
    const [customer, agent] = legs(first!) as [Leg, Leg];
    expect(customer).toMatchObject({
      id: 'participant-1',
      name: 'name-1',
      address: 'tel:number-1',
      ani: 'tel:number-1',
      dnis: 'tel:number-2',
      purpose: 'customer',
      state: 'connected',
      startTime: '2026-03-02T10:40:00.000Z',
      queue: { id: 'queue-1' },
      attributes: { 'key-1': MASK, 'key-2': MASK },
      wrapup: { code: 'wrapup-1', notes: 'name-2', tags: [MASK] },
    });
    expect(agent).toMatchObject({
      id: 'participant-2',
      address: 'sip:number-3',
      user: { id: 'user-1' },
      peer: 'call-1',
      muted: false,
      errorInfo: { code: 'error.ininedgecontrol.session.inactive', message: MASK },
      somethingNew: MASK,
    });
    // The same ids give the same pseudonyms in every frame.
    expect(legs(second!).map((l) => l.id)).toEqual(['participant-1', 'participant-2']);
    expect(legs(second!)[1]).toMatchObject({ muted: true });
    const text = JSON.stringify(trace);
    for (const secret of ['Dana', '5550100', 'Gold', '12345678', 'card', 'customer.tier', ME, CALL])
      expect(text).not.toContain(secret);
  });

  it('“include call data” un-masks attribute keys only; values stay masked', () => {
    const { recorder } = aRecording();
    const trace = buildTrace(recorder, { userId: ME, widget, includeCallData: true });
    expect(trace.includesCallData).toBe(true);
    expect(legs(frames(trace)[0]!)[0]).toMatchObject({
      name: 'name-1',
      attributes: { 'customer.tier': MASK, accountNumber: MASK },
    });
    expect(trace.entries.find((e) => e.type === 'intent' && e.event === 'sent')).toMatchObject({
      values: { note: MASK },
    });
    expect(JSON.stringify(trace)).not.toMatch(/Gold|12345678|angry|Dana/);
  });

  it('gives REST requests as method, path template with pseudonyms, status, duration and correlation id', () => {
    const { recorder } = aRecording();
    const rest = buildTrace(recorder, { userId: ME, widget }).entries.filter(
      (e) => e.type === 'rest',
    );
    expect(rest).toEqual([
      {
        t: 100,
        type: 'rest',
        method: 'GET',
        path: '/api/v2/conversations/calls/{conversationId}',
        params: { conversationId: 'conversation-1' },
        status: 200,
        ms: 41,
        correlationId: 'corr-1',
      },
      { t: 100, type: 'rest', method: 'POST', path: '/oauth/token', status: 200, ms: 12 },
    ]);
  });

  it('keeps intents with their outcome (mute values as they are, the error kind, status and correlation id)', () => {
    const { recorder } = aRecording();
    const trace = buildTrace(recorder, { userId: ME, widget });
    expect(trace.entries.filter((e) => e.type === 'intent')).toEqual([
      expect.objectContaining({
        event: 'sent',
        conversation: 'conversation-1',
        participant: 'participant-1',
        group: 'attributes',
        values: { 'key-3': MASK },
      }),
      expect.objectContaining({
        event: 'outcome',
        participant: 'participant-2',
        field: 'muted',
        value: true,
        outcome: 'failed',
        error: { kind: 'rateLimited', status: 429, correlationId: 'corr-3' },
      }),
    ]);
  });

  it('gives the same pseudonyms in a second download of the session', () => {
    const { recorder } = aRecording();
    const first = JSON.stringify(buildTrace(recorder, { userId: ME, widget }).entries);
    const second = JSON.stringify(buildTrace(recorder, { userId: ME, widget }).entries);
    expect(second).toBe(first);
  });

  it('never holds a token: the recorder is never given one', () => {
    const { recorder } = aRecording();
    expect(JSON.stringify(recorder.entries())).not.toContain(TOKEN);
    expect(JSON.stringify(buildTrace(recorder, { userId: ME, widget }))).not.toMatch(
      /Bearer|access_token|authorization/i,
    );
  });
});

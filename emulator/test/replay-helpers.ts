/** Small diagnostic traces (`live-call-panel.trace` v1) for the replay tests. */

export const STARTED_AT = '2026-03-02T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(STARTED_AT) + ms).toISOString();

type Entry = Record<string, unknown> & { t: number; type: string };

export function traceOf(entries: Entry[], over: Record<string, unknown> = {}) {
  return {
    format: 'live-call-panel.trace',
    version: 1,
    createdAt: at(60_000),
    startedAt: STARTED_AT,
    window: { ms: 600_000, maxEntries: 2000 },
    dropped: 0,
    includesCallData: false,
    user: 'user-1',
    widget: { target: 'region', environment: 'mypurecloud.ie', view: 'agent' },
    entries,
    ...over,
  };
}

/**
 * A masked inbound call as the widget records it from `v2.users.{id}.conversations.calls`:
 * the customer, the queue's ended acd leg and the agent (`user-1`) connected.
 */
export function callSnapshot(agent: { muted?: boolean; held?: boolean; ended?: boolean } = {}) {
  const ended = agent.ended ?? false;
  return {
    id: 'conversation-1',
    recordingState: 'none',
    participants: [
      {
        id: 'participant-1',
        name: 'name-1',
        address: 'tel:number-1',
        purpose: 'customer',
        state: ended ? 'disconnected' : 'connected',
        initialState: 'connected',
        direction: 'inbound',
        startTime: at(0),
        connectedTime: at(0),
        endTime: ended ? at(20_000) : undefined,
        disconnectType: ended ? 'endpoint' : undefined,
        held: false,
        muted: false,
        queue: { id: 'queue-1' },
        attributes: { 'key-1': '***' },
        ani: 'tel:number-1',
        dnis: 'tel:number-2',
      },
      {
        id: 'participant-2',
        name: 'name-2',
        address: 'sip:number-3',
        purpose: 'acd',
        state: 'disconnected',
        initialState: 'connected',
        direction: 'inbound',
        startTime: at(100),
        endTime: at(2000),
        disconnectType: 'transfer',
        queue: { id: 'queue-1' },
        attributes: {},
      },
      {
        id: 'participant-3',
        address: 'sip:number-4',
        purpose: 'agent',
        state: ended ? 'disconnected' : 'connected',
        initialState: 'alerting',
        direction: 'inbound',
        startTime: at(1000),
        connectedTime: at(2000),
        endTime: ended ? at(20_000) : undefined,
        disconnectType: ended ? 'peer' : undefined,
        held: agent.held ?? false,
        startHoldTime: agent.held ? at(9000) : undefined,
        muted: agent.muted ?? false,
        user: { id: 'user-1' },
        queue: { id: 'queue-1' },
        attributes: {},
        wrapupRequired: false,
      },
    ],
  };
}

export const frame = (t: number, body: unknown, correlationId?: string): Entry => ({
  t,
  type: 'frame',
  topic: 'v2.users.user-1.conversations.calls',
  correlationId,
  delivered: true,
  body,
});

export const PATCH_AGENT: Entry = {
  t: 0,
  type: 'rest',
  method: 'PATCH',
  path: '/api/v2/conversations/calls/{conversationId}/participants/{participantId}',
  params: { conversationId: 'conversation-1', participantId: 'participant-3' },
  status: 202,
  ms: 40,
};

/** POSTs a replay as raw HTTP (the typed client throws on errors; these tests read them). */
export async function postReplay(running: { url: string }, body: unknown) {
  const response = await fetch(`${running.url}/__emulator/replay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-control': '1' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

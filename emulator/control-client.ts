/**
 * Typed client for the emulator's control plane (/__emulator/*). Used by tests, e2e fixtures
 * and the benchmarks; it speaks plain HTTP so it works against any running emulator.
 *
 * @example
 * const control = new EmulatorControl('http://127.0.0.1:8787');
 * await control.reset();
 * const { conversationId } = await control.createCall({ agentEmail: 'alice@example.com' });
 */
export interface CreateCallInput {
  agentEmail: string;
  queue?: string;
  ani?: string;
  customerName?: string;
  attributes?: Record<string, string>;
  autoAnswer?: boolean;
}

export interface CreatedCall {
  conversationId: string;
  participants: { id: string; purpose: string; name: string; userId?: string }[];
}

export interface FaultsInput {
  dropSockets?: boolean;
  /** true: the sockets close 60 s after the warning; a number: that many milliseconds. */
  socketClosing?: boolean | number;
  expireTokens?: boolean;
  rateLimitPerMinute?: number | null;
  latencyMs?: number;
  failNext?: FailNextInput | FailNextInput[];
}

export interface FailNextInput {
  method: string;
  /** Exact path, or with `*` for one segment: `/api/v2/conversations/calls/*\/participants/*`. */
  path: string;
  status: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}

export interface EmulatorParticipant {
  id: string;
  purpose: string;
  name?: string;
  state: string;
  muted: boolean;
  held: boolean;
  user?: { id: string; name?: string };
  attributes?: Record<string, string>;
  disconnectType?: string;
  bargedParticipantId?: string;
}

export interface EmulatorState {
  now: string;
  users: { id: string; name: string; email: string; permissions: string[]; queueIds: string[] }[];
  queues: { id: string; name: string; dnis: string }[];
  conversations: {
    id: string;
    ended: boolean;
    digits: string[];
    participants: EmulatorParticipant[];
  }[];
  channels: { id: string; userId: string; topics: string[]; connected: boolean; expires: string }[];
  tokens: number;
  faults: { latencyMs: number; rateLimitPerMinute: number | null; failNext: FailNextInput[] };
}

export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  reset(): Promise<{ ok: true }> {
    return this.call('POST', '/reset');
  }

  state(): Promise<EmulatorState> {
    return this.call('GET', '/state');
  }

  createCall(input: CreateCallInput): Promise<CreatedCall> {
    return this.call('POST', '/calls', input);
  }

  hangup(conversationId: string, by: 'customer' | 'agent' = 'customer'): Promise<{ ok: true }> {
    return this.call('POST', `/calls/${conversationId}/hangup`, { by });
  }

  /** A change made outside this widget: `actor` is `genesys-ui` or a supervisor's email. */
  setParticipant(
    conversationId: string,
    participantId: string,
    change: { muted?: boolean; held?: boolean; actor: string },
  ): Promise<{ ok: true }> {
    return this.call('POST', `/calls/${conversationId}/participants/${participantId}`, change);
  }

  dtmf(conversationId: string, digits: string): Promise<{ ok: true; digits: string }> {
    return this.call('POST', `/calls/${conversationId}/dtmf`, { digits });
  }

  faults(faults: FaultsInput): Promise<Record<string, unknown>> {
    return this.call('POST', '/faults', faults);
  }

  /** Turns the demo scenario (a call for each agent shortly after sign-in) on or off until reset. */
  demo(enabled: boolean, delayMs?: number): Promise<{ demo: boolean; delayMs: number }> {
    return this.call('POST', '/demo', { enabled, delayMs });
  }

  advanceClock(advanceMs: number): Promise<{ now: string }> {
    return this.call('POST', '/clock', { advanceMs });
  }

  /** The participant of `purpose` on a call, from the emulator's own state. */
  async participant(conversationId: string, purpose: string): Promise<EmulatorParticipant> {
    const state = await this.state();
    const found = state.conversations
      .find((c) => c.id === conversationId)
      ?.participants.find((p) => p.purpose === purpose);
    if (!found) throw new Error(`No ${purpose} participant on ${conversationId}`);
    return found;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

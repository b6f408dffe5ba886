import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from './control-header.js';
import type {
  CreatedInteraction,
  CreateInteractionInput,
  PhoneSettings,
  UpdateInteractionInput,
} from './control-types-supervisor.js';
import type {
  ConsultInput,
  LegTargetInput,
  OutboundCall,
  OutboundCallInput,
  RingOutcome,
  SpeakTo,
  WrapupApplied,
} from './control-types-calls.js';
import type { ReplayOptions, ReplayResult, ReplayStatus } from './control-types-replay.js';

/**
 * Typed client for the emulator's control plane (/__emulator/*). Used by tests, e2e fixtures
 * and the benchmarks; it speaks plain HTTP so it works against any running emulator, and sends
 * `X-Emulator-Control: 1` on every request (the emulator refuses control requests without it).
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
  /** Start with an `ivr` leg, ended by `transfer` when the call reached the queue (default true). */
  ivr?: boolean;
  /** 0..5 missed alerts of the same agent (ended agent legs) before the leg that rings now. */
  missedAlerts?: number;
  /** After-call work when the agent's leg ends (opt-in; `required` = a mandatory code). */
  wrapup?: 'required' | 'optional';
  /** Recorded from the start (`recordingState: active`); `none` by default. */
  recording?: boolean;
}

export interface CreatedCall {
  conversationId: string;
  /** The agent's own leg: the newest agent leg that has not ended. */
  agentParticipantId?: string;
  /** In call order; `name` only on customer, ivr and acd legs; `state` as REST shows it. */
  participants: { id: string; purpose: string; name?: string; userId?: string; state: string }[];
}

/** `/__emulator/users/{email}/permissions`: what the API lets the user do now. */
export interface UserPermissions {
  userId: string;
  email: string;
  /** The seeded permissions minus those taken away. */
  permissions: string[];
  /** Taken away until restored or reset, sorted. */
  revoked: string[];
}

/** `POST /__emulator/crm`: the sample CRM's behaviour until reset. */
export interface CrmSettings {
  /** Delay before the CRM answers a lookup (0..120000 ms). */
  latencyMs?: number;
  /** Answer every lookup with this status (400..599); `null` answers normally again. */
  status?: number | null;
}

/** `POST /__emulator/calls` with `count`: many inbound calls at once (scale tests). */
export interface CreateCallsInput {
  /** 1..3000 calls. */
  count: number;
  /** Every call to this agent; without it each call gets a generated agent with no live call. */
  agentEmail?: string;
  /** Every call in this queue; without it the calls go round the org's queues in turn. */
  queue?: string;
  /** Without it each call gets its own caller number. */
  ani?: string;
  customerName?: string;
  attributes?: Record<string, string>;
  autoAnswer?: boolean;
  ivr?: boolean;
  missedAlerts?: number;
  /** The agent's alert times out and the call waits in its queue with no agent. */
  waiting?: boolean;
}

export interface LoadInput {
  /** 1..200 actions per second. */
  eventsPerSecond: number;
  /** 1..600. */
  seconds: number;
  /** Same seed and same starting state: the same sequence of actions. */
  seed?: number;
}

export type LoadAction = 'mute' | 'hold' | 'attribute' | 'start' | 'end';

export interface LoadStatus {
  running: boolean;
  eventsPerSecond: number;
  seconds: number;
  seed: number;
  performed: number;
  byAction: Record<LoadAction, number>;
  failed: number;
  /** Actions not done because the run was stopped early. */
  skipped: number;
}

export interface FaultsInput {
  dropSockets?: boolean;
  /** true: the sockets close 60 s after the warning; a number: that many milliseconds. */
  socketClosing?: boolean | number;
  expireTokens?: boolean;
  rateLimitPerMinute?: number | null;
  latencyMs?: number;
  failNext?: FailNextInput | FailNextInput[];
  /** While true, CORS does not expose Retry-After and inin-ratelimit-* (they are still sent). */
  hideRateLimitHeaders?: boolean;
  /** Every socket gets `{"result":"404"}` and its channel is removed; the socket stays open. */
  channelGone?: boolean;
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
  monitoredParticipantId?: string;
  coachedParticipantId?: string;
  queue?: { id: string };
  ani?: string;
  dnis?: string;
  startTime?: string;
  connectedTime?: string;
  startHoldTime?: string;
  endTime?: string;
  direction?: string;
  address?: string;
  confined?: boolean;
  consultParticipantId?: string;
  wrapupRequired?: boolean;
  wrapupPrompt?: string;
  wrapupTimeoutMs?: number;
  startAcwTime?: string;
  endAcwTime?: string;
  wrapup?: {
    code?: string;
    notes?: string;
    tags?: string[];
    durationSeconds?: number;
    endTime?: string;
  };
  errorInfo?: { code: string; message: string };
  recordingState?: string;
  securePause?: boolean;
}

export interface EmulatorState {
  now: string;
  users: { id: string; name: string; email: string; permissions: string[]; queueIds: string[] }[];
  queues: { id: string; name: string; dnis: string }[];
  conversations: {
    id: string;
    ended: boolean;
    digits: string[];
    recordingState?: string;
    securePause?: boolean;
    participants: EmulatorParticipant[];
  }[];
  channels: { id: string; userId: string; topics: string[]; connected: boolean; expires: string }[];
  tokens: number;
  faults: {
    latencyMs: number;
    rateLimitPerMinute: number | null;
    hideRateLimitHeaders: boolean;
    crm: { latencyMs: number; status: number | null };
    failNext: FailNextInput[];
  };
}

/** `GET /__emulator/clock`: the emulator's time and the waits on its clock. */
export interface EmulatorClock {
  now: string;
  /**
   * Soonest first; `label` is `latency`, `crm latency`, `playback tick` or `socket closing`, `due`
   * ISO 8601 on the emulator's clock.
   */
  pending: { label: string; due: string }[];
}

/** How the Play Prompt flow reports: attributes on the customer, or only its ivr leg. */
/** `late`: the flow's attributes arrive only when it ends, stop is read between repetitions. */
export type PlaybackMode = 'attributes' | 'legOnly' | 'late';

/** A secure IVR session and the progress of the Play Prompt flow it runs. */
export interface EmulatorSecureSession {
  id: string;
  conversationId: string;
  participantId: string;
  flowId: string;
  state: 'PENDING' | 'COMPLETED' | 'FAILED';
  mode: PlaybackMode;
  requestId: string;
  /** The prompt playing now (changes on a DTMF switch). */
  promptId: string;
  promptStartedAt: string;
  ivrParticipantId: string;
  reason?: 'completed' | 'maxDuration' | 'agentStop' | 'dtmf' | 'hangup' | 'error';
  endedAt?: string;
}

export interface EmulatorPlayback {
  mode: PlaybackMode;
  tickMs: number;
  sessions: EmulatorSecureSession[];
}

/** A lifecycle hook the desktop host page sends to a widget (Client App SDK `appLifecycleHook`). */
export type DesktopHook = 'bootstrap' | 'focus' | 'blur' | 'stop';

/** One entry of the desktop host page's log (`GET /__emulator/desktop/log`), in arrival order. */
export type DesktopLogEntry = { seq: number; page: string; at: string } & (
  | {
      /** A Client App SDK message a widget posted; `data` is the whole payload as received. */
      kind: 'message';
      conversationId: string;
      action: string;
      data: Record<string, unknown>;
    }
  | { kind: 'hook'; conversationId: string; hook: DesktopHook }
  | {
      kind: 'widget';
      conversationId: string;
      event:
        | 'opened'
        | 'closed'
        | 'refused'
        | 'callEnded'
        | 'bootstrapTimeout'
        | 'stopTimeout'
        | 'toastClosed';
      /** `opened`: the frame's URL; `closed`: `stopped` or `stopTimeout`; `toastClosed`: `<by>: <title>`. */
      detail?: string;
    }
  | { kind: 'rejected'; reason: string; origin: string }
);

/** Options of the desktop host page (`/__emulator/desktop`). */
export interface DesktopOptions {
  /** The integration's URL template (`{{gcConversationId}}` etc.); default: `widgetUrl` + the five launch parameters. */
  template?: string;
  /** `gcLangTag` (default `en-US`). */
  lang?: string;
  /** How long a widget has to answer `stop` before it is removed anyway (default 5000). */
  stopTimeoutMs?: number;
  /** How long a widget has to answer `bootstrap` before `bootstrapTimeout` is logged (default 10000). */
  bootstrapTimeoutMs?: number;
  /** How often the page reads the user's calls (default 500). */
  pollMs?: number;
  /** How many widget frames stay open at once (default 10). */
  maxWidgets?: number;
}

export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  reset(): Promise<{ ok: true }> {
    return this.call('POST', '/reset');
  }

  state(): Promise<EmulatorState> {
    return this.call('GET', '/state');
  }

  /**
   * An inbound call: customer, ivr (unless `ivr: false`), acd, `missedAlerts` ended agent legs,
   * then the agent's leg (connected unless `autoAnswer: false`).
   *
   * @example
   * const { conversationId, agentParticipantId } = await control.createCall({
   *   agentEmail: 'alice@example.com',
   *   missedAlerts: 2,
   * });
   */
  createCall(input: CreateCallInput): Promise<CreatedCall> {
    return this.call('POST', '/calls', input);
  }

  /**
   * Many inbound calls at once, spread over generated agents ("Agent 001", agent001@example.com,
   * created as needed) and over the queues; returns their ids in creation order.
   *
   * @example
   * const { conversationIds } = await control.createCalls({ count: 500 });
   */
  createCalls(input: CreateCallsInput): Promise<{ conversationIds: string[] }> {
    return this.call('POST', '/calls', input);
  }

  /**
   * A larger floor: generated queues "Floor 01" … "Floor NN" (count 1..98) join the org after
   * Support and Sales until reset; bulk calls and the load then spread over every queue.
   *
   * @example
   * const { queues } = await control.addQueues({ count: 18 }); // 20 queues in all
   */
  addQueues(input: { count: number }): Promise<{ queues: EmulatorState['queues'] }> {
    return this.call('POST', '/queues', input);
  }

  /**
   * Starts random mute, hold, attribute changes and call starts and ends over the live calls;
   * answers at once. Stop it with `stopLoad()` (or `reset()`).
   *
   * @example
   * await control.startLoad({ eventsPerSecond: 20, seconds: 30, seed: 1 });
   */
  startLoad(input: LoadInput): Promise<LoadStatus> {
    return this.call('POST', '/load', input);
  }

  /**
   * Stops the load run in progress (if any) and returns what it did.
   *
   * @example
   * const { performed } = await control.stopLoad();
   */
  stopLoad(): Promise<LoadStatus> {
    return this.call('POST', '/load/stop');
  }

  /**
   * How far the current (or last) load run got.
   *
   * @example
   * while ((await control.loadStatus()).running) await sleep(100);
   */
  loadStatus(): Promise<LoadStatus> {
    return this.call('GET', '/load');
  }

  /**
   * The emulator's state with only the calls that have not ended: lighter with many ended calls.
   *
   * @example
   * const { conversations } = await control.activeState();
   */
  activeState(): Promise<EmulatorState> {
    return this.call('GET', '/state?calls=active');
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

  /**
   * Turns faults on (see emulator/README.md); `reset()` clears them.
   *
   * @example
   * await control.faults({ hideRateLimitHeaders: true, rateLimitPerMinute: 5 });
   * await control.faults({ channelGone: true }); // {"result":"404"} on every socket
   */
  faults(faults: FaultsInput): Promise<Record<string, unknown>> {
    return this.call('POST', '/faults', faults);
  }

  /**
   * Participant attributes changed elsewhere (a flow, a CRM, another client), merged and
   * published like any change; `actor` only goes to the emulator's log.
   *
   * @example
   * await control.setAttributes(conversationId, customerId, { 'crm.tier': 'Gold' }, 'flow');
   */
  setAttributes(
    conversationId: string,
    participantId: string,
    attributes: Record<string, string>,
    actor: string,
  ): Promise<{ ok: true; changed: boolean; attributes: Record<string, string> }> {
    return this.call('POST', `/calls/${conversationId}/participants/${participantId}/attributes`, {
      attributes,
      actor,
    });
  }

  /**
   * Sends one raw frame (a string as is, anything else JSON-encoded) on every socket of a user,
   * or on every socket; answers how many sockets got it.
   *
   * @example
   * await control.emit('{"topicName":', 'alice@example.com'); // a malformed frame
   */
  emit(frame: string | object, userEmail?: string): Promise<{ ok: true; sent: number }> {
    return this.call('POST', '/emit', { frame, userEmail });
  }

  /**
   * Makes the sample CRM slow or failing until reset.
   *
   * @example
   * await control.crm({ latencyMs: 15_000 });
   * await control.crm({ status: 503 });
   */
  crm(settings: CrmSettings): Promise<{ latencyMs: number; status: number | null }> {
    return this.call('POST', '/crm', settings);
  }

  /**
   * The sample CRM's lookup (what the widget calls from the browser): a record found by the
   * caller's number, as attributes to write back. It takes the agent's Genesys Cloud access token
   * as a bearer (401 without a live one, 403 when that user is not on the call); it is the CRM,
   * not the control plane.
   *
   * @example
   * const { attributes } = await control.crmLookup({ conversationId, participantId }, token);
   */
  async crmLookup(
    input: { conversationId: string; participantId: string; attributes?: Record<string, string> },
    accessToken: string,
  ): Promise<{ attributes: Record<string, string> }> {
    const response = await fetch(`${this.baseUrl}/__emulator/crm/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`CRM lookup → ${response.status}: ${text}`);
    return JSON.parse(text) as { attributes: Record<string, string> };
  }

  /** Turns the demo scenario (a call for each agent shortly after sign-in) on or off until reset. */
  demo(enabled: boolean, delayMs?: number): Promise<{ demo: boolean; delayMs: number }> {
    return this.call('POST', '/demo', { enabled, delayMs });
  }

  /**
   * Runs the Play Prompt flow with attributes (default) or in leg-only mode (no attributes, only
   * the ivr leg joining and leaving) until reset.
   *
   * @example
   * await control.setPlaybackMode('legOnly');
   */
  setPlaybackMode(mode: PlaybackMode): Promise<{ mode: PlaybackMode }> {
    return this.call('POST', '/playback', { mode });
  }

  /**
   * The playback mode and every secure IVR session with its flow's progress.
   *
   * @example
   * const { sessions } = await control.playback();
   * expect(sessions[0]?.state).toBe('COMPLETED');
   */
  playback(): Promise<EmulatorPlayback> {
    return this.call('GET', '/playback');
  }

  /**
   * Lifetime of the tokens issued from now on, until reset (the real range is 300 s to 48 h).
   *
   * @example
   * await control.tokenTtl(605); // the next sign-in gets a token that expires in ~10 minutes
   */
  tokenTtl(tokenTtlSeconds: number): Promise<{ tokenTtlSeconds: number }> {
    return this.call('POST', '/auth', { tokenTtlSeconds });
  }

  /**
   * Takes role permissions away from a seeded user, or gives them back, until reset; with no
   * change, reads them. The API refuses what a taken permission guards from the next request on
   * (existing tokens included), and `users/me?expand=authorization` stops listing it.
   *
   * @example
   * await control.userPermissions('sam@example.com', { revoke: ['routing:queue:view'] });
   * await control.userPermissions('sam@example.com', { restore: ['routing:queue:view'] });
   */
  userPermissions(
    email: string,
    change?: { revoke?: string[]; restore?: string[] },
  ): Promise<UserPermissions> {
    const path = `/users/${encodeURIComponent(email)}/permissions`;
    return change ? this.call('POST', path, change) : this.call('GET', path);
  }

  /**
   * Moves the emulator's clock forward: token, code and channel expiry, rate-limit windows, and
   * every wait on the clock that falls due (injected API and CRM latency, Play Prompt flow ticks,
   * socket_closing deadlines) fires, in due order, before this answers.
   *
   * @example
   * await control.faults({ latencyMs: 60_000 });
   * const slow = fetch(url); // held by the emulator
   * await control.advanceClock(60_000); // answered now
   */
  advanceClock(advanceMs: number): Promise<{ now: string }> {
    return this.call('POST', '/clock', { advanceMs });
  }

  /**
   * The emulator's time and what waits on its clock, soonest first (`label`: `latency`,
   * `crm latency`, `playback tick`, `socket closing`).
   *
   * @example
   * await expect.poll(async () => (await control.clock()).pending.map((w) => w.label)).toContain('latency');
   */
  clock(): Promise<EmulatorClock> {
    return this.call('GET', '/clock');
  }

  /**
   * Loads a diagnostic trace (the file the widget's Download diagnostics saves) and plays its
   * frames and recorded REST failures to an agent's widget: at the trace's pace on the emulator's
   * clock, or all at once with `pace: 'instant'`. A malformed or oversized trace is refused (400
   * or 413, saying what is wrong) and nothing is loaded. A reset stops a replay.
   *
   * @example
   * const { ids } = await control.replay(trace, { pace: 'instant' });
   * const conversationId = ids['conversation-1'];
   */
  replay(trace: object, options: ReplayOptions = {}): Promise<ReplayResult> {
    return this.call('POST', '/replay', { trace, ...options });
  }

  /**
   * How far the current replay got.
   *
   * @example
   * await expect.poll(async () => (await control.replayStatus()).state).toBe('done');
   */
  replayStatus(): Promise<ReplayStatus> {
    return this.call('GET', '/replay');
  }

  /**
   * A user's phone until reset: no station (monitor / coach / barge answer 400
   * `conversation.error.no.user.station`), or a phone that rings until answered. By default a
   * supervisor's leg rings and is answered 1 s later on the emulator's clock.
   *
   * @example
   * await control.phone('sam@example.com', { answer: 'manual' });
   * await control.phone('sam@example.com', { station: false });
   */
  phone(email: string, settings: PhoneSettings): Promise<Required<PhoneSettings>> {
    return this.call('POST', `/phones/${encodeURIComponent(email)}`, settings);
  }

  /**
   * Picks up the user's ringing monitor / coach / barge legs (on one call, or all): `connected`.
   *
   * @example
   * await control.answerPhone('sam@example.com', conversationId);
   */
  answerPhone(email: string, conversationId?: string): Promise<{ answered: string[] }> {
    return this.call('POST', `/phones/${encodeURIComponent(email)}/answer`, { conversationId });
  }

  /**
   * The user's ringing legs go unanswered: they end `system` (timeout, default) or `client`
   * (declined), as missed alerts do.
   *
   * @example
   * await control.leavePhoneUnanswered('sam@example.com', { reason: 'declined' });
   */
  leavePhoneUnanswered(
    email: string,
    options: { conversationId?: string; reason?: 'timeout' | 'declined' } = {},
  ): Promise<{ unanswered: string[] }> {
    return this.call('POST', `/phones/${encodeURIComponent(email)}/unanswered`, options);
  }

  /**
   * A chat, message, email or callback in a queue (never voice; opt-in, none are seeded): it
   * shows in the analytics queries with its `mediaType` and on the queue's topics.
   *
   * @example
   * const chat = await control.createInteraction({ mediaType: 'chat', queue: 'Support' });
   * await control.updateInteraction(chat.conversationId, { state: 'alerting', agentEmail: 'bob@example.com' });
   */
  createInteraction(input: CreateInteractionInput): Promise<CreatedInteraction> {
    return this.call('POST', '/interactions', input);
  }

  /** Moves a non-voice interaction on: to an agent (`alerting`), `interacting`, or `ended`. */
  updateInteraction(
    conversationId: string,
    input: UpdateInteractionInput,
  ): Promise<CreatedInteraction> {
    return this.call('POST', `/interactions/${conversationId}`, input);
  }

  /**
   * Another client (the agent's Genesys desktop) starts a consult transfer; the destination leg
   * rings (a user `alerting`, a number `contacting`; a queue's `acd` leg is connected).
   *
   * @example
   * const { destinationParticipantId } = await control.consult(cid, {
   *   destination: { userEmail: 'bob@example.com' },
   * });
   * await control.ring(cid, destinationParticipantId, 'answer');
   * await control.consultAction(cid, 'complete'); // the agent's leg ends `transfer`
   */
  consult(
    conversationId: string,
    input: ConsultInput,
  ): Promise<{ destinationParticipantId: string; objectParticipantId: string }> {
    return this.call('POST', `/calls/${conversationId}/consult`, input);
  }

  /**
   * Completes (the consulting agent leaves, `transfer`), cancels (the destination leaves, the
   * object returns) or changes `speakTo` of the consult in progress.
   *
   * @example
   * await control.consultAction(cid, 'speak-to', 'BOTH');
   */
  consultAction(
    conversationId: string,
    action: 'complete' | 'cancel' | 'speak-to',
    speakTo?: SpeakTo,
  ): Promise<{ ok: true }> {
    return this.call('POST', `/calls/${conversationId}/consult/${action}`, { speakTo });
  }

  /**
   * A blind transfer made by another client: the leg ends `transfer`, the destination joins.
   *
   * @example
   * await control.blindTransfer(cid, agentParticipantId, { queue: 'Sales' }); // an acd leg
   */
  blindTransfer(
    conversationId: string,
    participantId: string,
    destination: LegTargetInput,
  ): Promise<{ destinationParticipantId: string }> {
    return this.call(
      'POST',
      `/calls/${conversationId}/participants/${participantId}/replace`,
      destination,
    );
  }

  /**
   * Adds parties to a call (a conference): each rings until `ring(…, 'answer')`.
   *
   * @example
   * const { participantIds } = await control.addParties(cid, [{ address: '+15550001111' }, { userEmail: 'bob@example.com' }]);
   */
  addParties(
    conversationId: string,
    participants: LegTargetInput[],
  ): Promise<{ participantIds: string[] }> {
    return this.call('POST', `/calls/${conversationId}/parties`, { participants });
  }

  /**
   * A ringing leg answers (`connected`), goes unanswered (ended `system` with `errorInfo`) or
   * is declined. A call left with one party ends.
   *
   * @example
   * await control.ring(cid, remoteParticipantId, 'noAnswer');
   */
  ring(conversationId: string, participantId: string, outcome: RingOutcome): Promise<{ ok: true }> {
    return this.call('POST', `/calls/${conversationId}/participants/${participantId}/ring`, {
      outcome,
    });
  }

  /**
   * One party leaves (`endpoint` for a customer or number, `client` for a user); the call goes
   * on while two parties remain. A consulting agent leaving completes the consult.
   *
   * @example
   * await control.leave(cid, externalParticipantId);
   */
  leave(
    conversationId: string,
    participantId: string,
    disconnectType?: 'endpoint' | 'client',
  ): Promise<{ ok: true }> {
    return this.call('POST', `/calls/${conversationId}/participants/${participantId}/leave`, {
      disconnectType,
    });
  }

  /**
   * An outbound call placed by the agent (from their Genesys desktop): agent leg first
   * (connected, purpose `user`), the dialled number's `external` leg `contacting`.
   *
   * @example
   * const call = await control.placeCall({ agentEmail: 'alice@example.com', phoneNumber: '+15550001111' });
   * await control.ring(call.conversationId, call.remoteParticipantId, 'answer');
   */
  placeCall(input: OutboundCallInput): Promise<OutboundCall> {
    return this.call('POST', '/calls/outbound', input);
  }

  /**
   * Recording changed by another client: `paused` is a secure pause (`securePause: true`),
   * `active` resumes.
   *
   * @example
   * await control.setRecording(cid, 'paused');
   */
  setRecording(
    conversationId: string,
    recordingState: 'active' | 'paused' | 'none',
  ): Promise<{ recordingState: string; securePause: boolean }> {
    return this.call('POST', `/calls/${conversationId}/recording`, { recordingState });
  }

  /**
   * Wrap-up applied elsewhere (the agent's Genesys desktop): ends the leg's after-call work.
   *
   * @example
   * await control.wrapUp(cid, agentParticipantId, { code: 'resolved' });
   */
  wrapUp(
    conversationId: string,
    participantId: string,
    wrapup: WrapupApplied = {},
  ): Promise<{ ok: true }> {
    return this.call(
      'POST',
      `/calls/${conversationId}/participants/${participantId}/wrapup`,
      wrapup,
    );
  }

  /**
   * The participant of `purpose` on a call, from the emulator's own state: the newest leg of that
   * purpose that has not ended, else the newest (an agent's missed alerts are older, ended legs).
   */
  async participant(conversationId: string, purpose: string): Promise<EmulatorParticipant> {
    const state = await this.state();
    const legs = (state.conversations.find((c) => c.id === conversationId)?.participants ?? [])
      .filter((p) => p.purpose === purpose)
      .reverse();
    const found = legs.find((p) => p.state !== 'terminated') ?? legs[0];
    if (!found) throw new Error(`No ${purpose} participant on ${conversationId}`);
    return found;
  }

  /**
   * The desktop host page for a user: it frames `widgetUrl` once per active call of theirs, as
   * the Genesys Cloud desktop runs an interaction widget.
   *
   * @example
   * await page.goto(control.desktopUrl(widgetUrl, 'alice@example.com', { lang: 'de-DE' }));
   */
  desktopUrl(widgetUrl: string, email: string, options: DesktopOptions = {}): string {
    const query = new URLSearchParams({ widget: widgetUrl, user: email });
    for (const [key, value] of Object.entries(options))
      if (value !== undefined) query.set(key, String(value));
    return `${this.baseUrl}/__emulator/desktop?${query}`;
  }

  /**
   * What desktop host pages saw and did since the last reset: the widgets' Client App SDK
   * messages, the hooks sent, widgets opened, closed and refused, messages refused.
   *
   * @example
   * const { entries } = await control.desktopLog();
   * const toasts = entries.filter((e) => e.kind === 'message' && e.action === 'showToast');
   */
  desktopLog(): Promise<{ entries: DesktopLogEntry[] }> {
    return this.call('GET', '/desktop/log');
  }

  /** Empties the desktop host pages' log (a reset does too). */
  clearDesktopLog(): Promise<{ ok: true }> {
    return this.call('DELETE', '/desktop/log');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__emulator${path}`, {
      method,
      headers: {
        [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

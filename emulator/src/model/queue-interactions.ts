/**
 * Non-voice interactions in queues (issue 18, shape 8): chats, messages, emails and callbacks.
 * They are never seeded: only the control plane creates them (`POST /__emulator/interactions`),
 * so a default org holds calls alone. They count in the analytics queries under their own
 * `mediaType` and are published on the queue's all-media topic and its per-media topic (never on
 * the calls topics, and never in `GET /conversations/calls`).
 */
import type { Clock } from '../clock.js';
import { badRequest, notFound } from '../errors.js';
import type { IdSource } from '../ids.js';
import type { SeedQueue, SeedUser } from '../seed.js';
import type { QueueActivity } from './queue-activity.js';

export const INTERACTION_MEDIA = ['chat', 'message', 'email', 'callback'] as const;
export type InteractionMedia = (typeof INTERACTION_MEDIA)[number];
export type InteractionState = 'waiting' | 'alerting' | 'interacting' | 'ended';

/** One leg of an interaction (customer, the queue's `acd` leg, the agent's). */
export interface InteractionLeg {
  id: string;
  /** The media item's id (`chats[].id`, …), the session the analytics name. */
  sessionId: string;
  purpose: 'customer' | 'acd' | 'agent';
  name?: string;
  address: string;
  userId?: string;
  queueId?: string;
  state: 'alerting' | 'connected' | 'disconnected';
  initialState: 'alerting' | 'connected';
  startTime: number;
  connectedTime?: number;
  endTime?: number;
  disconnectType?: string;
}

export interface InteractionRecord {
  id: string;
  mediaType: InteractionMedia;
  queueId: string;
  state: InteractionState;
  startTime: number;
  /** The org's side of the interaction: the queue's address (email), or the chat/messaging entry. */
  orgAddress: string;
  participants: InteractionLeg[];
}

export interface CreateInteraction {
  mediaType: InteractionMedia;
  queue: SeedQueue;
  customerName?: string;
  address?: string;
  state?: Exclude<InteractionState, 'ended'>;
  agent?: SeedUser;
}

const DEFAULT_ADDRESS: Record<InteractionMedia, string> = {
  chat: 'Casey Chat',
  message: '+15550107788',
  email: 'casey.customer@example.net',
  callback: 'tel:+15550107799',
};

const ORG_ADDRESS: Record<InteractionMedia, (queue: SeedQueue) => string> = {
  chat: (q) => q.name,
  message: () => '+18005550100',
  email: (q) => `${q.name.toLowerCase()}@example.com`,
  callback: (q) => q.name,
};

/** Changes are published by the caller's listener (interaction-shapes.ts renders the bodies). */
export type InteractionListener = (record: InteractionRecord, correlationId: string) => void;

export class QueueInteractions {
  private records = new Map<string, InteractionRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
    private readonly onChange: InteractionListener,
  ) {}

  all(): InteractionRecord[] {
    return [...this.records.values()];
  }

  reset(): void {
    this.records.clear();
  }

  find(id: string): InteractionRecord | undefined {
    return this.records.get(id);
  }

  require(id: string): InteractionRecord {
    const record = this.records.get(id);
    if (!record) throw notFound(`Interaction ${id} was not found.`);
    return record;
  }

  create(input: CreateInteraction, correlationId: string): InteractionRecord {
    const now = this.clock.now();
    const leg = (fields: Omit<InteractionLeg, 'id' | 'sessionId' | 'startTime'>) => ({
      id: this.ids.uuid(),
      sessionId: this.ids.uuid(),
      startTime: now,
      ...fields,
    });
    const record: InteractionRecord = {
      id: this.ids.uuid(),
      mediaType: input.mediaType,
      queueId: input.queue.id,
      state: 'waiting',
      startTime: now,
      orgAddress: ORG_ADDRESS[input.mediaType](input.queue),
      participants: [
        leg({
          purpose: 'customer',
          name: input.customerName ?? 'Casey Customer',
          address: input.address ?? DEFAULT_ADDRESS[input.mediaType],
          state: 'connected',
          initialState: 'connected',
          connectedTime: now,
        }),
        leg({
          purpose: 'acd',
          name: input.queue.name,
          address: ORG_ADDRESS[input.mediaType](input.queue),
          queueId: input.queue.id,
          state: 'connected',
          initialState: 'connected',
          connectedTime: now,
        }),
      ],
    };
    this.records.set(record.id, record);
    if (input.state && input.state !== 'waiting') this.move(record, input.state, input.agent);
    this.onChange(record, correlationId);
    return record;
  }

  /** Moves an interaction on and publishes once; a move it cannot make is 400. */
  update(
    record: InteractionRecord,
    state: Exclude<InteractionState, 'waiting'>,
    agent: SeedUser | undefined,
    correlationId: string,
  ): void {
    this.move(record, state, agent);
    this.onChange(record, correlationId);
  }

  private move(
    record: InteractionRecord,
    state: Exclude<InteractionState, 'waiting'>,
    agent: SeedUser | undefined,
  ): void {
    const now = this.clock.now();
    if (record.state === 'ended') throw badRequest('The interaction has ended.', 'bad.request');
    if (state === 'ended') return this.end(record, now);
    if (state === 'alerting' && record.state !== 'waiting')
      throw badRequest('Only a waiting interaction can alert an agent.', 'bad.request');
    if (record.state === 'waiting') this.alert(record, agent, now);
    if (state === 'interacting') this.connect(record, now);
    record.state = state;
  }

  private alert(record: InteractionRecord, agent: SeedUser | undefined, now: number): void {
    if (!agent) throw badRequest('agentEmail is required to reach an agent.', 'invalid.value');
    record.participants.push({
      id: this.ids.uuid(),
      sessionId: this.ids.uuid(),
      purpose: 'agent',
      address: record.orgAddress,
      userId: agent.id,
      queueId: record.queueId,
      state: 'alerting',
      initialState: 'alerting',
      startTime: now,
    });
  }

  private connect(record: InteractionRecord, now: number): void {
    const agent = record.participants.findLast((p) => p.purpose === 'agent');
    if (agent && agent.state === 'alerting') {
      agent.state = 'connected';
      agent.connectedTime = now;
    }
    const acd = record.participants.find((p) => p.purpose === 'acd');
    if (acd && acd.state !== 'disconnected') disconnect(acd, now, 'transfer');
  }

  /** The customer ends it: their leg `endpoint`, everyone else `peer`. */
  private end(record: InteractionRecord, now: number): void {
    for (const p of record.participants)
      if (p.state !== 'disconnected')
        disconnect(p, now, p.purpose === 'customer' ? 'endpoint' : 'peer');
    record.state = 'ended';
  }
}

function disconnect(leg: InteractionLeg, now: number, disconnectType: string): void {
  leg.state = 'disconnected';
  leg.endTime = now;
  leg.disconnectType = disconnectType;
}

/** The analytics' view of the live interactions (same metric meanings as calls). */
export function interactionActivities(records: readonly InteractionRecord[]): QueueActivity[] {
  return records.flatMap((record): QueueActivity[] => {
    if (record.state === 'ended') return [];
    const customer = record.participants.find((p) => p.purpose === 'customer')!;
    const agent = record.participants.findLast((p) => p.purpose === 'agent');
    const acd = record.participants.find((p) => p.purpose === 'acd')!;
    const metric =
      record.state === 'waiting'
        ? 'oWaiting'
        : record.state === 'alerting'
          ? 'oAlerting'
          : 'oInteracting';
    const leg = metric === 'oWaiting' || !agent ? acd : agent;
    return [
      {
        metric,
        queueId: record.queueId,
        conversationId: record.id,
        sessionId: leg.sessionId,
        userId: metric === 'oWaiting' ? undefined : agent?.userId,
        date: metric === 'oInteracting' ? (leg.connectedTime ?? leg.startTime) : leg.startTime,
        mediaType: record.mediaType,
        direction: 'inbound',
        addressFrom: customer.address,
        addressTo: record.orgAddress,
        participantName: customer.name,
      },
    ];
  });
}

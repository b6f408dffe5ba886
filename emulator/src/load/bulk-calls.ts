import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { MAX_MISSED_ALERTS } from '../model/inbound-legs.js';
import { isActiveState, isEnded, type ConversationRecord } from '../model/types.js';
import { findQueue, findUserByEmail, QUEUES, type SeedQueue, type SeedUser } from '../seed.js';
import { MAX_GENERATED_AGENTS, nextFreeAgent } from './agents.js';

/** `POST /__emulator/calls` with `count`: many inbound calls at once (scale tests). */
export const bulkCallsSchema = z
  .object({
    count: z.number().int().min(1).max(MAX_GENERATED_AGENTS),
    agentEmail: z.string().email().optional(),
    queue: z.string().optional(),
    ani: z
      .string()
      .regex(/^(tel:|sip:)/, 'ani must start with tel: or sip:')
      .optional(),
    customerName: z.string().max(200).optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    autoAnswer: z.boolean().optional(),
    ivr: z.boolean().optional(),
    missedAlerts: z.number().int().min(0).max(MAX_MISSED_ALERTS).optional(),
    /** The agent's alert is missed and the call waits in the queue with no agent. */
    waiting: z.boolean().optional(),
  })
  .strict();

export type BulkCallsInput = z.infer<typeof bulkCallsSchema>;

/** A body with `count` is a bulk request; without it the single-call body applies. */
export function isBulkCallsRequest(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'count' in body;
}

/** User ids with a leg still up on a live call. */
export function busyUserIds(ctx: EmulatorContext): Set<string> {
  const busy = new Set<string>();
  for (const conversation of ctx.conversations.all()) {
    if (isEnded(conversation)) continue;
    for (const p of conversation.participants)
      if (p.userId && isActiveState(p.state)) busy.add(p.userId);
  }
  return busy;
}

/** The alerting agent leg times out (`system`): the call is back to waiting in its queue. */
function missAlert(ctx: EmulatorContext, conversation: ConversationRecord): void {
  const leg = conversation.participants.find(
    (p) => p.purpose === 'agent' && p.state === 'alerting',
  );
  if (!leg) return;
  leg.state = 'disconnected';
  leg.endTime = ctx.clock.now();
  leg.disconnectType = 'system';
  leg.wrapupRequired = false;
  leg.wrapupPrompt = 'timeout';
  ctx.conversations.changed(conversation, ctx.ids.uuid());
}

let callerNumber = 0;

/** A distinct caller number per generated call: tel:+1555010xxxx. */
export function nextCallerAni(): string {
  callerNumber = (callerNumber % 9_999) + 1;
  return `tel:+1555010${String(callerNumber).padStart(4, '0')}`;
}

export function resetCallerNumbers(): void {
  callerNumber = 0;
}

/**
 * Creates `count` inbound calls. Without `agentEmail` each call goes to a generated agent with
 * no live call ("Agent 001", …, created as needed); without `queue` the calls alternate over the
 * seeded queues. Returns the new conversation ids in creation order.
 */
export function createBulkCalls(
  ctx: EmulatorContext,
  body: unknown,
): { conversationIds: string[] } {
  const input = parseBody(bulkCallsSchema, body);
  const fixedAgent = input.agentEmail ? findUserByEmail(input.agentEmail) : undefined;
  assert(!input.agentEmail || fixedAgent, () =>
    badRequest(`No seeded user ${input.agentEmail ?? ''}.`, 'invalid.value', 'agentEmail'),
  );
  const fixedQueue = input.queue ? findQueue(input.queue) : undefined;
  assert(!input.queue || fixedQueue, () =>
    badRequest(`Unknown queue ${input.queue ?? ''}.`, 'invalid.value', 'queue'),
  );
  // Agents first, so that running out of free agents fails before any call exists.
  const busy = busyUserIds(ctx);
  const agents: SeedUser[] = Array.from(
    { length: input.count },
    () => fixedAgent ?? nextFreeAgent(busy),
  );
  const conversationIds: string[] = [];
  for (const [i, agent] of agents.entries()) {
    const queue: SeedQueue = fixedQueue ?? QUEUES[i % QUEUES.length]!;
    const conversation = ctx.conversations.createInbound(
      {
        agent,
        queue: queue.id,
        ani: input.ani ?? nextCallerAni(),
        customerName: input.customerName,
        attributes: input.attributes,
        autoAnswer: input.waiting ? false : input.autoAnswer,
        ivr: input.ivr,
        missedAlerts: input.missedAlerts,
      },
      ctx.ids.uuid(),
    );
    if (input.waiting) missAlert(ctx, conversation);
    conversationIds.push(conversation.id);
  }
  return { conversationIds };
}

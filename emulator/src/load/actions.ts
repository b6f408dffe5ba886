import type { EmulatorContext } from '../context.js';
import {
  isActiveState,
  isEnded,
  type ConversationRecord,
  type ParticipantRecord,
} from '../model/types.js';
import { QUEUES } from '../seed.js';
import { busyUserIds, nextCallerAni } from './bulk-calls.js';
import { nextFreeAgent } from './agents.js';
import type { Random } from './random.js';

export const LOAD_ACTIONS = ['mute', 'hold', 'attribute', 'start', 'end'] as const;
export type LoadAction = (typeof LOAD_ACTIONS)[number];

/** How often each action is drawn (out of 100); starts and ends balance so the count holds. */
const WEIGHTS: readonly [LoadAction, number][] = [
  ['mute', 30],
  ['hold', 20],
  ['attribute', 30],
  ['start', 10],
  ['end', 10],
];

export function drawAction(random: Random): LoadAction {
  let roll = random.below(100);
  for (const [action, weight] of WEIGHTS) {
    if (roll < weight) return action;
    roll -= weight;
  }
  return 'attribute';
}

/** The newest connected agent leg (the one a mute or hold is about), if the call has one. */
function connectedAgentLeg(conversation: ConversationRecord): ParticipantRecord | undefined {
  return [...conversation.participants]
    .reverse()
    .find((p) => p.purpose === 'agent' && p.state === 'connected');
}

/**
 * Performs one action on the live calls and returns what was done: the drawn action, or
 * `attribute` when the drawn one does not apply (no connected agent to mute or hold), or `start`
 * when no call is live.
 */
export function performAction(ctx: EmulatorContext, random: Random, sequence: number): LoadAction {
  const live = ctx.conversations.all().filter((c) => !isEnded(c));
  let action = drawAction(random);
  if (live.length === 0) action = 'start';
  const correlationId = ctx.ids.uuid();
  if (action === 'start') {
    ctx.conversations.createInbound(
      {
        agent: nextFreeAgent(busyUserIds(ctx)),
        queue: QUEUES[random.below(QUEUES.length)]!.id,
        ani: nextCallerAni(),
      },
      correlationId,
    );
    return action;
  }
  const call = live[random.below(live.length)]!;
  const agent = connectedAgentLeg(call);
  if (action === 'end') {
    const customer = call.participants.find(
      (p) => p.purpose === 'customer' && isActiveState(p.state),
    );
    if (customer) {
      ctx.conversations.hangUp(call, customer, 'endpoint', correlationId);
      return action;
    }
  }
  if ((action === 'mute' || action === 'hold') && agent) {
    const flags = action === 'mute' ? { muted: !agent.muted } : { held: !agent.held };
    ctx.conversations.setFlags(call, agent, flags, correlationId);
    return action;
  }
  const customer = call.participants.find((p) => p.purpose === 'customer') ?? call.participants[0]!;
  ctx.conversations.mergeAttributes(
    call,
    customer,
    { 'load.sequence': String(sequence), 'load.note': `note ${random.below(1000)}` },
    correlationId,
  );
  return 'attribute';
}

/**
 * Control plane for non-voice interactions in queues (not a Genesys path): chats, messages,
 * emails and callbacks are opt-in, created and moved on here; none are seeded.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { INTERACTION_MEDIA, type InteractionRecord } from '../model/queue-interactions.js';
import { findQueue, findUserByEmail } from '../seed.js';

const createInteraction = z
  .object({
    mediaType: z.enum(INTERACTION_MEDIA),
    queue: z.string().min(1),
    customerName: z.string().max(200).optional(),
    address: z.string().min(1).max(320).optional(),
    state: z.enum(['waiting', 'alerting', 'interacting']).optional(),
    agentEmail: z.string().email().optional(),
  })
  .strict();

const updateInteraction = z
  .object({
    state: z.enum(['alerting', 'interacting', 'ended']),
    agentEmail: z.string().email().optional(),
  })
  .strict();

function view(record: InteractionRecord) {
  return {
    conversationId: record.id,
    mediaType: record.mediaType,
    queueId: record.queueId,
    state: record.state,
    participants: record.participants.map(({ id, purpose, state, userId }) => ({
      id,
      purpose,
      state,
      userId,
    })),
  };
}

export function registerInteractionControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const agentOf = (email: string | undefined) => {
    if (email === undefined) return undefined;
    const agent = findUserByEmail(email);
    assert(agent, () => badRequest(`No seeded user ${email}.`, 'invalid.value', 'agentEmail'));
    return agent;
  };

  app.post('/__emulator/interactions', async (request, reply) => {
    const body = parseBody(createInteraction, request.body);
    const queue = findQueue(body.queue);
    assert(queue, () => badRequest(`Unknown queue ${body.queue}.`, 'invalid.value', 'queue'));
    const record = ctx.interactions.create(
      { ...body, queue, agent: agentOf(body.agentEmail) },
      ctx.ids.uuid(),
    );
    return reply.code(201).send(view(record));
  });

  app.post<{ Params: { cid: string } }>('/__emulator/interactions/:cid', async (request) => {
    const body = parseBody(updateInteraction, request.body);
    const record = ctx.interactions.require(request.params.cid);
    ctx.interactions.update(record, body.state, agentOf(body.agentEmail), ctx.ids.uuid());
    return view(record);
  });

  app.get('/__emulator/interactions', async () => ({
    interactions: ctx.interactions.all().map(view),
  }));
}

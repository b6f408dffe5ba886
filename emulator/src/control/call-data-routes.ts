/**
 * Control plane for call data: participant attributes changed elsewhere (a flow, a CRM
 * integration, another client). Published like any change; the platform never says who made it,
 * so the actor only goes to the log.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest, notFound } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { changesAnything, ownAttributes } from '../model/attribute-limits.js';
import { isEnded } from '../model/types.js';

const attributesChange = z.object({
  attributes: z.record(z.string(), z.string({ error: 'attribute values must be strings' })),
  /** Who made the change, e.g. "flow", "crm", "another-client" (for the log only). */
  actor: z.string().min(1).max(100),
});

export function registerCallDataControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Params: { cid: string; pid: string } }>(
    '/__emulator/calls/:cid/participants/:pid/attributes',
    async (request, reply) => {
      const conversation = ctx.conversations.get(request.params.cid);
      assert(conversation, () => notFound(`Conversation ${request.params.cid} was not found.`));
      const body = parseBody(attributesChange, request.body);
      const participant = ctx.conversations.requireParticipant(conversation, request.params.pid);
      if (isEnded(conversation))
        throw badRequest('The call has ended.', 'conversation.error.call.disconnected');
      const change = ownAttributes(request.body);
      const changed = changesAnything(participant.attributes, change);
      const attributes = ctx.conversations.mergeAttributes(
        conversation,
        participant,
        change,
        ctx.ids.uuid(),
      );
      request.log.info(
        { actor: body.actor, conversationId: conversation.id, participantId: participant.id },
        'attributes changed elsewhere',
      );
      return reply.code(202).send({ ok: true, changed, attributes });
    },
  );
}

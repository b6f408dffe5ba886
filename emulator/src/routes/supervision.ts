import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { assert, missingPermissions, notFound } from '../errors.js';
import { requireUser } from '../http-helpers.js';
import { toGenericConversation } from '../model/generic-shape.js';
import { toGenericInteraction } from '../model/interaction-shapes.js';
import { supervise, SUPERVISION_MODES, SUPERVISION_PERMISSIONS } from '../model/supervision.js';

/** Cross-user read of any conversation (contract §2.1, "Cross-user reads"). */
export const COMMUNICATION_VIEW_PERMISSION = 'conversation:communication:view';

type ParticipantParams = { Params: { cid: string; pid: string } };

/**
 * The supervisor's API: the generic `GET /conversations/{cid}` (calls and the non-voice
 * interactions of queue-interactions.ts; participants of the conversation, or
 * `conversation:communication:view`) and `POST …/participants/{pid}/monitor|coach|barge` (201, no
 * body, one permission each; contract §2.7).
 */
export function registerSupervisionRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  api.get<{ Params: { cid: string } }>('/conversations/:cid', async (request) => {
    const user = requireUser(request);
    const conversation = ctx.conversations.get(request.params.cid);
    const interaction = ctx.interactions.find(request.params.cid);
    assert(conversation ?? interaction, () =>
      notFound(`Conversation ${request.params.cid} was not found.`),
    );
    const participants = conversation?.participants ?? interaction?.participants ?? [];
    if (
      !participants.some((p) => p.userId === user.id) &&
      !user.permissions.includes(COMMUNICATION_VIEW_PERMISSION)
    )
      throw missingPermissions([COMMUNICATION_VIEW_PERMISSION]);
    return conversation ? toGenericConversation(conversation) : toGenericInteraction(interaction!);
  });

  const deps = {
    now: () => ctx.clock.now(),
    ids: ctx.ids,
    changed: ctx.conversations.changed.bind(ctx.conversations),
    phones: ctx.phones,
  };

  for (const mode of SUPERVISION_MODES) {
    api.post<ParticipantParams>(
      `/conversations/calls/:cid/participants/:pid/${mode}`,
      async (request, reply) => {
        const user = requireUser(request);
        const permission = SUPERVISION_PERMISSIONS[mode];
        if (!user.permissions.includes(permission)) throw missingPermissions([permission]);
        const conversation = ctx.conversations.get(request.params.cid);
        assert(conversation, () => notFound(`Conversation ${request.params.cid} was not found.`));
        const target = ctx.conversations.requireParticipant(conversation, request.params.pid);
        supervise(deps, conversation, user, target, mode, request.correlationId);
        return reply.code(201).send();
      },
    );
  }
}

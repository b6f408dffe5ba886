import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import {
  ApiError,
  assert,
  badRequest,
  missingPermissions,
  notActiveParticipant,
  notAuthorized,
  notFound,
} from '../errors.js';
import { parseBody, requireUser } from '../http-helpers.js';
import { ownAttributes } from '../model/attribute-limits.js';
import { wasParticipant } from '../model/legs.js';
import { leaveCall, refusesHoldOf } from '../model/parties.js';
import { toCallConversation } from '../model/shapes.js';
import { applyWrapup } from '../model/wrapup.js';
import { registerCallControlRoutes, wrapupInput } from './call-control.js';
import { registerTransferRoutes } from './transfers.js';
import { isActiveState, isEnded, type ConversationRecord } from '../model/types.js';
import type { SeedUser } from '../seed.js';

export const PARTICIPANT_PATCH_PERMISSIONS = [
  'conversation:participant:wrapup',
  'conversation:call:record',
  'conversation:communication:disconnect',
] as const;

const mediaParticipantRequest = z.object({
  state: z.string().optional(),
  muted: z.boolean().optional(),
  held: z.boolean().optional(),
  confined: z.boolean().optional(),
  recording: z.boolean().optional(),
  wrapupSkipped: z.boolean().optional(),
  wrapup: wrapupInput.optional(),
  resumeTime: z.string().optional(),
});

const participantAttributes = z.object({
  attributes: z.record(z.string(), z.string({ error: 'attribute values must be strings' })),
});

type ParticipantParams = { cid: string; pid: string };

export function registerConversationRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  registerTransferRoutes(api, ctx);
  registerCallControlRoutes(api, ctx);
  /** Unknown id → 404; whether the caller may see or change it is each route's check. */
  const load = (request: FastifyRequest<{ Params: { cid: string } }>) => {
    const user = requireUser(request);
    const conversation = ctx.conversations.get(request.params.cid);
    assert(conversation, () => notFound(`Conversation ${request.params.cid} was not found.`));
    return { user, conversation };
  };

  /** The caller must be on the call, with a leg that is still up. */
  const requireActiveParticipant = (user: SeedUser, conversation: ConversationRecord) =>
    assert(
      conversation.participants.some((p) => p.userId === user.id && isActiveState(p.state)),
      notActiveParticipant,
    );

  api.get('/conversations/calls', async (request) => {
    const user = requireUser(request);
    const entities = ctx.conversations.activeForUser(user.id).map(toCallConversation);
    return {
      entities,
      pageSize: 25,
      pageNumber: 1,
      total: entities.length,
      pageCount: 1,
      selfUri: '/api/v2/conversations/calls',
      firstUri: '/api/v2/conversations/calls?pageSize=25&pageNumber=1',
      lastUri: '/api/v2/conversations/calls?pageSize=25&pageNumber=1',
    };
  });

  /** Participants only, ended legs included (FIDELITY.md): others get 403 `not.authorized`. */
  api.get<{ Params: { cid: string } }>('/conversations/calls/:cid', async (request) => {
    const { user, conversation } = load(request);
    assert(wasParticipant(conversation, user.id), () =>
      notAuthorized(`The caller is not a participant of conversation ${conversation.id}.`),
    );
    return toCallConversation(conversation);
  });

  api.patch<{ Params: ParticipantParams }>(
    '/conversations/calls/:cid/participants/:pid',
    async (request, reply) => {
      const { user, conversation } = load(request);
      const body = parseBody(mediaParticipantRequest, request.body);
      if (!PARTICIPANT_PATCH_PERMISSIONS.some((p) => user.permissions.includes(p))) {
        throw missingPermissions(PARTICIPANT_PATCH_PERMISSIONS);
      }
      const participant = ctx.conversations.requireParticipant(conversation, request.params.pid);
      if (body.wrapup !== undefined && participant.userId === user.id) {
        // Wrap-up is applied to the caller's own leg, ended or not (after-call work, wrapup.ts).
        applyWrapup(participant, body.wrapup, ctx.clock.now());
        ctx.conversations.changed(conversation, request.correlationId);
        if (body.state === undefined && body.muted === undefined && body.held === undefined)
          return reply.code(202).send();
      }
      if (
        body.confined !== undefined ||
        body.recording !== undefined ||
        (body.wrapup !== undefined && participant.userId !== user.id) ||
        body.wrapupSkipped !== undefined ||
        body.resumeTime !== undefined
      ) {
        throw new ApiError(
          501,
          'not.implemented',
          'The emulator does not implement confined, recording, wrapupSkipped, resumeTime or another user’s wrapup.',
        );
      }
      if (body.state === undefined && body.muted === undefined && body.held === undefined) {
        throw badRequest('The request names no change (state, muted or held).');
      }
      if (isEnded(conversation) || !isActiveState(participant.state)) {
        throw badRequest('The call is disconnected.', 'conversation.error.call.disconnected');
      }
      requireActiveParticipant(user, conversation);
      const state = body.state?.toLowerCase();
      if (state !== undefined && state !== 'connected' && state !== 'disconnected') {
        throw badRequest('state may only be connected or disconnected.', 'invalid.value', 'state');
      }
      if (body.held === true && participant.state === 'alerting' && state !== 'connected') {
        throw badRequest('An alerting call cannot be held.', 'conversation.error.hold.alerting');
      }
      if (body.held !== undefined && refusesHoldOf(conversation, participant, user.id)) {
        throw badRequest(
          'A party of an ACD conference cannot be held; mute or disconnect them instead.',
          'bad.request',
        );
      }
      const correlationId = request.correlationId;
      if (state === 'disconnected') {
        // One party leaves; a call with two or more parties left goes on (parties.ts).
        leaveCall(ctx.conversations, conversation, participant, 'client', correlationId);
      } else {
        if (state === 'connected' && participant.state === 'alerting') {
          ctx.conversations.answer(conversation, participant, correlationId);
        }
        ctx.conversations.setFlags(
          conversation,
          participant,
          { muted: body.muted, held: body.held },
          correlationId,
        );
      }
      return reply.code(202).send();
    },
  );

  api.patch<{ Params: ParticipantParams }>(
    '/conversations/calls/:cid/participants/:pid/attributes',
    async (request, reply) => {
      const { user, conversation } = load(request);
      parseBody(participantAttributes, request.body);
      const participant = ctx.conversations.requireParticipant(conversation, request.params.pid);
      // Anyone who is or was on the call, after their leg or the call ended too (FIDELITY.md W5).
      assert(wasParticipant(conversation, user.id), notActiveParticipant);
      const attributes = ctx.conversations.mergeAttributes(
        conversation,
        participant,
        ownAttributes(request.body),
        request.correlationId,
      );
      return reply.code(202).send({ attributes });
    },
  );
}

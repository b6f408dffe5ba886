/**
 * Call-level requests of issue 18 (FIDELITY.md C1–C3, O1–O3, K1–K3, W1–W5):
 * `POST /conversations/calls` (an outbound call), `POST /conversations/calls/{cid}/participants`
 * (add parties: a conference), `PATCH /conversations/calls/{cid}` (`recordingState`, `state`),
 * `PUT /conversations/calls/{cid}/recordingstate` and the wrap-up
 * `POST …/participants/{pid}/communications/{commId}/wrapup`.
 */
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
import { activeLegOf } from '../model/legs.js';
import { buildOutbound } from '../model/outbound.js';
import { newTargetLeg } from '../model/party-legs.js';
import { parseRecordingState, setRecordingState } from '../model/recording.js';
import { toCallConversation } from '../model/shapes.js';
import { isActiveState, isEnded } from '../model/types.js';
import { applyWrapup } from '../model/wrapup.js';
import type { SeedUser } from '../seed.js';

export const PAUSE_OTHERS_PERMISSION = 'conversation:recording:pauseOthers';
export const WRAPUP_PERMISSION = 'conversation:participant:wrapup';

export const wrapupInput = z.object({
  code: z.string().optional(),
  name: z.string().optional(),
  notes: z.string().optional(),
  tags: z.array(z.string()).optional(),
  durationSeconds: z.number().int().min(0).optional(),
  endTime: z.string().optional(),
  provisional: z.boolean().optional(),
  disableEndTimeUpdates: z.boolean().optional(),
});
const createCallRequest = z
  .object({
    phoneNumber: z.string().min(1).optional(),
    callFromQueueId: z.string().optional(),
    callerId: z.string().optional(),
    callerIdName: z.string().optional(),
  })
  .passthrough();
const UNSUPPORTED_CREATE = ['callQueueId', 'callUserId', 'participants', 'conversationIds'];
const addParticipants = z.object({
  participants: z
    .array(
      z.object({
        address: z.string().optional(),
        name: z.string().optional(),
        userId: z.string().optional(),
        queueId: z.string().optional(),
      }),
    )
    .min(1),
});
const conversationPatch = z.object({
  recordingState: z.string().optional(),
  state: z.string().optional(),
});
const recordingStateBody = z.object({ recordingState: z.string() });

const requirePermission = (user: SeedUser, permission: string) => {
  if (!user.permissions.includes(permission)) throw missingPermissions([permission]);
};

export function registerCallControlRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const load = (request: FastifyRequest<{ Params: { cid: string } }>, active = true) => {
    const user = requireUser(request);
    const conversation = ctx.conversations.get(request.params.cid);
    assert(conversation, () => notFound(`Conversation ${request.params.cid} was not found.`));
    if (active)
      assert(!isEnded(conversation) && activeLegOf(conversation, user.id), notActiveParticipant);
    return { user, conversation };
  };

  api.post('/conversations/calls', async (request) => {
    const user = requireUser(request);
    const body = parseBody(createCallRequest, request.body);
    const unsupported = UNSUPPORTED_CREATE.find((k) => (body as Record<string, unknown>)[k]);
    if (unsupported) {
      throw new ApiError(501, 'not.implemented', `The emulator does not implement ${unsupported}.`);
    }
    assert(body.phoneNumber, () =>
      badRequest('phoneNumber is required.', 'invalid.value', 'phoneNumber'),
    );
    const conversation = buildOutbound(
      { user, phoneNumber: body.phoneNumber, callFromQueueId: body.callFromQueueId },
      ctx.clock.now(),
      ctx.ids,
    );
    ctx.conversations.add(conversation, request.correlationId);
    return { id: conversation.id, selfUri: `/api/v2/conversations/calls/${conversation.id}` };
  });

  api.post<{ Params: { cid: string } }>(
    '/conversations/calls/:cid/participants',
    async (request, reply) => {
      const { conversation } = load(request);
      const body = parseBody(addParticipants, request.body);
      const now = ctx.clock.now();
      const legs = body.participants.map((p, i) =>
        newTargetLeg(conversation, p, now, ctx.ids, `participants.${i}`),
      );
      conversation.participants.push(...legs);
      ctx.conversations.changed(conversation, request.correlationId);
      return reply.code(202).send(toCallConversation(conversation));
    },
  );

  api.patch<{ Params: { cid: string } }>('/conversations/calls/:cid', async (request, reply) => {
    const { user, conversation } = load(request);
    const body = parseBody(conversationPatch, request.body);
    if (body.recordingState === undefined && body.state === undefined) {
      throw badRequest('The request names no change (recordingState or state).');
    }
    if (body.state !== undefined) {
      requirePermission(user, 'conversation:communication:disconnect');
      if (body.state.toLowerCase() !== 'disconnected') {
        throw badRequest('state may only be disconnected.', 'invalid.value', 'state');
      }
      const own = activeLegOf(conversation, user.id)!;
      ctx.conversations.hangUp(conversation, own, 'client', request.correlationId);
      return reply.code(200).send(toCallConversation(conversation));
    }
    requirePermission(user, PAUSE_OTHERS_PERMISSION);
    const changed = setRecordingState(conversation, parseRecordingState(body.recordingState));
    if (changed) ctx.conversations.changed(conversation, request.correlationId);
    return reply.code(changed ? 202 : 200).send(toCallConversation(conversation));
  });

  api.put<{ Params: { cid: string } }>(
    '/conversations/calls/:cid/recordingstate',
    async (request, reply) => {
      const { user, conversation } = load(request);
      const body = parseBody(recordingStateBody, request.body);
      requirePermission(user, PAUSE_OTHERS_PERMISSION);
      const changed = setRecordingState(conversation, parseRecordingState(body.recordingState));
      if (changed) ctx.conversations.changed(conversation, request.correlationId);
      return reply
        .code(changed ? 202 : 200)
        .type('application/json')
        .send(JSON.stringify(conversation.recordingState));
    },
  );

  api.post<{ Params: { cid: string; pid: string; commId: string } }>(
    '/conversations/calls/:cid/participants/:pid/communications/:commId/wrapup',
    async (request, reply) => {
      const { user, conversation } = load(request, false);
      const body = parseBody(wrapupInput.optional(), request.body ?? undefined) ?? {};
      requirePermission(user, WRAPUP_PERMISSION);
      const leg = ctx.conversations.requireParticipant(conversation, request.params.pid);
      assert(leg.callId === request.params.commId, () =>
        notFound(`Communication ${request.params.commId} was not found on this participant.`),
      );
      assert(leg.userId === user.id, () =>
        notAuthorized('Only the participant’s own user can apply its wrap-up.'),
      );
      if (isActiveState(leg.state) && !leg.wrapupRequired) {
        throw badRequest('This participant has no wrap-up to apply.', 'bad.request', 'wrapup');
      }
      applyWrapup(leg, body, ctx.clock.now());
      ctx.conversations.changed(conversation, request.correlationId);
      return reply.code(202).send();
    },
  );
}

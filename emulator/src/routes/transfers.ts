/**
 * Consult and blind transfers (issue 18 shapes 1, 2; FIDELITY.md T1–T6): `POST|PATCH|DELETE
 * …/participants/{pid}/consult` (`{pid}` = the object of the transfer, the customer), the
 * per-destination `POST …/consult/agent|queue|external` and `…/voice/consult`, and
 * `POST …/participants/{pid}/replace` (`{pid}` = the leg that leaves).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { ApiError, assert, missingPermissions, notActiveParticipant, notFound } from '../errors.js';
import { parseBody, requireUser } from '../http-helpers.js';
import { activeLegOf } from '../model/legs.js';
import type { LegTarget } from '../model/party-legs.js';
import {
  applySpeakTo,
  blindTransfer,
  cancelConsult,
  requireConsult,
  SPEAK_TO,
  startConsult,
} from '../model/transfers.js';
import { isEnded, type SpeakTo } from '../model/types.js';

export const BLIND_TRANSFER_PERMISSION = 'conversation:communication:blindTransfer';

const speakTo = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(SPEAK_TO as [SpeakTo, ...SpeakTo[]]));
const base = { speakTo, consultingUserId: z.string().optional() };
const destination = z.object({
  address: z.string().optional(),
  name: z.string().optional(),
  userId: z.string().optional(),
  queueId: z.string().optional(),
});
/** `ConsultTransfer` and the per-destination bodies of SDK 262, each turned into a target. */
const bodies: Record<
  string,
  z.ZodType<{ speakTo: SpeakTo; consultingUserId?: string; target: LegTarget }>
> = {
  '': z
    .object({ ...base, destination })
    .transform(({ destination: d, ...rest }) => ({ ...rest, target: d })),
  agent: z
    .object({ ...base, userId: z.string(), userDisplayName: z.string().optional() })
    .transform((b) => ({ ...b, target: { userId: b.userId } })),
  queue: z
    .object({ ...base, queueId: z.string(), queueName: z.string().optional() })
    .transform((b) => ({ ...b, target: { queueId: b.queueId } })),
  external: z
    .object({ ...base, address: z.string() })
    .transform((b) => ({ ...b, target: { address: b.address } })),
};
const consultUpdate = z.object({ speakTo, consultingUserId: z.string().optional() });
const transferRequest = z.object({
  transferType: z.string().optional(),
  keepInternalMessageAlive: z.boolean().optional(),
  userId: z.string().optional(),
  address: z.string().optional(),
  userName: z.string().optional(),
  queueId: z.string().optional(),
  voicemail: z.boolean().optional(),
});

type Params = { cid: string; pid: string };

export function registerTransferRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  /** The call, the named leg and the caller's own live leg on it (403 otherwise). */
  const load = (request: FastifyRequest<{ Params: Params }>) => {
    const user = requireUser(request);
    const conversation = ctx.conversations.get(request.params.cid);
    assert(conversation, () => notFound(`Conversation ${request.params.cid} was not found.`));
    const participant = ctx.conversations.requireParticipant(conversation, request.params.pid);
    assert(!isEnded(conversation), () => notActiveParticipant());
    const own = activeLegOf(conversation, user.id);
    assert(own, notActiveParticipant);
    return { user, conversation, participant, own };
  };

  const consult = (kind: string) => async (request: FastifyRequest<{ Params: Params }>) => {
    const { conversation, participant, own } = load(request);
    const body = parseBody(bodies[kind]!, request.body);
    const consulting = body.consultingUserId
      ? activeLegOf(conversation, body.consultingUserId)
      : own;
    assert(consulting, notActiveParticipant);
    const now = ctx.clock.now();
    const leg = startConsult(
      conversation,
      participant,
      consulting,
      { speakTo: body.speakTo, destination: body.target },
      now,
      ctx.ids,
    );
    ctx.conversations.changed(conversation, request.correlationId);
    return { destinationParticipantId: leg.id };
  };
  const path = '/conversations/calls/:cid/participants/:pid';
  api.post(`${path}/consult`, consult(''));
  api.post(`${path}/consult/agent`, consult('agent'));
  api.post(`${path}/consult/queue`, consult('queue'));
  api.post(`${path}/consult/external`, consult('external'));
  api.post(`${path}/voice/consult`, consult('external'));

  api.patch<{ Params: Params }>(`${path}/consult`, async (request) => {
    const { conversation, participant } = load(request);
    const body = parseBody(consultUpdate, request.body);
    const consultRecord = requireConsult(conversation, participant.id);
    applySpeakTo(conversation, body.speakTo, ctx.clock.now());
    ctx.conversations.changed(conversation, request.correlationId);
    return { destinationParticipantId: consultRecord.destinationId };
  });

  api.delete<{ Params: Params }>(`${path}/consult`, async (request, reply) => {
    const { conversation, participant } = load(request);
    cancelConsult(ctx.conversations, conversation, participant.id);
    ctx.conversations.changed(conversation, request.correlationId);
    return reply.code(204).send();
  });

  api.post<{ Params: Params }>(`${path}/replace`, async (request, reply) => {
    const { user, conversation, participant } = load(request);
    const body = parseBody(transferRequest, request.body);
    if (!user.permissions.includes(BLIND_TRANSFER_PERMISSION)) {
      throw missingPermissions([BLIND_TRANSFER_PERMISSION]);
    }
    if (body.voicemail) {
      throw new ApiError(501, 'not.implemented', 'The emulator does not transfer to voicemail.');
    }
    blindTransfer(
      ctx.conversations,
      conversation,
      participant,
      { userId: body.userId, queueId: body.queueId, address: body.address, name: body.userName },
      ctx.clock.now(),
      ctx.ids,
    );
    ctx.conversations.changed(conversation, request.correlationId);
    return reply.code(202).send();
  });
}

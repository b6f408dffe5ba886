/**
 * `POST|GET /api/v2/conversations/{cid}/participants/{pid}/secureivrsessions[/{sid}]` (contract
 * §2.8): send a participant (the customer) into a secure call flow, and read the sessions back.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import {
  ApiError,
  assert,
  badRequest,
  notActiveParticipant,
  notAuthorized,
  notFound,
} from '../errors.js';
import { parseBody, requireUser } from '../http-helpers.js';
import { activeLegOf, wasParticipant } from '../model/legs.js';
import {
  isActiveState,
  isEnded,
  type ConversationRecord,
  type ParticipantRecord,
} from '../model/types.js';
import { toSecureSession } from '../playback/engine.js';

const createSecureSession = z.object({
  flowId: z.string().min(1),
  userData: z.string(),
  sourceParticipantId: z.string().optional(),
  disconnect: z.boolean().optional(),
});

type SessionParams = { cid: string; pid: string };

/** Legs that can be sent into a flow: the caller's side of the call. */
const SENDABLE = new Set<ParticipantRecord['purpose']>(['customer']);

/** Why `target` cannot enter a secure flow now, as the API's error; undefined when it can. */
function refusal(
  conversation: ConversationRecord,
  target: ParticipantRecord,
  sourceParticipantId: string | undefined,
): ApiError | undefined {
  if (!SENDABLE.has(target.purpose))
    return badRequest(
      `Participant ${target.id} (${target.purpose}) cannot be sent to a secure flow; send the customer.`,
    );
  if (isEnded(conversation) || !isActiveState(target.state))
    return badRequest(
      `Participant ${target.id} is disconnected.`,
      'conversation.error.call.disconnected',
    );
  if (target.state !== 'connected')
    return badRequest(`Participant ${target.id} is not connected (${target.state}).`);
  if (sourceParticipantId && !conversation.participants.some((p) => p.id === sourceParticipantId))
    return badRequest(
      `Participant ${sourceParticipantId} is not on this conversation.`,
      'invalid.value',
      'sourceParticipantId',
    );
  if (conversation.participants.some((p) => p.monitoredParticipantId && isActiveState(p.state)))
    return badRequest('A call that a supervisor is monitoring cannot be sent to a secure flow.');
  return undefined;
}

export function registerSecureSessionRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  const load = (request: FastifyRequest<{ Params: SessionParams }>) => {
    const user = requireUser(request);
    const conversation = ctx.conversations.get(request.params.cid);
    assert(conversation, () => notFound(`Conversation ${request.params.cid} was not found.`));
    return { user, conversation };
  };

  /** Reading: anyone who is or was on the call. */
  const loadForRead = (request: FastifyRequest<{ Params: SessionParams }>) => {
    const { user, conversation } = load(request);
    assert(wasParticipant(conversation, user.id), () =>
      notAuthorized(`The caller is not a participant of conversation ${conversation.id}.`),
    );
    ctx.conversations.requireParticipant(conversation, request.params.pid);
    return conversation;
  };

  api.post<{ Params: SessionParams }>(
    '/conversations/:cid/participants/:pid/secureivrsessions',
    async (request) => {
      const { user, conversation } = load(request);
      assert(activeLegOf(conversation, user.id), notActiveParticipant);
      const target = ctx.conversations.requireParticipant(conversation, request.params.pid);
      const body = parseBody(createSecureSession, request.body);
      if (body.disconnect)
        throw new ApiError(
          501,
          'not.implemented',
          'The emulator does not implement disconnect: true (the agent leaving at once).',
        );
      const refused = refusal(conversation, target, body.sourceParticipantId);
      if (refused) throw refused;
      return toSecureSession(ctx.playback.start(conversation, target, body));
    },
  );

  api.get<{ Params: SessionParams }>(
    '/conversations/:cid/participants/:pid/secureivrsessions',
    async (request) => {
      const conversation = loadForRead(request);
      const sessions = ctx.playback.forParticipant(conversation.id, request.params.pid);
      return { entities: sessions.map(toSecureSession) };
    },
  );

  api.get<{ Params: SessionParams & { sid: string } }>(
    '/conversations/:cid/participants/:pid/secureivrsessions/:sid',
    async (request) => {
      const conversation = loadForRead(request);
      const session = ctx.playback
        .forParticipant(conversation.id, request.params.pid)
        .find((s) => s.id === request.params.sid);
      assert(session, () => notFound(`Secure session ${request.params.sid} was not found.`));
      return toSecureSession(session);
    },
  );
}

/**
 * Control plane for the call shapes of issue 18 (not Genesys paths; README "Call shapes"):
 * another client (the agent's Genesys desktop, another agent, the remote phone) transfers,
 * consults, conferences, places outbound calls, answers ringing legs, pauses recording and
 * applies wrap-up. Each change is published like the REST one.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest, notFound } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { activeLegOf, newestLegOf } from '../model/legs.js';
import { buildOutbound } from '../model/outbound.js';
import { newTargetLeg, type LegTarget } from '../model/party-legs.js';
import { leaveCall, ringOutcome } from '../model/parties.js';
import { parseRecordingState, setRecordingState } from '../model/recording.js';
import { agentSideLeg } from '../model/supervision.js';
import {
  applySpeakTo,
  blindTransfer,
  cancelConsult,
  completeConsult,
  requireConsult,
  SPEAK_TO,
  startConsult,
} from '../model/transfers.js';
import { isActiveState, isEnded, type SpeakTo } from '../model/types.js';
import { applyWrapup } from '../model/wrapup.js';
import { findQueue, findUserByEmail } from '../seed.js';

const target = z.object({
  userEmail: z.string().email().optional(),
  queue: z.string().optional(),
  address: z.string().optional(),
  name: z.string().optional(),
});
const speakTo = z.enum(SPEAK_TO as [SpeakTo, ...SpeakTo[]]);
const consult = z.object({
  /** The object of the transfer (default: the customer's live leg). */
  objectParticipantId: z.string().optional(),
  /** Who consults (default: the agent side's live leg). */
  consultingEmail: z.string().email().optional(),
  speakTo: speakTo.optional(),
  destination: target,
});
const outbound = z.object({
  agentEmail: z.string().email(),
  phoneNumber: z.string().min(1),
  callFromQueue: z.string().optional(),
  wrapup: z.enum(['required', 'optional']).optional(),
});
const ring = z.object({ outcome: z.enum(['answer', 'noAnswer', 'decline']) });
const leave = z.object({ disconnectType: z.enum(['endpoint', 'client']).optional() }).optional();
const parties = z.object({ participants: z.array(target).min(1).max(8) });
const recording = z.object({ recordingState: z.string() });
const wrapup = z.object({
  code: z.string().optional(),
  notes: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

/** A control-plane target (emails, queue names) as the model's ids. */
function toLegTarget(t: z.infer<typeof target>, field: string): LegTarget {
  const user = t.userEmail ? findUserByEmail(t.userEmail) : undefined;
  assert(!t.userEmail || user, () =>
    badRequest(`No user ${t.userEmail}.`, 'invalid.value', `${field}.userEmail`),
  );
  const queue = t.queue ? findQueue(t.queue) : undefined;
  assert(!t.queue || queue, () =>
    badRequest(`No queue ${t.queue}.`, 'invalid.value', `${field}.queue`),
  );
  return { userId: user?.id, queueId: queue?.id, address: t.address, name: t.name };
}

export function registerCallShapeControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const live = (cid: string) => {
    const c = ctx.conversations.get(cid);
    assert(c, () => notFound(`Conversation ${cid} was not found.`));
    assert(!isEnded(c), () =>
      badRequest('The call has ended.', 'conversation.error.call.disconnected'),
    );
    return c;
  };
  const publish = (c: Parameters<typeof ctx.conversations.changed>[0]) =>
    ctx.conversations.changed(c, ctx.ids.uuid());
  type P = { Params: { cid: string; pid: string } };

  app.post('/__emulator/calls/outbound', async (request, reply) => {
    const body = parseBody(outbound, request.body);
    const user = findUserByEmail(body.agentEmail);
    assert(user, () => badRequest(`No user ${body.agentEmail}.`, 'invalid.value', 'agentEmail'));
    const queue = body.callFromQueue ? findQueue(body.callFromQueue) : undefined;
    assert(!body.callFromQueue || queue, () =>
      badRequest('Unknown queue.', 'invalid.value', 'callFromQueue'),
    );
    const c = buildOutbound(
      { user, phoneNumber: body.phoneNumber, callFromQueueId: queue?.id, wrapup: body.wrapup },
      ctx.clock.now(),
      ctx.ids,
    );
    ctx.conversations.add(c, ctx.ids.uuid());
    return reply.code(201).send({
      conversationId: c.id,
      agentParticipantId: c.participants[0]!.id,
      remoteParticipantId: c.participants[1]!.id,
    });
  });

  app.post<P>('/__emulator/calls/:cid/participants/:pid/ring', async (request, reply) => {
    const c = live(request.params.cid);
    const leg = ctx.conversations.requireParticipant(c, request.params.pid);
    const { outcome } = parseBody(ring, request.body);
    ringOutcome(ctx.conversations, c, leg, outcome, ctx.clock.now(), ctx.ids.uuid());
    return reply.code(202).send({ ok: true });
  });

  app.post<P>('/__emulator/calls/:cid/participants/:pid/leave', async (request, reply) => {
    const c = live(request.params.cid);
    const leg = ctx.conversations.requireParticipant(c, request.params.pid);
    const remote = leg.purpose === 'customer' || leg.purpose === 'external';
    const type = parseBody(leave, request.body)?.disconnectType ?? (remote ? 'endpoint' : 'client');
    leaveCall(ctx.conversations, c, leg, type, ctx.ids.uuid());
    return reply.code(202).send({ ok: true });
  });

  app.post<{ Params: { cid: string } }>(
    '/__emulator/calls/:cid/parties',
    async (request, reply) => {
      const c = live(request.params.cid);
      const body = parseBody(parties, request.body);
      const now = ctx.clock.now();
      const legs = body.participants.map((t, i) =>
        newTargetLeg(c, toLegTarget(t, `participants.${i}`), now, ctx.ids, `participants.${i}`),
      );
      c.participants.push(...legs);
      publish(c);
      return reply.code(201).send({ participantIds: legs.map((l) => l.id) });
    },
  );

  app.post<{ Params: { cid: string } }>(
    '/__emulator/calls/:cid/consult',
    async (request, reply) => {
      const c = live(request.params.cid);
      const body = parseBody(consult, request.body);
      const object = body.objectParticipantId
        ? ctx.conversations.requireParticipant(c, body.objectParticipantId)
        : newestLegOf(c, ['customer', 'external']);
      const consultingUser = body.consultingEmail
        ? findUserByEmail(body.consultingEmail)
        : undefined;
      const consulting = consultingUser ? activeLegOf(c, consultingUser.id) : agentSideLeg(c);
      assert(object && consulting && isActiveState(consulting.state), () =>
        badRequest(
          'No live object or consulting leg on this call.',
          'invalid.value',
          'consultingEmail',
        ),
      );
      const leg = startConsult(
        c,
        object,
        consulting,
        {
          speakTo: body.speakTo ?? 'DESTINATION',
          destination: toLegTarget(body.destination, 'destination'),
        },
        ctx.clock.now(),
        ctx.ids,
      );
      publish(c);
      return reply
        .code(201)
        .send({ destinationParticipantId: leg.id, objectParticipantId: object.id });
    },
  );

  app.post<{ Params: { cid: string; action: string } }>(
    '/__emulator/calls/:cid/consult/:action',
    async (request, reply) => {
      const c = live(request.params.cid);
      const objectId = c.consult?.objectId ?? '';
      const { action } = request.params;
      if (action === 'complete') completeConsult(ctx.conversations, c, objectId);
      else if (action === 'cancel') cancelConsult(ctx.conversations, c, objectId);
      else if (action === 'speak-to') {
        requireConsult(c, objectId);
        applySpeakTo(c, parseBody(z.object({ speakTo }), request.body).speakTo, ctx.clock.now());
      } else throw notFound(`Unknown consult action ${action}.`);
      publish(c);
      return reply.code(202).send({ ok: true });
    },
  );

  app.post<P>('/__emulator/calls/:cid/participants/:pid/replace', async (request, reply) => {
    const c = live(request.params.cid);
    const leg = ctx.conversations.requireParticipant(c, request.params.pid);
    const t = toLegTarget(parseBody(target, request.body), 'body');
    const destination = blindTransfer(ctx.conversations, c, leg, t, ctx.clock.now(), ctx.ids);
    publish(c);
    return reply.code(202).send({ destinationParticipantId: destination.id });
  });

  app.post<{ Params: { cid: string } }>(
    '/__emulator/calls/:cid/recording',
    async (request, reply) => {
      const c = live(request.params.cid);
      const state = parseRecordingState(parseBody(recording, request.body).recordingState);
      if (setRecordingState(c, state)) publish(c);
      return reply
        .code(202)
        .send({ recordingState: c.recordingState, securePause: state === 'paused' });
    },
  );

  app.post<P>('/__emulator/calls/:cid/participants/:pid/wrapup', async (request, reply) => {
    const c = ctx.conversations.get(request.params.cid);
    assert(c, () => notFound(`Conversation ${request.params.cid} was not found.`));
    const leg = ctx.conversations.requireParticipant(c, request.params.pid);
    applyWrapup(leg, parseBody(wrapup, request.body), ctx.clock.now());
    publish(c);
    return reply.code(202).send({ ok: true });
  });
}

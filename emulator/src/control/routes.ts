import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { ApiError, assert, badRequest, notFound } from '../errors.js';
import { faultsSchema } from '../faults.js';
import { toIso } from '../clock.js';
import { parseBody } from '../http-helpers.js';
import { MAX_MISSED_ALERTS } from '../model/inbound-legs.js';
import { activeLegOf, newestLegOf } from '../model/legs.js';
import { shownState, toCallConversation } from '../model/shapes.js';
import { isActiveState, isEnded } from '../model/types.js';
import { DEFAULT_SOCKET_CLOSING_GRACE_MS } from '../realtime/channel-registry.js';
import { createBulkCalls, isBulkCallsRequest } from '../load/bulk-calls.js';
import { agentSideLeg } from '../model/supervision.js';
import { allUsers, findUserByEmail, QUEUES } from '../seed.js';
import { registerCallDataControlRoutes } from './call-data-routes.js';
import { registerCallShapeControlRoutes } from './call-shape-routes.js';
import { CONSOLE_HTML } from './console-page.js';
import { registerCrmRoutes } from './crm-routes.js';
import { registerInteractionControlRoutes } from './interaction-routes.js';
import { registerPermissionRoutes } from './permission-routes.js';
import { registerPhoneControlRoutes } from './phone-routes.js';
import { registerReplayRoutes } from './replay-routes.js';
import { registerSocketControlRoutes } from './socket-routes.js';

const createCall = z.object({
  agentEmail: z.string().email(),
  queue: z.string().optional(),
  ani: z
    .string()
    .regex(/^(tel:|sip:)/, 'ani must start with tel: or sip:')
    .optional(),
  customerName: z.string().max(200).optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  autoAnswer: z.boolean().optional(),
  /** Start with an ivr leg (default true). */
  ivr: z.boolean().optional(),
  /** Missed alerts of the agent before the leg that rings now. */
  missedAlerts: z.number().int().min(0).max(MAX_MISSED_ALERTS).optional(),
  /** After-call work for the agent when their leg ends (opt-in; none by default). */
  wrapup: z.enum(['required', 'optional']).optional(),
  /** Recorded from the start (`recordingState: active`; `none` by default). */
  recording: z.boolean().optional(),
});

const hangup = z.object({ by: z.enum(['customer', 'agent']).optional() }).optional();

const participantChange = z.object({
  muted: z.boolean().optional(),
  held: z.boolean().optional(),
  /** `genesys-ui` (another Genesys client of the agent) or a supervisor's email. */
  actor: z.string().min(1),
});

const dtmf = z.object({
  digits: z.string().regex(/^[0-9*#A-D]{1,32}$/, 'digits must be 0-9, *, #, A-D'),
});
const demo = z
  .object({ enabled: z.boolean(), delayMs: z.number().int().min(0).max(600_000).optional() })
  .strict();
const authSettings = z.object({ tokenTtlSeconds: z.number().int().min(1).max(172_800) }).strict();
const clockAdvance = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3_600_000),
});

/** The test control plane under /__emulator/ (not a Genesys path; no auth). See emulator/README.md. */
export function registerControlRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  reset: () => void,
): void {
  const findCall = (cid: string) => {
    const conversation = ctx.conversations.get(cid);
    assert(conversation, () => notFound(`Conversation ${cid} was not found.`));
    return conversation;
  };

  app.post('/__emulator/reset', async () => {
    reset();
    return { ok: true };
  });

  app.get<{ Querystring: { calls?: string } }>('/__emulator/state', async (request) => ({
    now: toIso(ctx.clock.now()),
    users: allUsers().map(({ id, name, email, permissions, queueIds }) => ({
      id,
      name,
      email,
      permissions,
      queueIds,
    })),
    queues: QUEUES,
    conversations: ctx.conversations
      .all()
      .filter((c) => request.query.calls !== 'active' || !isEnded(c))
      .map((c) => ({ ...toCallConversation(c), ended: isEnded(c), digits: c.digits })),
    channels: ctx.channels.all().map((c) => ({
      id: c.id,
      userId: c.userId,
      topics: [...c.topics],
      connected: Boolean(c.socket),
      expires: toIso(c.expiresAt),
    })),
    tokens: ctx.auth.tokenCount(),
    faults: {
      latencyMs: ctx.faults.latencyMs,
      rateLimitPerMinute: ctx.faults.rateLimitPerMinute,
      hideRateLimitHeaders: ctx.faults.hideRateLimitHeaders,
      crm: ctx.faults.crm,
      failNext: ctx.faults.pendingFailures(),
    },
  }));

  app.post('/__emulator/calls', async (request, reply) => {
    if (isBulkCallsRequest(request.body))
      return reply.code(201).send(createBulkCalls(ctx, request.body));
    const body = parseBody(createCall, request.body);
    const agent = findUserByEmail(body.agentEmail);
    assert(agent, () =>
      badRequest(`No seeded user ${body.agentEmail}.`, 'invalid.value', 'agentEmail'),
    );
    const conversation = ctx.conversations.createInbound({ ...body, agent }, ctx.ids.uuid());
    return reply.code(201).send({
      conversationId: conversation.id,
      /** The agent's own leg: the newest one that has not ended. */
      agentParticipantId: activeLegOf(conversation, agent.id)?.id,
      participants: conversation.participants.map((p) => ({
        id: p.id,
        purpose: p.purpose,
        name: p.name,
        userId: p.userId,
        state: shownState(p, 'rest'),
      })),
    });
  });

  app.post<{ Params: { cid: string } }>('/__emulator/calls/:cid/hangup', async (request, reply) => {
    const conversation = findCall(request.params.cid);
    const by = parseBody(hangup, request.body)?.by ?? 'customer';
    const party =
      by === 'agent' ? agentSideLeg(conversation) : newestLegOf(conversation, ['customer']);
    assert(party, () => notFound(`No ${by} on this call.`));
    if (isEnded(conversation))
      throw badRequest('The call has already ended.', 'conversation.error.call.disconnected');
    ctx.conversations.hangUp(
      conversation,
      party,
      by === 'customer' ? 'endpoint' : 'client',
      ctx.ids.uuid(),
    );
    return reply.code(202).send({ ok: true });
  });

  app.post<{ Params: { cid: string; pid: string } }>(
    '/__emulator/calls/:cid/participants/:pid',
    async (request, reply) => {
      const conversation = findCall(request.params.cid);
      const body = parseBody(participantChange, request.body);
      const participant = ctx.conversations.requireParticipant(conversation, request.params.pid);
      if (isEnded(conversation) || !isActiveState(participant.state))
        throw badRequest('The call has ended.', 'conversation.error.call.disconnected');
      const correlationId = ctx.ids.uuid();
      if (body.actor !== 'genesys-ui') {
        const supervisor = findUserByEmail(body.actor);
        assert(supervisor && supervisor.permissions.includes('conversation:call:barge'), () =>
          badRequest(
            'actor must be "genesys-ui" or the email of a supervisor who may barge.',
            'invalid.value',
            'actor',
          ),
        );
        ctx.conversations.ensureSupervisorOnCall(
          conversation,
          supervisor.id,
          participant,
          correlationId,
        );
      }
      ctx.conversations.setFlags(
        conversation,
        participant,
        { muted: body.muted, held: body.held },
        correlationId,
      );
      return reply.code(202).send({ ok: true });
    },
  );

  app.post<{ Params: { cid: string } }>('/__emulator/calls/:cid/dtmf', async (request, reply) => {
    const conversation = findCall(request.params.cid);
    const { digits } = parseBody(dtmf, request.body);
    conversation.digits.push(...digits.split(''));
    return reply.code(202).send({ ok: true, digits: conversation.digits.join('') });
  });

  app.post('/__emulator/faults', async (request) => {
    const faults = parseBody(faultsSchema, request.body ?? {});
    const result: Record<string, number | boolean> = {};
    if (faults.latencyMs !== undefined) ctx.faults.latencyMs = faults.latencyMs;
    if (faults.rateLimitPerMinute !== undefined)
      ctx.faults.rateLimitPerMinute = faults.rateLimitPerMinute;
    if (faults.hideRateLimitHeaders !== undefined)
      ctx.faults.hideRateLimitHeaders = faults.hideRateLimitHeaders;
    if (faults.channelGone) result.channelsGone = ctx.channels.channelGone();
    if (faults.failNext) ctx.faults.queueFailures([faults.failNext].flat());
    if (faults.expireTokens) {
      ctx.auth.expireAllTokens();
      ctx.sweep();
      result.expiredTokens = true;
    }
    if (faults.socketClosing !== undefined && faults.socketClosing !== false) {
      const grace =
        faults.socketClosing === true ? DEFAULT_SOCKET_CLOSING_GRACE_MS : faults.socketClosing;
      result.socketsWarned = ctx.channels.socketClosing(grace);
    }
    if (faults.dropSockets) result.socketsDropped = ctx.channels.dropSockets();
    return { ok: true, ...result };
  });

  app.post('/__emulator/demo', async (request) => {
    const body = parseBody(demo, request.body);
    ctx.options.demo = body.enabled;
    if (body.delayMs !== undefined) ctx.options.demoDelayMs = body.delayMs;
    return { demo: ctx.options.demo, delayMs: ctx.options.demoDelayMs };
  });

  app.post('/__emulator/auth', async (request) => {
    const { tokenTtlSeconds } = parseBody(authSettings, request.body);
    ctx.auth.setTokenTtlSeconds(tokenTtlSeconds);
    return { tokenTtlSeconds };
  });

  app.post('/__emulator/clock', async (request) => {
    const { advanceMs } = parseBody(clockAdvance, request.body);
    const now = ctx.clock.advance(advanceMs);
    ctx.sweep();
    return { now: toIso(now) };
  });

  /** What waits on the clock now (injected latency, playback ticks, socket_closing deadlines). */
  app.get('/__emulator/clock', async () => ({
    now: toIso(ctx.clock.now()),
    pending: ctx.clock.pending().map(({ label, dueAt }) => ({ label, due: toIso(dueAt) })),
  }));

  registerCallDataControlRoutes(app, ctx);
  registerCallShapeControlRoutes(app, ctx);
  registerCrmRoutes(app, ctx);
  registerPermissionRoutes(app, ctx);
  registerPhoneControlRoutes(app, ctx);
  registerInteractionControlRoutes(app, ctx);
  registerSocketControlRoutes(app, ctx);
  registerReplayRoutes(app, ctx);

  app.get('/__emulator/console', async (_request, reply) =>
    reply.type('text/html').send(CONSOLE_HTML),
  );

  app.all('/__emulator/*', async () => {
    throw new ApiError(404, 'not.found', 'Unknown control-plane route; see emulator/README.md.');
  });
}

/**
 * Control plane for supervisors' phones (not a Genesys path): a station or none, an auto-answer
 * or a ringing phone, and answering or missing a monitor / coach / barge leg that rings.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest, notFound } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { findUserByEmail } from '../seed.js';

const phoneSettings = z
  .object({
    station: z.boolean().optional(),
    answer: z.enum(['auto', 'manual']).optional(),
    autoAnswerMs: z.number().int().min(0).max(60_000).optional(),
    alertTimeoutMs: z.number().int().min(1_000).max(600_000).optional(),
  })
  .strict();

const pickUp = z.object({ conversationId: z.string().optional() }).strict().optional();
const miss = z
  .object({
    conversationId: z.string().optional(),
    reason: z.enum(['timeout', 'declined']).optional(),
  })
  .strict()
  .optional();

type EmailParams = { Params: { email: string } };

export function registerPhoneControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const userOf = (email: string) => {
    const user = findUserByEmail(email);
    assert(user, () => badRequest(`No seeded user ${email}.`, 'invalid.value', 'email'));
    return user;
  };
  const ringingOf = (email: string, conversationId: string | undefined) => {
    const legs = ctx.phones.ringingLegsOf(userOf(email).id, conversationId);
    assert(legs.length > 0, () => notFound(`No supervisor leg of ${email} is ringing.`));
    return legs;
  };

  /** The user's phone from now on (until reset); answers the settings now in force. */
  app.post<EmailParams>('/__emulator/phones/:email', async (request) => {
    const user = userOf(request.params.email);
    return ctx.phones.set(user.id, parseBody(phoneSettings, request.body ?? {}));
  });

  app.get<EmailParams>('/__emulator/phones/:email', async (request) =>
    ctx.phones.of(userOf(request.params.email).id),
  );

  /** Picks up the user's ringing supervisor legs (on one call, or all). */
  app.post<EmailParams>('/__emulator/phones/:email/answer', async (request, reply) => {
    const body = parseBody(pickUp, request.body);
    const legs = ringingOf(request.params.email, body?.conversationId);
    const correlationId = ctx.ids.uuid();
    for (const { conversation, leg } of legs) ctx.phones.answer(conversation, leg, correlationId);
    return reply.code(202).send({ answered: legs.map(({ leg }) => leg.id) });
  });

  /** The ringing legs go unanswered: alert timeout (`system`) or declined (`client`). */
  app.post<EmailParams>('/__emulator/phones/:email/unanswered', async (request, reply) => {
    const body = parseBody(miss, request.body);
    const legs = ringingOf(request.params.email, body?.conversationId);
    const correlationId = ctx.ids.uuid();
    for (const { conversation, leg } of legs)
      ctx.phones.unanswered(conversation, leg, body?.reason ?? 'timeout', correlationId);
    return reply.code(202).send({ unanswered: legs.map(({ leg }) => leg.id) });
  });
}

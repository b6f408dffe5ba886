/**
 * The sample CRM (not a Genesys path): `POST /__emulator/crm/lookup` finds a customer record by
 * the caller's number and answers it as attributes to write back, to an agent only: the request
 * carries the agent's Genesys Cloud token as a bearer, verified against the emulator itself (401
 * otherwise), and the agent must be on the conversation it names (403 otherwise).
 * `POST /__emulator/crm` makes it slow or failing until reset. Browsers may call the lookup
 * (CORS like the rest of the origin).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { delay } from '../clock.js';
import type { EmulatorContext } from '../context.js';
import { parseBody } from '../http-helpers.js';
import { crmCaller, crmConversationRefusal, type CrmRefusal } from '../crm/crm-auth.js';
import { crmAttributes, crmRecordFor } from '../crm/crm-data.js';
import { phoneNumberOf } from '../model/addresses.js';
import { newestLegOf } from '../model/legs.js';

const lookupBody = z.object({
  conversationId: z.string().min(1),
  participantId: z.string().min(1),
  /** The participant's current attributes; the sample CRM does not need them. */
  attributes: z.record(z.string(), z.string()).optional(),
});

const crmSettings = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    status: z.number().int().min(400).max(599).nullable().optional(),
  })
  .strict();

/** The CRM's own error shape (it is not Genesys, so not an ErrorBody). */
const crmError = (reply: FastifyReply, status: number, error: string, message: string) =>
  reply.code(status).send({ status, error, message });

const refuse = (reply: FastifyReply, refusal: CrmRefusal) => {
  if (refusal.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="sample-crm"');
  return crmError(reply, refusal.status, refusal.error, refusal.message);
};

export function registerCrmRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/__emulator/crm/lookup', async (request, reply) => {
    // Who asks comes first, as in a real CRM backend: nothing is read for an unknown caller.
    const caller = crmCaller(ctx, request.headers.authorization);
    if ('refusal' in caller) return refuse(reply, caller.refusal);
    const settings = ctx.faults.crm;
    if (settings.latencyMs > 0) await delay(ctx.clock, settings.latencyMs, 'crm latency');
    if (settings.status !== null)
      return crmError(
        reply,
        settings.status,
        'crm_failure',
        `The CRM failed (${settings.status}).`,
      );
    const parsed = lookupBody.safeParse(request.body);
    if (!parsed.success)
      return crmError(
        reply,
        400,
        'bad_request',
        `Invalid ${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      );
    const { conversationId, participantId } = parsed.data;
    const conversation = ctx.conversations.get(conversationId);
    if (!conversation) return crmError(reply, 404, 'not_found', `No call ${conversationId}.`);
    const notOnCall = crmConversationRefusal(caller.user, conversation);
    if (notOnCall) return refuse(reply, notOnCall);
    if (!conversation.participants.some((p) => p.id === participantId))
      return crmError(
        reply,
        404,
        'not_found',
        `No participant ${participantId} on call ${conversationId}.`,
      );
    const customer = newestLegOf(conversation, ['customer']);
    if (!customer) return crmError(reply, 404, 'not_found', 'The call has no caller.');
    return { attributes: crmAttributes(crmRecordFor(phoneNumberOf(customer.ani))) };
  });

  app.post('/__emulator/crm', async (request) => {
    const body = parseBody(crmSettings, request.body ?? {});
    if (body.latencyMs !== undefined) ctx.faults.crm.latencyMs = body.latencyMs;
    if (body.status !== undefined) ctx.faults.crm.status = body.status;
    return { ...ctx.faults.crm };
  });
}

/**
 * Control plane for diagnostic traces: `POST /__emulator/replay` loads a trace a widget
 * downloaded (Download diagnostics) and plays its frames and REST outcomes to the widget of a
 * seeded agent, so a problem seen on a real org becomes an emulator scenario; `GET` says how far
 * it got. Not a Genesys path (FIDELITY.md X1–X6; docs/diagnostics.md).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { findUserByEmail } from '../seed.js';
import { planReplay } from '../replay/replay-plan.js';
import { ReplayPlayer } from '../replay/replay-player.js';
import { bodyTooLarge, checkTrace } from '../replay/trace-check.js';
import { MAX_TRACE_BYTES } from '../replay/trace-schema.js';

const DEFAULT_AGENT = 'alice@example.com';

const replayBody = z
  .object({
    /** The downloaded trace (checked in full before anything is loaded). */
    trace: z.unknown(),
    /** The seeded user whose widget the trace plays to (default Alice). */
    agentEmail: z.string().email().optional(),
    /** `recorded` (default): at the trace's pace on the emulator's clock; `instant`: all now. */
    pace: z.enum(['recorded', 'instant']).optional(),
    /** With `recorded`: this many times faster (0.1..1000, default 1). */
    speed: z.number().min(0.1).max(1000).optional(),
  })
  .strict();

export function registerReplayRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const player = new ReplayPlayer(ctx);
  // A reset stops a replay before it resets the rest (nothing of the old trace plays after it).
  app.addHook('onRequest', async (request) => {
    if (request.method === 'POST' && request.routeOptions.url === '/__emulator/reset')
      player.cancel();
  });
  app.addHook('onClose', async () => player.cancel());

  app.post(
    '/__emulator/replay',
    {
      bodyLimit: MAX_TRACE_BYTES,
      errorHandler: (error: FastifyError) => {
        throw error.statusCode === 413 ? bodyTooLarge() : error;
      },
    },
    async (request) => {
      const body = parseBody(replayBody, request.body);
      const agentEmail = body.agentEmail ?? DEFAULT_AGENT;
      const agent = findUserByEmail(agentEmail);
      assert(agent, () =>
        badRequest(`No seeded user ${agentEmail}.`, 'invalid.value', 'agentEmail'),
      );
      const trace = checkTrace(body.trace);
      const plan = planReplay(trace, {
        agent,
        ids: ctx.ids,
        now: ctx.clock.now(),
        instant: body.pace === 'instant',
        speed: body.speed ?? 1,
      });
      const status = player.start(plan);
      return {
        ...status,
        agent: { email: agent.email, id: agent.id },
        frames: plan.steps.filter((s) => s.kind === 'frame').length,
        failures: plan.steps.filter((s) => s.kind === 'fail').length,
        informational: plan.informational,
        skipped: plan.skipped,
        ids: plan.ids,
      };
    },
  );

  app.get('/__emulator/replay', async () => player.status());
}

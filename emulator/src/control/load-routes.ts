import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { clearExtraUsers } from '../extra-users.js';
import { parseBody } from '../http-helpers.js';
import { resetCallerNumbers } from '../load/bulk-calls.js';
import { LoadGenerator } from '../load/generator.js';

const loadSettings = z
  .object({
    eventsPerSecond: z.number().int().min(1).max(200),
    seconds: z.number().int().min(1).max(600),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict();

/**
 * Load for scale tests (control plane, not Genesys): `POST /__emulator/load` starts random
 * changes over the live calls and answers at once; `POST /__emulator/load/stop` ends the run;
 * `GET /__emulator/load` tells how far it got. The returned `reset` (called by the emulator's
 * reset) stops the run and forgets the generated agents.
 */
export function registerLoadRoutes(app: FastifyInstance, ctx: EmulatorContext): { reset(): void } {
  const load = new LoadGenerator(ctx);
  app.post('/__emulator/load', async (request, reply) =>
    reply.code(202).send(load.start(parseBody(loadSettings, request.body))),
  );
  app.post('/__emulator/load/stop', async () => load.stop());
  app.get('/__emulator/load', async () => load.snapshot());
  return {
    reset() {
      load.stop();
      clearExtraUsers();
      resetCallerNumbers();
    },
  };
}

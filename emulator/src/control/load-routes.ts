import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { clearExtraUsers } from '../extra-users.js';
import { parseBody } from '../http-helpers.js';
import { resetCallerNumbers } from '../load/bulk-calls.js';
import { LoadGenerator } from '../load/generator.js';
import { addFloorQueues, floorQueuesSchema } from '../load/floor-queues.js';
import { resetQueues } from '../seed.js';

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
 * `GET /__emulator/load` tells how far it got; `POST /__emulator/queues` adds generated queues
 * (a larger floor). The returned `reset` (called by the emulator's reset) stops the run and
 * forgets the generated agents and queues.
 */
export function registerLoadRoutes(app: FastifyInstance, ctx: EmulatorContext): { reset(): void } {
  const load = new LoadGenerator(ctx);
  app.post('/__emulator/load', async (request, reply) =>
    reply.code(202).send(load.start(parseBody(loadSettings, request.body))),
  );
  app.post('/__emulator/load/stop', async () => load.stop());
  app.get('/__emulator/load', async () => load.snapshot());
  app.post('/__emulator/queues', async (request) =>
    addFloorQueues(parseBody(floorQueuesSchema, request.body)),
  );
  return {
    reset() {
      load.stop();
      resetQueues();
      clearExtraUsers();
      resetCallerNumbers();
    },
  };
}

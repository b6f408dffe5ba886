/**
 * Control plane for raw socket frames: `POST /__emulator/emit` sends one frame as is, for tests
 * of malformed frames, unknown topics and fields with the wrong type.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { findUserByEmail } from '../seed.js';

const emitBody = z
  .object({
    /** Only that user's sockets; every socket when absent. */
    userEmail: z.string().email().optional(),
    /** A string goes out as is; anything else JSON-encoded. */
    frame: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  })
  .strict();

export function registerSocketControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/__emulator/emit', async (request) => {
    const body = parseBody(emitBody, request.body);
    const user = body.userEmail === undefined ? undefined : findUserByEmail(body.userEmail);
    assert(body.userEmail === undefined || user, () =>
      badRequest(`No seeded user ${body.userEmail ?? ''}.`, 'invalid.value', 'userEmail'),
    );
    const text = typeof body.frame === 'string' ? body.frame : JSON.stringify(body.frame);
    const sent = ctx.channels.sendRaw((c) => !user || c.userId === user.id, text);
    return { ok: true, sent };
  });
}

/**
 * Control plane for playback (not a Genesys path): switch the Play Prompt flow between setting
 * attributes, "leg only" and "late" (play-prompt-flow.ts), and read the secure sessions with their flow's progress.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toIso } from '../clock.js';
import type { EmulatorContext } from '../context.js';
import { parseBody } from '../http-helpers.js';
import type { SecureSessionRecord } from '../playback/engine.js';

const playbackMode = z.object({ mode: z.enum(['attributes', 'legOnly', 'late']) }).strict();

function sessionView(session: SecureSessionRecord) {
  const { run } = session;
  return {
    id: session.id,
    conversationId: session.conversationId,
    participantId: session.participantId,
    flowId: session.flow.id,
    state: session.state,
    mode: run.mode,
    requestId: run.request.requestId,
    promptId: run.currentPromptId,
    promptStartedAt: toIso(run.startedAt),
    ivrParticipantId: run.ivrLeg.id,
    reason: run.ended?.reason,
    endedAt: run.ended ? toIso(run.ended.at) : undefined,
  };
}

export function registerPlaybackControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/__emulator/playback', async (request) => {
    ctx.playback.mode = parseBody(playbackMode, request.body).mode;
    return { mode: ctx.playback.mode };
  });

  app.get('/__emulator/playback', async () => ({
    mode: ctx.playback.mode,
    tickMs: ctx.playback.tickMs,
    sessions: ctx.playback.all().map(sessionView),
  }));
}

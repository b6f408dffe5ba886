import formBody from '@fastify/formbody';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { WebSocketServer } from 'ws';
import { ZodError } from 'zod';
import { AuthStore } from './auth-store.js';
import { createClock, type Clock, type ClockTimer } from './clock.js';
import { registerExposedHeaders } from './cors-headers.js';
import type { EmulatorContext, EmulatorOptions } from './context.js';
import { registerDesktopRoutes } from './control/desktop-routes.js';
import { registerLoadRoutes } from './control/load-routes.js';
import { registerPlaybackControlRoutes } from './control/playback-routes.js';
import { registerControlGuard } from './control/control-guard.js';
import { registerControlRoutes } from './control/routes.js';
import { ApiError } from './errors.js';
import { Faults } from './faults.js';
import { createIdSource } from './ids.js';
import {
  isLoopbackOrigin,
  listeningPort,
  registerHostGuard,
  upgradeRefusal,
} from './local-guard.js';
import { DEFAULT_PLAYBACK_TICK_MS, PlaybackEngine } from './playback/engine.js';
import { registerMediaRoutes, warmPromptMedia } from './playback/media.js';
import { ConversationStore } from './model/conversations.js';
import { SupervisorPhones } from './model/supervisor-phones.js';
import { publishInteraction } from './model/interaction-shapes.js';
import { QueueInteractions } from './model/queue-interactions.js';
import { RateLimiter } from './rate-limit.js';
import { ChannelRegistry } from './realtime/channel-registry.js';
import { publishConversation } from './realtime/publish.js';
import { registerApi } from './routes/api.js';
import { registerLoginRoutes } from './routes/login.js';
import { findUser } from './seed.js';

export interface Emulator {
  app: FastifyInstance;
  ctx: EmulatorContext;
  clock: Clock;
  /** Starts listening (port 0 picks a free one); resolves with the base URL. */
  listen(options?: { port?: number; host?: string }): Promise<string>;
  close(): Promise<void>;
}

const REQUEST_BYTES_MAX = 512_000;
/** The largest frame a client may send on a socket (it only ever sends `ping`); more closes 1009. */
export const SOCKET_FRAME_BYTES_MAX = 64 * 1024;
const SWEEP_INTERVAL_MS = 1_000;

/**
 * Builds a Genesys Cloud emulator without listening: login, API and notification sockets on one
 * origin, plus the /__emulator/ control plane.
 *
 * @example
 * const emulator = createEmulator({ seed: 1 });
 * const url = await emulator.listen({ port: 0 });
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? createClock();
  const ids = createIdSource(options.seed);
  const settings = {
    tokenTtlSeconds: options.tokenTtlSeconds ?? 86_400,
    heartbeatMs: options.heartbeatMs ?? 30_000,
    demo: options.demo ?? false,
    demoDelayMs: options.demoDelayMs ?? 3_000,
    playbackTickMs: options.playbackTickMs ?? DEFAULT_PLAYBACK_TICK_MS,
  };
  const initialDemo = { demo: settings.demo, demoDelayMs: settings.demoDelayMs };
  const channels = new ChannelRegistry(clock, ids, settings.heartbeatMs);
  const demoTimers = new Map<string, ClockTimer>();
  const ctx: EmulatorContext = {
    clock,
    ids,
    auth: new AuthStore(clock, settings.tokenTtlSeconds * 1000),
    conversations: new ConversationStore(clock, ids, (c, correlationId) =>
      publishConversation(channels, c, correlationId),
    ),
    channels,
    interactions: new QueueInteractions(clock, ids, (record, correlationId) =>
      publishInteraction(channels, record, correlationId),
    ),
    phones: new SupervisorPhones({
      clock,
      changed: (c, correlationId) => ctx.conversations.changed(c, correlationId),
      newCorrelationId: () => ids.uuid(),
    }),
    faults: new Faults(),
    rateLimiter: new RateLimiter(clock),
    playback: new PlaybackEngine(
      {
        clock,
        ids,
        get conversations() {
          return ctx.conversations;
        },
      },
      settings.playbackTickMs,
    ),
    options: settings,
    onSignIn(userId) {
      const agent = findUser(userId);
      if (!settings.demo || !agent?.isAgent || demoTimers.has(userId)) return;
      if (ctx.conversations.activeForUser(userId).length > 0) return;
      const timer = clock.setTimeout(
        () => {
          demoTimers.delete(userId);
          if (!settings.demo) return;
          if (ctx.conversations.activeForUser(userId).length > 0) return;
          ctx.conversations.createInbound(
            {
              agent,
              ani: 'tel:+13175550142',
              customerName: 'Dana Customer',
              attributes: {
                'customer.tier': 'Gold',
                openCases: 'number:2',
                customerSince: 'date:2019-04-12',
              },
            },
            ids.uuid(),
          );
        },
        settings.demoDelayMs,
        'demo call',
      );
      demoTimers.set(userId, timer);
    },
    sweep: () => channels.sweep((token) => ctx.auth.isValid(token)),
  };

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: REQUEST_BYTES_MAX });
  app.decorateRequest('correlationId', '');
  app.decorateRequest('accessToken', null);
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    const incoming = request.headers['inin-correlation-id'];
    request.correlationId =
      typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : ids.uuid();
    reply.header('ININ-Correlation-Id', request.correlationId);
  });
  registerHostGuard(app);
  app.register(cors, {
    // Loopback pages only: any other origin gets no CORS headers, and its preflight a 404.
    origin: (origin, callback) => callback(null, isLoopbackOrigin(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  registerExposedHeaders(app, ctx.faults);
  app.register(formBody);
  // The platform accepts POSTs with a JSON content type and no body (e.g. creating a channel).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string) as unknown);
    } catch {
      done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendError(error, request.correlationId, reply),
  );
  app.setNotFoundHandler((request, reply) =>
    sendError(
      new ApiError(
        404,
        'not.found',
        `No resource at ${request.method} ${request.url.split('?')[0]}.`,
      ),
      request.correlationId,
      reply,
    ),
  );

  registerControlGuard(app);
  const load = registerLoadRoutes(app, ctx);
  const desktop = registerDesktopRoutes(app, ctx);
  const reset = () => {
    load.reset();
    desktop.reset();
    ctx.conversations.reset();
    ctx.phones.reset();
    ctx.interactions.reset();
    ctx.channels.reset();
    ctx.auth.reset();
    ctx.faults.reset();
    ctx.rateLimiter.reset();
    ctx.playback.reset();
    clock.realign();
    for (const timer of demoTimers.values()) clock.clearTimeout(timer);
    demoTimers.clear();
    Object.assign(settings, initialDemo);
  };
  registerLoginRoutes(app, ctx);
  registerApi(app, ctx);
  registerControlRoutes(app, ctx, reset);
  registerPlaybackControlRoutes(app, ctx);
  warmPromptMedia();
  registerMediaRoutes(app);

  const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_FRAME_BYTES_MAX });
  app.server.on('upgrade', (request, socket, head) => {
    const refusal = upgradeRefusal(request, listeningPort(app));
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const id = /^\/channels\/([^/?#]+)/.exec(request.url ?? '')?.[1];
    const channel = id ? ctx.channels.get(id) : undefined;
    if (!channel || !ctx.auth.isValid(channel.token)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => ctx.channels.attach(channel, ws));
  });

  const sweeper = setInterval(ctx.sweep, SWEEP_INTERVAL_MS);
  sweeper.unref();

  return {
    app,
    ctx,
    clock,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return `http://${host}:${actualPort}`;
    },
    async close() {
      clearInterval(sweeper);
      reset();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await app.close();
    },
  };
}

function sendError(error: unknown, correlationId: string, reply: FastifyReply) {
  const apiError = toApiError(error);
  return reply.code(apiError.status).headers(apiError.headers).send(apiError.toBody(correlationId));
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError)
    return new ApiError(400, 'bad.request', error.issues[0]?.message ?? 'Invalid request.');
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413)
    return new ApiError(
      413,
      'request.entity.too.large',
      `The request body is larger than ${REQUEST_BYTES_MAX} bytes.`,
    );
  if (status === 415)
    return new ApiError(
      415,
      'unsupported.media.type',
      'Unsupported Content-Type; send application/json.',
    );
  if (status === 400)
    return new ApiError(400, 'bad.request', 'The request body could not be parsed.');
  console.error('emulator: unexpected error', error);
  return new ApiError(500, 'internal.server.error', 'The emulator failed to handle this request.');
}

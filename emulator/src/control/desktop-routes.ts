/**
 * The desktop host page (control plane, not a Genesys path): `/__emulator/desktop` imitates the
 * Genesys Cloud desktop for an interaction widget. It frames the widget once per active call of a
 * user, speaks the Client App SDK protocol with each frame and logs what it saw for tests.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest, notFound } from '../errors.js';
import { originOf, parseBody } from '../http-helpers.js';
import { newestLegOf } from '../model/legs.js';
import type { ConversationRecord } from '../model/types.js';
import { findUserByEmail, type SeedUser } from '../seed.js';
import { DesktopLog, desktopLogPost } from './desktop-log.js';
import {
  DESKTOP_CSS,
  DESKTOP_HTML,
  DESKTOP_SCRIPT_BASE,
  DESKTOP_SCRIPTS,
  DESKTOP_STYLE_PATH,
  desktopCsp,
} from './desktop-page.js';
import { defaultWidgetTemplate, interpolateWidgetUrl, launchValues } from './desktop-template.js';

/** Interaction widgets the desktop runs at once (contract §5.1). */
export const MAX_WIDGETS = 10;
const SAMPLE_CONVERSATION_ID = '00000000-0000-4000-8000-000000000000';

const httpUrl = z
  .string()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'an absolute http(s) URL without credentials');

const desktopQuery = z.object({
  widget: httpUrl,
  user: z.string().email(),
  /** The integration's URL template; the default puts the launch parameters after `widget`. */
  template: z.string().min(1).max(4_000).optional(),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en-US')
    .optional(),
  /** How long a widget has to answer `stop` with `stopped` before it is removed anyway. */
  stopTimeoutMs: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** How long a widget has to answer `bootstrap` with `bootstrapped` before it is logged. */
  bootstrapTimeoutMs: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** How often the page reads the user's calls. */
  pollMs: z.coerce.number().int().min(100).max(10_000).default(500),
  /** How many widget frames the page keeps open at once (the bench opens eleven). */
  maxWidgets: z.coerce.number().int().min(1).max(30).default(MAX_WIDGETS),
});

export type DesktopQuery = z.infer<typeof desktopQuery>;

interface DesktopSetup {
  query: DesktopQuery;
  user: SeedUser;
  hostOrigin: string;
  widgetOrigin: string;
  template: string;
}

/** Validates the page's query: a seeded user, a widget URL, a template on the widget's origin. */
function desktopSetup(request: FastifyRequest): DesktopSetup {
  const query = parseBody(desktopQuery, request.query);
  const user = findUserByEmail(query.user);
  assert(user, () => badRequest(`No seeded user ${query.user}.`, 'invalid.value', 'user'));
  const hostOrigin = originOf(request).http;
  const widgetOrigin = new URL(query.widget).origin;
  const template = query.template ?? defaultWidgetTemplate(query.widget);
  const sample = interpolateWidgetUrl(
    template,
    launchValues({ conversationId: SAMPLE_CONVERSATION_ID, hostOrigin }),
  );
  assert(httpUrl.safeParse(sample).success && new URL(sample).origin === widgetOrigin, () =>
    badRequest(
      `The template must give an http(s) URL on the widget's origin ${widgetOrigin}.`,
      'invalid.value',
      'template',
    ),
  );
  return { query, user, hostOrigin, widgetOrigin, template };
}

const callerOf = (conversation: ConversationRecord): string =>
  newestLegOf(conversation, ['customer'])?.name ?? 'Unknown caller';

function callsView(ctx: EmulatorContext, setup: DesktopSetup) {
  const { query, user, hostOrigin, widgetOrigin, template } = setup;
  const calls = ctx.conversations
    .activeForUser(user.id)
    .sort((a, b) => a.startTime - b.startTime)
    .map((conversation) => ({
      conversationId: conversation.id,
      caller: callerOf(conversation),
      src: interpolateWidgetUrl(
        template,
        launchValues({ conversationId: conversation.id, hostOrigin, langTag: query.lang }),
      ),
    }));
  return {
    user: { id: user.id, name: user.name, email: user.email },
    hostOrigin,
    widgetOrigin,
    maxWidgets: query.maxWidgets,
    stopTimeoutMs: query.stopTimeoutMs,
    bootstrapTimeoutMs: query.bootstrapTimeoutMs,
    pollMs: query.pollMs,
    calls,
  };
}

const sendStatic = (reply: FastifyReply, type: string, body: string) =>
  reply
    .type(type)
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(body);

/** Registers the desktop host page and its log; `reset()` clears the log. */
export function registerDesktopRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
): { reset(): void } {
  const log = new DesktopLog();

  app.get('/__emulator/desktop', async (request, reply) => {
    const { widgetOrigin } = desktopSetup(request);
    return sendStatic(reply, 'text/html; charset=utf-8', DESKTOP_HTML)
      .header('Content-Security-Policy', desktopCsp(widgetOrigin))
      .header('Referrer-Policy', 'no-referrer');
  });
  app.get<{ Params: { file: string } }>(`${DESKTOP_SCRIPT_BASE}:file`, async (request, reply) => {
    const script = DESKTOP_SCRIPTS.get(request.params.file);
    assert(script !== undefined, () => notFound(`No desktop script ${request.params.file}.`));
    return sendStatic(reply, 'text/javascript; charset=utf-8', script);
  });
  app.get(DESKTOP_STYLE_PATH, async (_request, reply) =>
    sendStatic(reply, 'text/css; charset=utf-8', DESKTOP_CSS),
  );
  app.get('/__emulator/desktop/calls', async (request) => callsView(ctx, desktopSetup(request)));

  app.get('/__emulator/desktop/log', async () => ({ entries: log.all() }));
  app.post('/__emulator/desktop/log', async (request) => {
    const { entries } = parseBody(desktopLogPost, request.body);
    return { ok: true, count: log.append(entries) };
  });
  app.delete('/__emulator/desktop/log', async () => {
    log.reset();
    return { ok: true };
  });

  return { reset: () => log.reset() };
}

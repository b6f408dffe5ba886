import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { findUserByEmail, isAllowedRedirectUri, OAUTH_CLIENT } from '../seed.js';
import { renderMessagePage, renderSignInPage } from './login-page.js';

const SESSION_COOKIE = 'lcp_emulator_login';
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

const authorizeParams = z.object({
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  response_type: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  state: z.string().optional(),
  login_hint: z.string().optional(),
  prompt: z.string().optional(),
  email: z.string().optional(),
});
type AuthorizeParams = z.infer<typeof authorizeParams>;

const tokenForm = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  code_verifier: z.string().optional(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
});

export function base64UrlSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function redirectWith(
  reply: FastifyReply,
  redirectUri: string,
  params: Record<string, string | undefined>,
) {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return reply.redirect(url.toString(), 302);
}

type Checked =
  { ok: true; redirectUri: string; challenge: string } | { ok: false; done: FastifyReply };

/** Validates an authorize request; errors before the redirect URI is trusted are shown, not redirected. */
function checkAuthorize(params: AuthorizeParams, reply: FastifyReply): Checked {
  const html = (status: number, title: string, text: string) =>
    ({
      ok: false,
      done: reply.code(status).type('text/html').send(renderMessagePage(title, text)),
    }) as const;
  if (params.client_id !== OAUTH_CLIENT.id) {
    return html(
      400,
      'Unknown application',
      `The OAuth client "${params.client_id ?? ''}" is not registered with this org.`,
    );
  }
  if (!params.redirect_uri || !isAllowedRedirectUri(params.redirect_uri)) {
    return html(
      400,
      'Redirect not allowed',
      'The redirect_uri is not registered for this OAuth client.',
    );
  }
  const fail = (error: string, description: string) =>
    ({
      ok: false,
      done: redirectWith(reply, params.redirect_uri!, {
        error,
        error_description: description,
        state: params.state,
      }),
    }) as const;
  if (params.response_type !== 'code')
    return fail('unsupported_response_type', 'response_type must be code.');
  if (params.code_challenge_method !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256.');
  if (!params.code_challenge || !CHALLENGE.test(params.code_challenge)) {
    return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest.');
  }
  return { ok: true, redirectUri: params.redirect_uri, challenge: params.code_challenge };
}

export function registerLoginRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const issueAndRedirect = (
    reply: FastifyReply,
    userId: string,
    params: AuthorizeParams,
    checked: { redirectUri: string; challenge: string },
  ) => {
    const code = ctx.auth.issueCode({
      userId,
      clientId: OAUTH_CLIENT.id,
      redirectUri: checked.redirectUri,
      codeChallenge: checked.challenge,
    });
    return redirectWith(reply, checked.redirectUri, { code: code.code, state: params.state });
  };

  app.get('/login/oauth/authorize', async (request, reply) => {
    const params = authorizeParams.parse(request.query ?? {});
    const checked = checkAuthorize(params, reply);
    if (!checked.ok) return checked.done;
    const session = ctx.auth.findSession(readCookie(request.headers.cookie, SESSION_COOKIE));
    if (session && params.prompt !== 'login')
      return issueAndRedirect(reply, session.userId, params, checked);
    const { email: _email, ...hidden } = params;
    const hiddenFields = Object.fromEntries(
      Object.entries(hidden).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    return reply
      .type('text/html')
      .send(renderSignInPage(hiddenFields, { email: params.login_hint }));
  });

  app.post('/login/oauth/authorize', async (request, reply) => {
    const params = authorizeParams.parse(request.body ?? {});
    const checked = checkAuthorize(params, reply);
    if (!checked.ok) return checked.done;
    const user = findUserByEmail(params.email ?? '');
    if (!user) {
      const { email, ...hidden } = params;
      const hiddenFields = Object.fromEntries(
        Object.entries(hidden).filter(([, v]) => v !== undefined),
      ) as Record<string, string>;
      return reply
        .code(401)
        .type('text/html')
        .send(
          renderSignInPage(hiddenFields, {
            email,
            error: 'No user with that email in this org. Use one of the seeded users below.',
          }),
        );
    }
    const session = ctx.auth.startSession(user.id);
    reply.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=${session.id}; Path=/login; HttpOnly; SameSite=Lax`,
    );
    return issueAndRedirect(reply, user.id, params, checked);
  });

  app.post('/login/oauth/token', async (request, reply) => {
    const oauthError = (status: number, error: string, description: string) =>
      reply
        .code(status)
        .header('Cache-Control', 'no-store')
        .send({ error, error_description: description });
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(
        400,
        'invalid_request',
        'The token request must be application/x-www-form-urlencoded.',
      );
    }
    const form = tokenForm.parse(request.body ?? {});
    if (form.grant_type !== 'authorization_code')
      return oauthError(
        400,
        'unsupported_grant_type',
        'Only authorization_code is supported for this client.',
      );
    if (form.client_id !== OAUTH_CLIENT.id)
      return oauthError(401, 'invalid_client', 'Unknown client_id.');
    if (!form.code) return oauthError(400, 'invalid_request', 'code is required.');
    if (!form.code_verifier || !VERIFIER.test(form.code_verifier)) {
      return oauthError(
        400,
        'invalid_request',
        'code_verifier must be 43 to 128 characters from [A-Za-z0-9-._~].',
      );
    }
    const code = ctx.auth.findCode(form.code);
    if (!code || code.used)
      return oauthError(
        400,
        'invalid_grant',
        'The authorization code is invalid or was already used.',
      );
    if (code.expiresAt <= ctx.clock.now())
      return oauthError(400, 'invalid_grant', 'The authorization code has expired.');
    if (code.clientId !== form.client_id || code.redirectUri !== form.redirect_uri) {
      return oauthError(
        400,
        'invalid_grant',
        'redirect_uri does not match the authorization request.',
      );
    }
    if (base64UrlSha256(form.code_verifier) !== code.codeChallenge) {
      return oauthError(
        400,
        'invalid_grant',
        'PKCE verification failed: code_verifier does not match code_challenge.',
      );
    }
    code.used = true;
    const token = ctx.auth.issueToken(code.userId, code.clientId);
    ctx.onSignIn(code.userId);
    return reply.header('Cache-Control', 'no-store').send({
      access_token: token.value,
      token_type: 'bearer',
      expires_in: ctx.auth.tokenTtlSeconds,
    });
  });

  app.get('/login/logout', async (request, reply) => {
    const params = authorizeParams.parse(request.query ?? {});
    ctx.auth.endSession(readCookie(request.headers.cookie, SESSION_COOKIE));
    reply.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=; Path=/login; HttpOnly; SameSite=Lax; Max-Age=0`,
    );
    if (
      params.redirect_uri &&
      params.client_id === OAUTH_CLIENT.id &&
      isAllowedRedirectUri(params.redirect_uri)
    ) {
      return reply.redirect(params.redirect_uri, 302);
    }
    return reply
      .type('text/html')
      .send(renderMessagePage('Signed out', 'You are signed out of the Genesys Cloud emulator.'));
  });
}

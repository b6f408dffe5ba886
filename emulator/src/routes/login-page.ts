import { escapeHtml } from '../http-helpers.js';
import { USERS } from '../seed.js';

/** The emulator's sign-in page: an "Email" field and a "Sign in" button, like the real one. */
export function renderSignInPage(
  hidden: Record<string, string>,
  options: { error?: string; email?: string },
) {
  const fields = Object.entries(hidden)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n      ');
  const users = USERS.map(
    (u) => `<li>${escapeHtml(u.name)} — <code>${escapeHtml(u.email)}</code></li>`,
  ).join('');
  const error = options.error
    ? `<p role="alert" class="error">${escapeHtml(options.error)}</p>`
    : '';
  return page(
    'Sign in — Genesys Cloud emulator',
    `<h1>Sign in</h1>
    <p>Genesys Cloud emulator. Sign in as one of the seeded users.</p>
    ${error}
    <form method="post" action="/login/oauth/authorize">
      ${fields}
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}" autofocus>
      <button type="submit">Sign in</button>
    </form>
    <h2>Seeded users</h2>
    <ul>${users}</ul>`,
  );
}

export function renderMessagePage(title: string, message: string) {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1f; }
      label { display: block; font-weight: 600; margin-top: 1rem; }
      input[type=email] { width: 100%; padding: .5rem; font: inherit; box-sizing: border-box; }
      button { margin-top: 1rem; padding: .5rem 1.25rem; font: inherit; background: #0b57d0; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
      button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
      .error { color: #a40e26; font-weight: 600; }
    </style>
  </head>
  <body><main>${body}</main></body>
</html>`;
}

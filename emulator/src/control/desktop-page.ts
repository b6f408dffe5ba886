/**
 * The desktop host page (`/__emulator/desktop`): static HTML and CSS, no inline script or style.
 * Everything that varies (user, calls, toasts) is filled in by `desktop-host/*.js` with textContent.
 */
import { readdirSync, readFileSync } from 'node:fs';

const SCRIPT_DIR = new URL('./desktop-host/', import.meta.url);

/**
 * The page's script modules (`desktop-host/*.js`, entry `main.js`), served from their own route
 * (the page's CSP allows only 'self' scripts): file name → source.
 */
export const DESKTOP_SCRIPTS: ReadonlyMap<string, string> = new Map(
  readdirSync(SCRIPT_DIR)
    .filter((name) => name.endsWith('.js'))
    .map((name) => [name, readFileSync(new URL(name, SCRIPT_DIR), 'utf8')]),
);

export const DESKTOP_SCRIPT_BASE = '/__emulator/desktop/host/';
export const DESKTOP_STYLE_PATH = '/__emulator/desktop/desktop.css';

/**
 * The page's Content-Security-Policy: its own script, style and requests only; frames from the
 * widget's origin (and its own, for a sign-in page the widget may navigate to in the frame).
 *
 * @example
 * desktopCsp('http://127.0.0.1:5173'); // "default-src 'none'; … frame-src 'self' http://127.0.0.1:5173; …"
 */
export function desktopCsp(widgetOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    `frame-src 'self' ${widgetOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const DESKTOP_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Desktop — Genesys Cloud emulator</title>
<link rel="stylesheet" href="${DESKTOP_STYLE_PATH}">
<script type="module" src="${DESKTOP_SCRIPT_BASE}main.js"></script>
</head>
<body>
<header>
  <h1>Genesys Cloud desktop <span class="muted">(emulated)</span></h1>
  <p id="who">Loading…</p>
  <p id="attention-total" role="status">Attention: 0</p>
</header>
<main aria-label="Desktop">
  <p id="problem" role="alert" hidden></p>
  <section aria-labelledby="interactions-title">
    <h2 id="interactions-title">Interactions</h2>
    <p id="notice" role="status"></p>
    <ul id="interactions"></ul>
  </section>
  <section aria-labelledby="toasts-title">
    <h2 id="toasts-title">Notifications from widgets</h2>
    <div id="toasts" aria-live="polite" aria-relevant="additions"></div>
  </section>
  <section aria-labelledby="widgets-title">
    <h2 id="widgets-title">Interaction widgets</h2>
    <div id="widgets"></div>
  </section>
</main>
</body>
</html>
`;

export const DESKTOP_CSS = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1f; background: #f4f4f6; }
header { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; padding: .5rem 1rem; background: #152935; color: #fff; }
header h1 { font-size: 1.1rem; margin: 0; }
header p { margin: 0; }
.muted { font-weight: normal; opacity: .8; }
main { padding: .5rem 1rem 2rem; }
h2 { font-size: 1rem; margin: 1rem 0 .4rem; }
#problem { background: #fde8e8; border: 1px solid #b3261e; padding: .5rem; border-radius: 4px; }
#interactions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .3rem; }
#interactions li { background: #fff; border: 1px solid #c9cad1; border-radius: 6px; padding: .35rem .6rem; display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; }
#interactions li[aria-current="true"] { border: 2px solid #2a60c8; }
.badge { background: #b3261e; color: #fff; border-radius: 1rem; padding: 0 .5rem; font-size: .85rem; }
.badge[hidden] { display: none; }
button { font: inherit; padding: .25rem .7rem; border-radius: 4px; border: 1px solid #55565d; background: #fff; color: #1b1b1f; cursor: pointer; }
button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
#toasts { display: flex; flex-direction: column; gap: .3rem; }
.toast { background: #fff; border-left: 6px solid #2a60c8; border-radius: 4px; padding: .4rem .6rem; box-shadow: 0 1px 3px rgb(0 0 0 / .15); }
.toast-success { border-left-color: #1e7d32; }
.toast-error { border-left-color: #b3261e; }
.toast p { margin: .15rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
#widgets { display: flex; flex-wrap: wrap; gap: .75rem; }
.widget { background: #fff; border: 1px solid #c9cad1; border-radius: 6px; padding: .3rem; }
.widget.focused { border: 2px solid #2a60c8; }
.widget h3 { font-size: .9rem; margin: 0 0 .3rem; }
.widget iframe { display: block; width: 400px; height: 640px; border: 0; }
`;

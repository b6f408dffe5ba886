import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

/**
 * A tiny stand-in for an interaction widget, for the desktop host page's own spec: it speaks the
 * Client App SDK protocol by hand, with the SDK 2.6.10 shapes (`src/modules/base.ts`,
 * `lifecycle.ts`, `alerting.ts`): hooks accepted only from `window.parent` and the
 * `gcHostOrigin` origin, messages posted to `gcHostOrigin`. `?silent` leaves `stop` unanswered.
 * `window.send(action, params)` posts any action. At `/real` the same page runs on the real Client
 * App SDK (its browser bundle from node_modules) as `window.clientApp`.
 */
const WIDGET_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake widget</title>
<script src="/widget.js" defer></script></head>
<body><main><h1>Fake widget</h1><p>Call <span id="cid"></span></p>
<h2>Hooks</h2><ul id="hooks"></ul></main></body></html>`;

const WIDGET_JS = `
const params = new URLSearchParams(location.search);
const hostOrigin = params.get('gcHostOrigin');
document.getElementById('cid').textContent = params.get('gcConversationId');
window.send = (action, extra = {}) => window.parent.postMessage(
  { ...extra, action, protocol: 'purecloud-client-apps',
    protocolAgentName: 'purecloud-client-app-sdk', protocolAgentVersion: '2.6.9' },
  hostOrigin);
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || event.origin !== hostOrigin) return;
  const data = event.data;
  if (!data || typeof data !== 'object' || data.purecloudEventType !== 'appLifecycleHook') return;
  const item = document.createElement('li');
  item.textContent = data.hook;
  document.getElementById('hooks').append(item);
  if (data.hook === 'bootstrap') window.send('bootstrapped');
  if (data.hook === 'stop' && !params.has('silent')) window.send('stopped');
});
`;

const REAL_SDK_HTML = WIDGET_HTML.replace(
  '<script src="/widget.js" defer></script>',
  '<script src="/sdk.js"></script><script src="/real.js" defer></script>',
);

const REAL_SDK_JS = `
const params = new URLSearchParams(location.search);
document.getElementById('cid').textContent = params.get('gcConversationId');
const app = new window.purecloud.apps.ClientApp({
  gcHostOriginQueryParam: 'gcHostOrigin', gcTargetEnvQueryParam: 'gcTargetEnv' });
const note = (hook) => {
  const item = document.createElement('li');
  item.textContent = hook;
  document.getElementById('hooks').append(item);
};
app.lifecycle.addBootstrapListener(() => { note('bootstrap'); app.lifecycle.bootstrapped(); });
app.lifecycle.addFocusListener(() => note('focus'));
app.lifecycle.addBlurListener(() => note('blur'));
app.lifecycle.addStopListener(() => { note('stop'); app.lifecycle.stopped(); });
window.clientApp = app;
`;

const sdkBundle = () =>
  readFileSync(
    new URL(
      '../node_modules/purecloud-client-app-sdk/dist/purecloud-client-app-sdk.js',
      import.meta.url,
    ),
    'utf8',
  );

const ROUTES: Record<string, () => [string, string]> = {
  '/': () => ['text/html', WIDGET_HTML],
  '/widget.js': () => ['text/javascript', WIDGET_JS],
  '/real': () => ['text/html', REAL_SDK_HTML],
  '/real.js': () => ['text/javascript', REAL_SDK_JS],
  '/sdk.js': () => ['text/javascript', sdkBundle()],
};

export interface FakeWidget {
  url: string;
  close(): Promise<void>;
}

/** Serves the fake widget at `<url>` (and on the real SDK at `<url>real`) on a free port. */
export async function startFakeWidget(): Promise<FakeWidget> {
  const server: Server = createServer((request, response) => {
    const route = ROUTES[(request.url ?? '/').split('?')[0] ?? '/'];
    if (!route) return void response.writeHead(404).end();
    const [type, body] = route();
    response.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

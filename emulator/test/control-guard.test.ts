/**
 * `X-Emulator-Control: 1` on every control-plane request (issue 19, point 12; FIDELITY.md L4): a
 * link, a form or a script on another site cannot drive the emulator. What a browser loads by
 * address (the console, the desktop host page and its files, prompt media) and the sample CRM are
 * exempt.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from '../control-header.js';
import { PROMPT_IDS } from '../seed-ids.js';
import { ALICE, startEmulator } from './harness.js';

const CODE = 'emulator.control.header.required';
const WITH_HEADER = { [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE };

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

const send = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, init);

describe('control-plane requests', () => {
  it('are refused without the header with a 403 that names it, and nothing happens', async () => {
    const refused = await send('/__emulator/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentEmail: ALICE }),
    });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe(CODE);
    expect(body.message).toContain('X-Emulator-Control: 1');
    expect((await running.control.state()).conversations).toEqual([]);
  });

  it('are accepted with it', async () => {
    const accepted = await send('/__emulator/calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...WITH_HEADER },
      body: JSON.stringify({ agentEmail: ALICE }),
    });
    expect(accepted.status).toBe(201);
    expect((await running.control.state()).conversations).toHaveLength(1);
  });

  it.each([
    ['a read', 'GET', '/__emulator/state', {}],
    ['a reset', 'POST', '/__emulator/reset', {}],
    ['the desktop page’s log', 'GET', '/__emulator/desktop/log', {}],
    ['the CRM’s settings', 'POST', '/__emulator/crm', {}],
    ['another value', 'POST', '/__emulator/reset', { [EMULATOR_CONTROL_HEADER]: 'yes' }],
    ['an unknown route', 'GET', '/__emulator/nothing-here', {}],
    ['a percent-encoded path', 'POST', '/__emulator/%72eset', {}],
  ])('refuses %s without it', async (_name, method, path, headers) => {
    const refused = await send(path, { method, headers });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: CODE });
  });

  it('lets a loopback page ask for it in a preflight (a widget-origin probe may send it)', async () => {
    const preflight = await send('/__emulator/faults', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-emulator-control',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-emulator-control');
  });
});

describe('exempt', () => {
  it('serves the console and the desktop host page with its script and style by address', async () => {
    const query = new URLSearchParams({ widget: 'http://127.0.0.1:5173/', user: ALICE });
    for (const path of [
      '/__emulator/console',
      `/__emulator/desktop?${query}`,
      '/__emulator/desktop/host/main.js',
      '/__emulator/desktop/desktop.css',
      `/__media/prompts/${PROMPT_IDS.holdPlease}/en-us.wav`,
    ]) {
      expect((await send(path)).status, path).toBe(200);
    }
  });

  it('leaves the sample CRM lookup to its own check', async () => {
    const lookup = await send('/__emulator/crm/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'none', participantId: 'none' }),
    });
    expect(await lookup.json()).not.toMatchObject({ code: CODE });
  });

  it('the console and desktop pages send the header on their own requests', async () => {
    const consolePage = await (await send('/__emulator/console')).text();
    expect(consolePage).toContain(`'${EMULATOR_CONTROL_HEADER}': '${EMULATOR_CONTROL_VALUE}'`);
    const control = await (await send('/__emulator/desktop/host/control.js')).text();
    expect(control).toContain(`'${EMULATOR_CONTROL_HEADER}': '${EMULATOR_CONTROL_VALUE}'`);
  });
});

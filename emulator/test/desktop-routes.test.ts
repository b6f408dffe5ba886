import type { InjectOptions } from 'fastify';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from '../control-header.js';
import { DesktopLog } from '../src/control/desktop-log.js';
import { createEmulator } from '../src/server.js';
import { ALICE, BOB } from './harness.js';

const HOST = '127.0.0.1:8787';
const WIDGET = 'http://127.0.0.1:5173/';

const emulator = createEmulator({ seed: 3 });
/** A request as the page or a test sends it: on the page's host, with the control header. */
const control = (options: InjectOptions) =>
  emulator.app.inject({
    ...options,
    headers: { host: HOST, [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE, ...options.headers },
  });
afterAll(() => emulator.close());
beforeEach(() => control({ method: 'POST', url: '/__emulator/reset' }));

const get = (url: string) => control({ method: 'GET', url });
const desktopQuery = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function createCall(agentEmail: string, customerName: string) {
  const response = await control({
    method: 'POST',
    url: '/__emulator/calls',
    payload: { agentEmail, customerName },
  });
  return response.json<{ conversationId: string }>().conversationId;
}

describe('GET /__emulator/desktop', () => {
  it('serves static HTML with a strict CSP that frames only the widget origin', async () => {
    const response = await get(
      `/__emulator/desktop?${desktopQuery({ widget: WIDGET, user: ALICE })}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-src 'self' http://127.0.0.1:5173");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const html = response.body;
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="module" src="/__emulator/desktop/host/main.js">']);
    expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).toContain('aria-live="polite"');
  });

  it.each([
    ['no widget', { user: ALICE }, 'widget'],
    ['a javascript: widget', { widget: 'javascript:alert(1)', user: ALICE }, 'widget'],
    [
      'a widget URL with credentials',
      { widget: 'http://u:p@127.0.0.1:5173/', user: ALICE },
      'widget',
    ],
    ['no user', { widget: WIDGET }, 'user'],
    ['an unknown user', { widget: WIDGET, user: 'nobody@example.com' }, 'user'],
    ['a bad language tag', { widget: WIDGET, user: ALICE, lang: 'en US<' }, 'lang'],
    [
      'a template on another origin',
      { widget: WIDGET, user: ALICE, template: 'https://evil.example/?c={{gcConversationId}}' },
      'template',
    ],
    [
      'a template that is no URL',
      { widget: WIDGET, user: ALICE, template: '{{gcHostOrigin}}/x' },
      'template',
    ],
  ])('answers 400 invalid.value for %s', async (_name, params, field) => {
    const response = await get(`/__emulator/desktop?${desktopQuery(params)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'invalid.value',
      details: [{ fieldName: field }],
    });
  });

  it('serves its script modules and style as their own files', async () => {
    const main = await get('/__emulator/desktop/host/main.js');
    expect(main.statusCode).toBe(200);
    expect(main.headers['content-type']).toMatch(/^text\/javascript/);
    const imports = [...main.body.matchAll(/from '\.\/([\w-]+\.js)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual([
      'control.js',
      'dom.js',
      'log.js',
      'messages.js',
      'toasts.js',
      'widgets.js',
    ]);
    for (const file of imports) {
      const module = await get(`/__emulator/desktop/host/${file}`);
      expect(module.statusCode).toBe(200);
    }
    const widgets = await get('/__emulator/desktop/host/widgets.js');
    expect(widgets.body).toContain("const LIFECYCLE_EVENT = 'appLifecycleHook'");
    expect(widgets.body).toContain('allow-popups-to-escape-sandbox');
    const missing = await get('/__emulator/desktop/host/nope.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, code: 'not.found' });
    const style = await get('/__emulator/desktop/desktop.css');
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toMatch(/^text\/css/);
  });
});

describe('GET /__emulator/desktop/calls', () => {
  it("lists the user's active calls, oldest first, with the interpolated widget URL", async () => {
    const first = await createCall(ALICE, 'Casey Caller');
    const second = await createCall(ALICE, 'Drew Caller');
    await createCall(BOB, 'Someone Else');
    const ended = await createCall(ALICE, 'Gone Caller');
    await control({ method: 'POST', url: `/__emulator/calls/${ended}/hangup` });

    const response = await get(
      `/__emulator/desktop/calls?${desktopQuery({ widget: WIDGET, user: ALICE, lang: 'fr-FR', pollMs: '200' })}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      user: { email: ALICE, name: 'Alice Agent' },
      hostOrigin: `http://${HOST}`,
      widgetOrigin: 'http://127.0.0.1:5173',
      maxWidgets: 10,
      stopTimeoutMs: 5000,
      bootstrapTimeoutMs: 10000,
      pollMs: 200,
    });
    const wider = await get(
      `/__emulator/desktop/calls?${desktopQuery({ widget: WIDGET, user: ALICE, maxWidgets: '12' })}`,
    );
    expect(wider.json()).toMatchObject({ maxWidgets: 12 });
    expect(body.calls).toEqual([
      {
        conversationId: first,
        caller: 'Casey Caller',
        src:
          `${WIDGET}?gcConversationId=${first}&gcHostOrigin=http%3A%2F%2F127.0.0.1%3A8787` +
          '&gcTargetEnv=prod&gcLangTag=fr-FR&gcUsePopupAuth=true',
      },
      expect.objectContaining({ conversationId: second, caller: 'Drew Caller' }),
    ]);
  });

  it('uses the template given, with unknown placeholders left literal', async () => {
    const cid = await createCall(ALICE, 'Casey Caller');
    const template = `${WIDGET}app?id={{pcConversationId}}&dark={{gcUseDarkTheme}}`;
    const response = await get(
      `/__emulator/desktop/calls?${desktopQuery({ widget: WIDGET, user: ALICE, template })}`,
    );
    expect(response.json().calls[0].src).toBe(`${WIDGET}app?id=${cid}&dark={{gcUseDarkTheme}}`);
  });
});

describe('/__emulator/desktop/log', () => {
  const entry = {
    page: 'p1',
    at: '2026-01-01T00:00:00.000Z',
    kind: 'message',
    conversationId: 'c-1',
    action: 'showToast',
    data: { action: 'showToast', protocol: 'purecloud-client-apps', title: 'T', message: 'M' },
  };

  it('keeps what the page posts, in order, until reset', async () => {
    const posted = await control({
      method: 'POST',
      url: '/__emulator/desktop/log',
      payload: {
        entries: [
          entry,
          { page: 'p1', at: entry.at, kind: 'hook', conversationId: 'c-1', hook: 'bootstrap' },
          { page: 'p1', at: entry.at, kind: 'widget', conversationId: 'c-1', event: 'opened' },
          { page: 'p1', at: entry.at, kind: 'rejected', reason: 'wrong origin', origin: 'x' },
        ],
      },
    });
    expect(posted.json()).toEqual({ ok: true, count: 4 });
    const log = (await get('/__emulator/desktop/log')).json();
    expect(log.entries.map((e: { seq: number; kind: string }) => [e.seq, e.kind])).toEqual([
      [1, 'message'],
      [2, 'hook'],
      [3, 'widget'],
      [4, 'rejected'],
    ]);
    expect(log.entries[0]).toEqual({ ...entry, seq: 1 });

    await control({ method: 'POST', url: '/__emulator/reset' });
    expect((await get('/__emulator/desktop/log')).json()).toEqual({ entries: [] });
  });

  it('empties on DELETE', async () => {
    await control({
      method: 'POST',
      url: '/__emulator/desktop/log',
      payload: { entries: [entry] },
    });
    await control({ method: 'DELETE', url: '/__emulator/desktop/log' });
    expect((await get('/__emulator/desktop/log')).json()).toEqual({ entries: [] });
  });

  it.each([
    ['no entries', { entries: [] }],
    ['an unknown kind', { entries: [{ ...entry, kind: 'other' }] }],
    ['an unknown hook', { entries: [{ ...entry, kind: 'hook', hook: 'pause' }] }],
    ['oversized message data', { entries: [{ ...entry, data: { x: 'y'.repeat(20_000) } }] }],
    ['an extra field', { entries: [entry], more: true }],
  ])('refuses %s with 400 and keeps nothing', async (_name, payload) => {
    const response = await control({
      method: 'POST',
      url: '/__emulator/desktop/log',
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid.value' });
    expect((await get('/__emulator/desktop/log')).json()).toEqual({ entries: [] });
  });

  it('drops the oldest entries beyond its size', () => {
    const log = new DesktopLog(2);
    const hook = { page: 'p', at: 'a', kind: 'hook' as const, conversationId: 'c' };
    log.append([
      { ...hook, hook: 'bootstrap' },
      { ...hook, hook: 'focus' },
      { ...hook, hook: 'blur' },
    ]);
    expect(log.all().map((e) => [e.seq, e.kind === 'hook' && e.hook])).toEqual([
      [2, 'focus'],
      [3, 'blur'],
    ]);
  });
});

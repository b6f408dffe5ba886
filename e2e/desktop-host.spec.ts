import type { Frame, Page } from '@playwright/test';
import type { DesktopLogEntry, EmulatorControl } from '../emulator/control-client.js';
import { startFakeWidget, type FakeWidget } from './fake-interaction-widget.js';
import { ALICE, expect, expectNoAxeViolations, test } from './fixtures';

/** The desktop host page (/__emulator/desktop) with a fake widget that speaks the SDK protocol. */
let widget: FakeWidget;

test.beforeAll(async () => {
  widget = await startFakeWidget();
});

test.afterAll(() => widget.close());

const SANDBOX =
  'allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-presentation ' +
  'allow-same-origin allow-scripts allow-downloads';

async function call(control: EmulatorControl, customerName: string) {
  return (await control.createCall({ agentEmail: ALICE.email, customerName })).conversationId;
}

/** The widget frame of a call, once its page shows the call's id. */
async function widgetFrame(page: Page, cid: string): Promise<Frame> {
  await expect(
    page.frameLocator(`iframe[data-conversation-id="${cid}"]`).locator('#cid'),
  ).toHaveText(cid);
  const frame = page
    .frames()
    .find((f) => new URL(f.url()).searchParams.get('gcConversationId') === cid);
  if (!frame) throw new Error(`no frame for ${cid}`);
  return frame;
}

const hooksOf = (page: Page, cid: string) =>
  page.frameLocator(`iframe[data-conversation-id="${cid}"]`).getByRole('listitem');

async function logOf(control: EmulatorControl): Promise<DesktopLogEntry[]> {
  return (await control.desktopLog()).entries;
}

/** One call's log as short strings: `opened`, `hook:stop`, `stopped` (a message), `closed:stopped`… */
async function timeline(control: EmulatorControl, cid: string): Promise<string[]> {
  return (await logOf(control)).flatMap((e) => {
    if (e.kind === 'rejected' || e.conversationId !== cid) return [];
    if (e.kind === 'hook') return [`hook:${e.hook}`];
    if (e.kind === 'message') return [e.action];
    return [e.detail && e.event !== 'opened' ? `${e.event}:${e.detail}` : e.event];
  });
}

const send = (frame: Frame, action: string, params: object = {}) =>
  frame.evaluate(
    ([a, p]) => (window as unknown as { send(a: string, p: object): void }).send(a, p),
    [action, params] as const,
  );

test('frames the widget once per call of the user, as Genesys does, and bootstraps each', async ({
  page,
  control,
}) => {
  const casey = await call(control, 'Casey Caller');
  const drew = await call(control, 'Drew Caller');
  await control.createCall({ agentEmail: 'bob@example.com', customerName: 'Not Alice' });
  await page.goto(control.desktopUrl(widget.url, ALICE.email));

  await expect(page.locator('iframe')).toHaveCount(2);
  const frame = page.getByTitle('Interaction widget for Casey Caller');
  await expect(frame).toHaveAttribute('sandbox', SANDBOX);
  await expect(frame).toHaveAttribute('allow', 'microphone; clipboard-write');
  const src = new URL(await frame.evaluate((element: HTMLIFrameElement) => element.src));
  expect(Object.fromEntries(src.searchParams)).toEqual({
    gcConversationId: casey,
    gcHostOrigin: control.baseUrl,
    gcTargetEnv: 'prod',
    gcLangTag: 'en-US',
    gcUsePopupAuth: 'true',
  });
  await widgetFrame(page, drew);
  await expect(hooksOf(page, casey)).toHaveText(['bootstrap']);
  await expect(hooksOf(page, drew)).toHaveText(['bootstrap']);
  await expect(page.getByRole('listitem').filter({ hasText: 'Casey Caller' })).toContainText(
    'Widget ready',
  );
  await expect
    .poll(async () =>
      (await logOf(control))
        .filter((e) => e.kind === 'message' && e.action === 'bootstrapped')
        .map((e) => e.kind === 'message' && e.conversationId)
        .sort(),
    )
    .toEqual([casey, drew].sort());
});

test('shows toasts and attention counts; an error toast stays until closed', async ({
  page,
  control,
}) => {
  const cid = await call(control, 'Casey Caller');
  await page.goto(control.desktopUrl(widget.url, ALICE.email));
  const frame = await widgetFrame(page, cid);
  await send(frame, 'showToast', {
    title: 'Mute failed',
    message: '**Try again**',
    type: 'error',
    timeout: 0,
    showCloseButton: true,
  });
  await send(frame, 'showToast', { title: 'Saved', message: 'Call data saved', timeout: 1 });
  await send(frame, 'setAttentionCount', { count: 2 });

  const toasts = page.locator('#toasts');
  await expect(toasts).toContainText('Mute failed');
  await expect(toasts).toContainText('**Try again**');
  await expect(page.getByText('Attention: 2')).toBeVisible();
  await expect(page.getByText('Saved', { exact: true })).toBeHidden({ timeout: 4000 });
  await expect(toasts).toContainText('Mute failed');
  await page.getByRole('button', { name: 'Close notification: Mute failed' }).click();
  await expect(toasts).toBeEmpty();

  const record = await page.evaluate(
    () =>
      (
        window as unknown as {
          __desktop: { toasts: { title: string; sticky: boolean; closedBy: string }[] };
        }
      ).__desktop.toasts,
  );
  expect(record.map(({ title, sticky, closedBy }) => ({ title, sticky, closedBy }))).toEqual([
    { title: 'Mute failed', sticky: true, closedBy: 'user' },
    { title: 'Saved', sticky: false, closedBy: 'timeout' },
  ]);
  await expect
    .poll(async () =>
      (await logOf(control)).flatMap((e) =>
        e.kind === 'message' && e.action !== 'bootstrapped' ? [e.data] : [],
      ),
    )
    .toEqual([
      expect.objectContaining({
        action: 'showToast',
        protocol: 'purecloud-client-apps',
        title: 'Mute failed',
        type: 'error',
        timeout: 0,
      }),
      expect.objectContaining({ action: 'showToast', title: 'Saved', timeout: 1 }),
      expect.objectContaining({ action: 'setAttentionCount', count: 2 }),
    ]);
});

test('focus and blur move between widgets; closing sends stop and waits for stopped', async ({
  page,
  control,
}) => {
  const casey = await call(control, 'Casey Caller');
  const drew = await call(control, 'Drew Caller');
  await page.goto(control.desktopUrl(widget.url, ALICE.email));
  const drewFrame = await widgetFrame(page, drew);
  await expect(hooksOf(page, casey)).toHaveText(['bootstrap']);
  await expect(hooksOf(page, drew)).toHaveText(['bootstrap']);

  await page.getByRole('button', { name: 'Focus Drew Caller' }).click();
  await expect(hooksOf(page, casey)).toHaveText(['bootstrap', 'blur']);
  await expect(hooksOf(page, drew)).toHaveText(['bootstrap', 'focus']);
  await send(drewFrame, 'setAttentionCount', { count: 3 });
  await expect(page.getByText('Attention: 3')).toBeVisible();

  await page.getByRole('button', { name: 'Close widget: Drew Caller' }).click();
  await expect(page.getByTitle('Interaction widget for Drew Caller')).toHaveCount(0);
  await expect(page.getByText('Attention: 0')).toBeVisible();
  await expect
    .poll(() => timeline(control, drew))
    .toEqual([
      'opened',
      'hook:bootstrap',
      'bootstrapped',
      'hook:focus',
      'setAttentionCount',
      'hook:stop',
      'stopped',
      'closed:stopped',
    ]);

  await page.getByRole('button', { name: 'Open widget: Drew Caller' }).click();
  await widgetFrame(page, drew);
  await expect(hooksOf(page, drew)).toHaveText(['bootstrap']);
});

test('follows the calls live: a new call adds a widget, an ended one keeps it, an 11th is refused', async ({
  page,
  control,
}) => {
  await page.goto(control.desktopUrl(widget.url, ALICE.email, { pollMs: 200 }));
  await expect(page.getByText('Signed in as Alice Agent (alice@example.com)')).toBeVisible();
  const first = await call(control, 'First Caller');
  await widgetFrame(page, first);
  await control.hangup(first);
  await expect(page.getByRole('listitem').filter({ hasText: 'First Caller' })).toContainText(
    'Call ended',
  );
  await expect(page.getByTitle('Interaction widget for First Caller')).toBeVisible();

  for (let i = 2; i <= 11; i += 1) await call(control, `Caller ${i}`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Caller 11' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(10);
  await expect(page.getByRole('status').filter({ hasText: 'interaction widgets' })).toHaveText(
    '10 interaction widgets are open: close one to open the widget for Caller 11.',
  );
  await expect
    .poll(
      async () =>
        (await logOf(control)).filter((e) => e.kind === 'widget' && e.event === 'refused').length,
    )
    .toBe(1);
});

test('accepts messages only from its own frames and from the widget origin', async ({
  page,
  control,
}) => {
  const cid = await call(control, 'Casey Caller');
  await page.goto(control.desktopUrl(widget.url, ALICE.email));
  const frame = await widgetFrame(page, cid);
  const forged = { protocol: 'purecloud-client-apps', action: 'showToast', title: 'Forged' };
  await page.evaluate((data) => window.postMessage(data, '*'), forged);
  // The frame moves to another origin (the emulator's: the only other one the page may frame).
  await frame.goto(`${control.baseUrl}/__emulator/desktop/desktop.css`);
  await frame.evaluate((data) => window.parent.postMessage(data, '*'), forged);
  await expect
    .poll(async () =>
      (await logOf(control)).flatMap((e) => (e.kind === 'rejected' ? [e.reason] : [])),
    )
    .toEqual([
      'not from a widget frame of this page',
      `origin is not ${new URL(widget.url).origin}`,
    ]);
  await expect(page.locator('#toasts')).toBeEmpty();
});

test('a widget that never answers stop is removed after the stop timeout', async ({
  page,
  control,
}) => {
  const cid = await call(control, 'Casey Caller');
  const template = `${widget.url}?silent&gcConversationId={{gcConversationId}}&gcHostOrigin={{gcHostOrigin}}`;
  await page.goto(control.desktopUrl(widget.url, ALICE.email, { template, stopTimeoutMs: 300 }));
  await expect(hooksOf(page, cid)).toHaveText(['bootstrap']);
  await page.getByRole('button', { name: 'Close widget: Casey Caller' }).click();
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect
    .poll(() => timeline(control, cid))
    .toEqual([
      'opened',
      'hook:bootstrap',
      'bootstrapped',
      'hook:stop',
      'stopTimeout',
      'closed:stopTimeout',
    ]);
});

test('the host page passes axe with a widget and a toast', async ({ page, control }) => {
  const cid = await call(control, 'Casey Caller');
  await page.goto(control.desktopUrl(widget.url, ALICE.email));
  const frame = await widgetFrame(page, cid);
  await send(frame, 'showToast', { title: 'Heads up', message: 'Hello', timeout: 0 });
  await expect(page.locator('#toasts')).toContainText('Heads up');
  await expectNoAxeViolations(page);
});

test('the real Client App SDK gets the hooks, and its toasts and attention count arrive', async ({
  page,
  control,
}) => {
  const casey = await call(control, 'Casey Caller');
  const drew = await call(control, 'Drew Caller');
  const template = `${widget.url}real?gcConversationId={{gcConversationId}}&gcHostOrigin={{gcHostOrigin}}&gcTargetEnv={{gcTargetEnv}}`;
  await page.goto(control.desktopUrl(widget.url, ALICE.email, { template }));
  const frame = await widgetFrame(page, casey);
  await expect(hooksOf(page, casey)).toHaveText(['bootstrap']);
  await expect(hooksOf(page, drew)).toHaveText(['bootstrap']);
  await page.getByRole('button', { name: 'Focus Drew Caller' }).click();
  await expect(hooksOf(page, casey)).toHaveText(['bootstrap', 'blur']);
  await expect(hooksOf(page, drew)).toHaveText(['bootstrap', 'focus']);

  await frame.evaluate(() => {
    const app = (
      window as unknown as {
        clientApp: {
          alerting: {
            showToastPopup(title: string, message: string, options?: object): void;
            setAttentionCount(count: number): void;
          };
        };
      }
    ).clientApp;
    app.alerting.showToastPopup('Mute failed', 'Try again', {
      type: 'error',
      timeout: 0,
      showCloseButton: true,
    });
    app.alerting.setAttentionCount(1);
  });
  await expect(page.locator('#toasts')).toContainText('Mute failed');
  await expect(page.getByText('Attention: 1')).toBeVisible();

  await page.getByRole('button', { name: 'Close widget: Casey Caller' }).click();
  await expect(page.getByTitle('Interaction widget for Casey Caller')).toHaveCount(0);
  await expect
    .poll(() => timeline(control, casey))
    .toEqual([
      'opened',
      'hook:bootstrap',
      'bootstrapped',
      'hook:blur',
      'showToast',
      'setAttentionCount',
      'hook:stop',
      'stopped',
      'closed:stopped',
    ]);
  const toast = (await logOf(control)).find(
    (e) => e.kind === 'message' && e.action === 'showToast',
  );
  expect(toast?.kind === 'message' && toast.data).toEqual({
    action: 'showToast',
    protocol: 'purecloud-client-apps',
    protocolAgentName: 'purecloud-client-app-sdk',
    protocolAgentVersion: expect.any(String),
    title: 'Mute failed',
    message: 'Try again',
    type: 'error',
    timeout: 0,
    showCloseButton: true,
  });
});

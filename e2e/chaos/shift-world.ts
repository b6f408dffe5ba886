import { expect, type Browser, type BrowserContext, type Frame, type Page } from '@playwright/test';
import type { EmulatorControl, EmulatorState } from '../../emulator/control-client.js';
import { SEED_USERS } from '../../emulator/seed-ids.js';
import { signIn, submitLogin } from '../support/session.js';
import { callerName, type KeyRule, type Queue } from './plan.js';
import { installDocumentRecorder, recordApi, type ApiRecord } from './recorder.js';

/**
 * The browsers of one shift: Alice's standalone panel (one browser), Alice's Genesys Cloud
 * desktop with an interaction widget per call sharing one channel (another browser), and Sam's
 * supervisor view watching both queues (a third). Each browser's API requests are recorded and
 * tagged with the step that was running.
 */
export const ALICE = SEED_USERS.alice;
export const SAM = SEED_USERS.sam;

export interface ShiftCall {
  n: number;
  name: string;
  cid: string;
  customerPid: string;
  queue: Queue;
}

export type Browsers = 'agent' | 'desktop' | 'supervisor';

export class ShiftWorld {
  readonly calls = new Map<number, ShiftCall>();
  /** The step running now (0 while setting up); requests are tagged with it. */
  step = 0;
  readonly api: Record<Browsers, ApiRecord[]>;
  /** Calls whose widget the agent closed while the call went on (by name). */
  readonly closedWidgets = new Set<string>();
  /** Notification heartbeats the agent panel received (one a second): the panel's own time. */
  readonly heartbeats = { count: 0 };
  /** The caller-key rule of the latest playback started on each call. */
  readonly rules = new Map<string, KeyRule | undefined>();

  private constructor(
    readonly control: EmulatorControl,
    readonly widgetUrl: string,
    readonly contexts: Record<Browsers, BrowserContext>,
    readonly agent: Page,
    readonly desktop: Page,
    readonly supervisor: Page,
  ) {
    const now = () => this.step;
    this.api = {
      agent: recordApi(contexts.agent, now),
      desktop: recordApi(contexts.desktop, now),
      supervisor: recordApi(contexts.supervisor, now),
    };
  }

  static async open(browser: Browser, control: EmulatorControl, widgetUrl: string) {
    const make = async () => {
      const context = await browser.newContext();
      await installDocumentRecorder(context);
      return context;
    };
    const contexts = { agent: await make(), desktop: await make(), supervisor: await make() };
    const agent = await contexts.agent.newPage();
    const desktop = await contexts.desktop.newPage();
    const supervisor = await contexts.supervisor.newPage();
    const world = new ShiftWorld(control, widgetUrl, contexts, agent, desktop, supervisor);
    agent.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"channel.metadata"'))
          world.heartbeats.count += 1;
      }),
    );
    await signIn(agent, widgetUrl, ALICE.email);
    await signIn(supervisor, widgetUrl, SAM.email, '?view=supervisor');
    await expect(supervisor.getByRole('heading', { name: 'Live calls', level: 2 })).toBeVisible();
    for (const queue of ['Support', 'Sales'])
      await supervisor.getByRole('checkbox', { name: queue }).check();
    await desktop.goto(control.desktopUrl(widgetUrl, ALICE.email, { pollMs: 250 }));
    await expect(desktop.getByText(`Signed in as ${ALICE.name}`)).toBeVisible();
    return world;
  }

  async close(): Promise<void> {
    for (const context of Object.values(this.contexts))
      await context.close().catch(() => undefined);
  }

  call(n: number): ShiftCall {
    const call = this.calls.get(n);
    if (!call) throw new Error(`${callerName(n)} has not arrived`);
    return call;
  }

  byCid(cid: string): ShiftCall | undefined {
    return [...this.calls.values()].find((c) => c.cid === cid);
  }

  /**
   * The desktop's widget frames, by conversation id (from each iframe element: the widget takes
   * its launch parameters out of its own URL once read).
   */
  async desktopFrames(): Promise<Map<string, Frame>> {
    const frames = new Map<string, Frame>();
    for (const element of await this.desktop
      .locator('iframe[data-conversation-id]')
      .elementHandles()) {
      const cid = await element.getAttribute('data-conversation-id').catch(() => null);
      const frame = await element.contentFrame().catch(() => null);
      if (cid && frame && !frame.isDetached()) frames.set(cid, frame);
    }
    return frames;
  }

  /** The iframes the desktop shows now, by conversation id. */
  async desktopWidgetIds(): Promise<string[]> {
    return this.desktop
      .locator('iframe[data-conversation-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation-id') ?? ''));
  }

  frameLocator(cid: string) {
    return this.desktop.frameLocator(`iframe[data-conversation-id="${cid}"]`);
  }

  /** Every document of the widget in the three browsers, with the browser it belongs to. */
  async documents(): Promise<{ where: Browsers; label: string; frame: Frame }[]> {
    return [
      { where: 'agent' as const, label: 'agent panel', frame: this.agent.mainFrame() },
      {
        where: 'supervisor' as const,
        label: 'supervisor view',
        frame: this.supervisor.mainFrame(),
      },
      ...[...(await this.desktopFrames())].map(([cid, frame]) => ({
        where: 'desktop' as const,
        label: `desktop widget for ${this.byCid(cid)?.name ?? cid}`,
        frame,
      })),
    ];
  }

  /**
   * Signs in wherever the widget asks for it (after a token expiry, or a widget that opened when
   * no other instance of its browser had a sign-in to share): a click on its button opens the
   * sign-in window, which closes by itself (the login page remembers the user) or shows the form.
   */
  async signInWhereAsked(): Promise<number> {
    let clicked = 0;
    const targets: { page: Page; frame: Frame; email: string }[] = [
      { page: this.agent, frame: this.agent.mainFrame(), email: ALICE.email },
      { page: this.supervisor, frame: this.supervisor.mainFrame(), email: SAM.email },
      ...[...(await this.desktopFrames()).values()].map((frame) => ({
        page: this.desktop,
        frame,
        email: ALICE.email,
      })),
    ];
    for (const { page, frame, email } of targets) {
      const button = frame
        .getByRole('button', { name: /^Sign in( again)?$/ })
        .and(frame.locator(':enabled'));
      if (!(await button.isVisible().catch(() => false))) continue;
      const popup = page.waitForEvent('popup', { timeout: 10_000 });
      const done = await button
        .click({ timeout: 2000 })
        .then(() => true)
        .catch(() => false);
      if (!done) {
        popup.catch(() => undefined);
        continue;
      }
      clicked += 1;
      const login = await popup.catch(() => undefined);
      if (login) await finishPopup(login, email);
    }
    return clicked;
  }

  /** The emulator's state (every call, ended ones too). */
  state(): Promise<EmulatorState> {
    return this.control.state();
  }
}

/** A sign-in window: it closes by itself when the login page remembers the user, else sign in. */
async function finishPopup(login: Page, email: string) {
  const email$ = login.getByLabel('Email');
  await expect
    .poll(
      async () => {
        if (login.isClosed()) return 'closed';
        if (await email$.isVisible().catch(() => false)) {
          await submitLogin(login, email).catch(() => undefined);
          return 'submitted';
        }
        return 'waiting';
      },
      { timeout: 15_000 },
    )
    .not.toBe('waiting');
  await expect.poll(() => login.isClosed(), { timeout: 15_000 }).toBe(true);
}

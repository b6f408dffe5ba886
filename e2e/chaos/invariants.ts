import type {
  EmulatorParticipant,
  EmulatorSecureSession,
  EmulatorState,
} from '../../emulator/control-client.js';
import { readSupervisor, readWidget, type ToggleView, type WidgetView } from './screen.js';
import { ALICE, type Browsers, type ShiftWorld } from './shift-world.js';

/**
 * The invariants, checked once everything has settled after each step: what each widget and
 * the supervisor row show equals the emulator's state (mute, hold, attributes, playback, the call
 * list), "by you" only where a request of that browser made the change, and nothing pending.
 * Each returns the problems it found as sentences (empty: it holds).
 */

type Conversation = EmulatorState['conversations'][number];
export type Changer = Browsers | 'outside' | 'either';

/** Who made the latest change of each call's mute and hold (`cid:field`), as the runner saw it. */
export type Changers = Map<string, Changer>;

const PANEL_KEY = /^lcp\./i;
const TYPED = /^(checkbox|date|datetime|enum|identifier|integer|number|longtext):/;
const REASONS: Record<string, string> = {
  completed: 'the prompt played to the end.',
  maxDuration: 'the maximum duration was reached.',
  dtmf: 'the caller ended it with a key.',
  hangup: 'the caller hung up.',
  error: 'the flow couldn’t play the prompt.',
};

const isEnded = (p: EmulatorParticipant) => p.state === 'terminated' || p.state === 'disconnected';

/** The user's own leg as the widget picks it (`myParticipant`): newest live, else connected, else last. */
export function legOf(call: Conversation, userId: string): EmulatorParticipant | undefined {
  const mine = call.participants.filter(
    (p) => p.user?.id === userId && (p.purpose === 'agent' || p.purpose === 'user'),
  );
  return (
    mine.findLast((p) => !isEnded(p)) ??
    mine.findLast((p) => p.connectedTime !== undefined) ??
    mine.at(-1)
  );
}

export const customerOf = (call: Conversation) =>
  call.participants.find((p) => p.purpose === 'customer');

/** The call-data keys the panel shows (panel keys hidden). */
export function visibleAttributes(call: Conversation | undefined): Record<string, string> {
  const all = (call && customerOf(call)?.attributes) ?? {};
  return Object.fromEntries(Object.entries(all).filter(([k]) => !PANEL_KEY.test(k)));
}

/** The status a switcher entry and the header badge must show (`callStatus` of the widget). */
export function expectedStatus(call: Conversation, userId: string): string {
  const me = legOf(call, userId);
  if (me && isEnded(me) && me.disconnectType?.startsWith('transfer')) return 'transferred';
  if (!me || isEnded(me) || call.ended) return 'ended';
  if (me.state === 'alerting' || me.state === 'offering') return 'ringing';
  if (me.held) return 'held';
  if (me.muted) return 'muted';
  return me.state === 'connected' ? 'connected' : 'other';
}

export const isActiveFor = (call: Conversation, userId: string) => {
  const me = legOf(call, userId);
  return me !== undefined && !isEnded(me);
};

export class Invariants {
  private changers: Changers = new Map();
  private sessions: EmulatorSecureSession[] = [];

  constructor(private readonly world: ShiftWorld) {}

  /**
   * Every problem visible now, across the three browsers, against the emulator's `state`;
   * `changers` says who made the latest change of each mute and hold.
   */
  async problems(state: EmulatorState, changers: Changers): Promise<string[]> {
    this.changers = changers;
    this.sessions = (await this.world.control.playback()).sessions;
    const aliceId = state.users.find((u) => u.email === ALICE.email)!.id;
    const mine = state.conversations.filter((c) => this.world.byCid(c.id));
    const problems: string[] = [];
    problems.push(...(await this.agentPanel(state, mine, aliceId)));
    problems.push(...(await this.desktopWidgets(state, mine, aliceId)));
    problems.push(...(await this.supervisorView(mine)));
    return problems;
  }

  private name(cid: string) {
    return this.world.byCid(cid)?.name ?? cid;
  }

  private link(where: string, view: WidgetView | null): string[] {
    if (!view) return [`${where}: the widget is not on screen`];
    const out: string[] = [];
    if (view.signIn) out.push(`${where}: asks to "${view.signIn}"`);
    if (view.connection !== 'live')
      out.push(`${where}: the link is ${view.connection ?? 'absent'}`);
    if (view.stale) out.push(`${where}: the call is marked "as of" a time`);
    if (view.pending.length > 0) out.push(`${where}: still pending: ${view.pending.join('; ')}`);
    for (const alert of view.alerts.filter((a) => a.includes('couldn’t load')))
      out.push(`${where}: ${alert}`);
    return out;
  }

  private async agentPanel(state: EmulatorState, mine: Conversation[], aliceId: string) {
    const where = 'agent panel';
    const view = await readWidget(this.world.agent);
    const out = this.link(where, view);
    if (!view) return out;
    const active = mine.filter((c) => isActiveFor(c, aliceId));
    const shown = view.card?.cid;
    if (active.length > 0 && !view.card)
      out.push(`${where}: no call on screen, but Alice has ${active.length}`);
    const listed = new Map(view.switcher.map((e) => [e.name, e]));
    for (const call of active) {
      if (call.id === shown) continue;
      const entry = listed.get(this.name(call.id));
      if (!entry)
        out.push(
          `${where}: ${this.name(call.id)} (${expectedStatus(call, aliceId)}) is not in the call list`,
        );
    }
    for (const entry of view.switcher) {
      const call = mine.find((c) => this.name(c.id) === entry.name);
      if (!call) {
        out.push(`${where}: lists "${entry.name}", a call the emulator does not have`);
        continue;
      }
      if (call.id !== shown && !isActiveFor(call, aliceId))
        out.push(`${where}: lists ${entry.name}, which has ended for Alice`);
      const status = expectedStatus(call, aliceId);
      if (entry.status !== status)
        out.push(`${where}: lists ${entry.name} as ${entry.status}, the emulator says ${status}`);
    }
    if (view.card) out.push(...this.card(where, 'agent', view, state, aliceId));
    return out;
  }

  /** The call on a widget's card: header, toggles and their provenance, call data, playback. */
  private card(
    where: string,
    browser: Browsers,
    view: WidgetView,
    state: EmulatorState,
    aliceId: string,
  ): string[] {
    const card = view.card!;
    const call = state.conversations.find((c) => c.id === card.cid);
    if (!call) return [`${where}: shows ${card.cid}, a call the emulator does not have`];
    const out: string[] = [];
    const name = this.name(call.id);
    if (card.heading !== name)
      out.push(`${where}: the header reads "${card.heading}", not ${name}`);
    const status = expectedStatus(call, aliceId);
    if (card.badge !== status)
      out.push(`${where}: ${name} reads ${card.badge}, the emulator says ${status}`);
    const me = legOf(call, aliceId);
    if (me && me.state === 'connected' && !call.ended) {
      out.push(...this.toggle(where, browser, call.id, 'muted', card.mute, me.muted));
      out.push(...this.toggle(where, browser, call.id, 'held', card.hold, me.held));
    }
    if (view.attributes) {
      const expected = visibleAttributes(call);
      const shownKeys = Object.keys(view.attributes)
        .filter((k) => !PANEL_KEY.test(k))
        .sort();
      const keys = Object.keys(expected).sort();
      if (shownKeys.join('|') !== keys.join('|'))
        out.push(
          `${where}: ${name}'s call data has keys [${shownKeys.join(', ')}], the emulator [${keys.join(', ')}]`,
        );
      for (const key of keys) {
        const value = expected[key]!;
        if (TYPED.test(key) || TYPED.test(value) || !(key in view.attributes)) continue;
        if (view.attributes[key] !== value)
          out.push(
            `${where}: ${name}'s ${key} reads "${view.attributes[key]}", the emulator has "${value}"`,
          );
      }
    }
    if (browser === 'agent') out.push(...this.playback(where, view, call));
    return out;
  }

  private toggle(
    where: string,
    browser: Browsers,
    cid: string,
    field: 'muted' | 'held',
    toggle: ToggleView | null,
    actual: boolean,
  ): string[] {
    const label = field === 'muted' ? 'Mute' : 'Hold';
    const name = this.name(cid);
    if (!toggle) return [`${where}: ${name} has no ${label} toggle`];
    const out: string[] = [];
    if (toggle.pressed !== actual)
      out.push(
        `${where}: ${name}'s ${label} reads ${toggle.pressed ? 'on' : 'off'}, the emulator says ${actual ? 'on' : 'off'}`,
      );
    const changer = this.changers.get(`${cid}:${field}`);
    if (/ by you$/.test(toggle.status) && changer !== browser && changer !== 'either')
      out.push(
        `${where}: ${name}'s ${label} reads "${toggle.status}", but the last change was made ${describeChanger(changer)}`,
      );
    if (/outside this panel/.test(toggle.status) && (changer === browser || changer === undefined))
      out.push(
        `${where}: ${name}'s ${label} reads "${toggle.status}", but the last change was made ${describeChanger(changer)}`,
      );
    return out;
  }

  /** The agent panel's playback line for the call on screen, against its latest secure session. */
  private playback(where: string, view: WidgetView, call: Conversation): string[] {
    const sessions = this.sessions.filter((s) => s.conversationId === call.id);
    const latest = sessions.at(-1);
    if (!latest || view.card?.ended) return [];
    const text = view.playback ?? '';
    if (latest.state === 'PENDING') {
      if (!/^(Playing|Stop requested|The caller is hearing|A prompt started elsewhere)/.test(text))
        return [`${where}: playback reads "${text}" while the emulator's session is playing`];
      return [];
    }
    if (!text.startsWith('Playback ended'))
      return [
        `${where}: playback reads "${text}", the emulator's session ended (${latest.reason})`,
      ];
    const reason = latest.reason ? REASONS[latest.reason] : undefined;
    if (reason && !text.includes(reason))
      return [`${where}: playback reads "${text}", the flow ended with ${latest.reason}`];
    return [];
  }

  private async desktopWidgets(state: EmulatorState, mine: Conversation[], aliceId: string) {
    const out: string[] = [];
    const shown = new Set(await this.world.desktopWidgetIds());
    for (const call of mine) {
      const name = this.name(call.id);
      if (isActiveFor(call, aliceId) && !shown.has(call.id) && !this.world.closedWidgets.has(name))
        out.push(`desktop: no widget for ${name}, an active call`);
    }
    const frames = await this.world.desktopFrames();
    for (const cid of shown) {
      const where = `desktop widget for ${this.name(cid)}`;
      const frame = frames.get(cid);
      const view = frame ? await readWidget(frame) : null;
      if (!view && process.env.CHAOS_DEBUG)
        out.push(
          `DEBUG frames: ${this.world.desktop
            .frames()
            .map((f) => f.url())
            .join(
              ' | ',
            )}; frame=${frame?.url()}; err=${frame ? await frame.evaluate(() => (document.querySelector('[data-widget-root]') ? 'root' : 'noroot')).catch((e: Error) => e.message) : '-'}`,
        );
      out.push(...this.link(where, view));
      if (!view) continue;
      const call = state.conversations.find((c) => c.id === cid)!;
      if (view.card && view.card.cid !== cid) {
        out.push(`${where}: shows ${this.name(view.card.cid)} instead`);
        continue;
      }
      if (isActiveFor(call, aliceId)) {
        if (!view.card) out.push(`${where}: no call card (${view.verdict ?? 'nothing said'})`);
        else out.push(...this.card(where, 'desktop', view, state, aliceId));
      } else if (view.card && !view.card.ended && !view.verdict)
        out.push(`${where}: the call ended for Alice but the widget does not say so`);
    }
    return out;
  }

  private async supervisorView(mine: Conversation[]) {
    const where = 'supervisor view';
    const view = await readSupervisor(this.world.supervisor);
    if (!view) return [`${where}: not on screen`];
    const out: string[] = [];
    if (view.signIn) out.push(`${where}: asks to "${view.signIn}"`);
    if (view.connection !== 'live')
      out.push(`${where}: the link is ${view.connection ?? 'absent'}`);
    if (view.left !== '0') out.push(`${where}: ${view.left ?? '?'} calls still to read`);
    const live = mine.filter((c) => !c.ended);
    const rows = new Map(view.rows.map((r) => [r.cid, r]));
    for (const call of live)
      if (!rows.has(call.id)) out.push(`${where}: no row for ${this.name(call.id)}, a live call`);
    for (const row of view.rows) {
      const call = mine.find((c) => c.id === row.cid);
      if (!call || call.ended) {
        out.push(`${where}: a row for ${this.name(row.cid)}, which has ended`);
        continue;
      }
      if (row.asOf) out.push(`${where}: ${this.name(row.cid)}'s row is marked "as of"`);
      const agent = call.participants.findLast(
        (p) => (p.purpose === 'agent' || p.purpose === 'user') && p.state === 'connected',
      );
      if (!agent) continue;
      if (row.muted !== String(agent.muted) || row.held !== String(agent.held))
        out.push(
          `${where}: ${this.name(row.cid)}'s row reads muted=${row.muted} held=${row.held}, the emulator muted=${agent.muted} held=${agent.held}`,
        );
    }
    return out;
  }
}

function describeChanger(changer: Changer | undefined): string {
  if (changer === undefined) return 'by nobody (it never changed)';
  if (changer === 'outside') return 'outside every browser (the Genesys Cloud UI or the platform)';
  return `in the ${changer === 'agent' ? 'standalone panel' : changer} browser`;
}

import type { Frame, Page } from '@playwright/test';

/**
 * What a widget document shows, read in one go from its DOM (the same elements the specs use:
 * roles, test ids and the data attributes the widget renders for them).
 */
export interface ToggleView {
  pressed: boolean;
  pending: boolean;
  disabled: boolean;
  status: string;
}

export interface WidgetView {
  /** The link's state (`live`, `reconnecting`, …) from the health pill; none before sign-in. */
  connection: string | null;
  /** A sign-in button the agent must press: `Sign in` or `Sign in again`. */
  signIn: string | null;
  stale: boolean;
  card: {
    cid: string;
    heading: string;
    badge: string | null;
    ended: boolean;
    mute: ToggleView | null;
    hold: ToggleView | null;
  } | null;
  switcher: { name: string; status: string; current: boolean }[];
  /** Call-data rows (panel keys hidden) as key → value text; none while the panel is not there. */
  attributes: Record<string, string> | null;
  pending: string[];
  saves: { state: string; text: string }[];
  playback: string | null;
  alerts: string[];
  verdict: string | null;
}

/** Runs in the page: no closure over anything of this file. */
function readWidgetDom(): WidgetView | null {
  const root = document.querySelector('[data-widget-root]');
  if (!root) return null;
  const text = (el: Element | null | undefined) =>
    el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const toggle = (card: Element, label: string, status: string): ToggleView | null => {
    const button = [...card.querySelectorAll('button[aria-pressed]')].find(
      (b) => text(b.querySelector('.toggle-label')) === label,
    );
    if (!(button instanceof HTMLButtonElement)) return null;
    return {
      pressed: button.getAttribute('aria-pressed') === 'true',
      pending: button.getAttribute('data-pending') === 'true',
      disabled: button.disabled,
      status: text(card.querySelector(`[data-testid="${status}"]`)),
    };
  };
  const cardEl = root.querySelector('article.call-card[data-conversation-id]');
  const table = root.querySelector('[data-testid="call-data"] table.call-data-table');
  let attributes: Record<string, string> | null = null;
  if (table) {
    attributes = {};
    for (const row of table.querySelectorAll('tr[data-key]')) {
      const cell = row.querySelector('.call-data-value-cell')?.cloneNode(true) as
        Element | undefined;
      cell?.querySelector('.call-data-pending')?.remove();
      attributes[row.getAttribute('data-key') ?? ''] = text(cell);
    }
  }
  const buttons = [...root.querySelectorAll('button')];
  const signIn = buttons.find((b) => ['Sign in', 'Sign in again'].includes(text(b)));
  return {
    connection: root.querySelector('.health-pill')?.getAttribute('data-status') ?? null,
    signIn: signIn ? text(signIn) : null,
    stale: root.querySelector('[data-testid="stale-banner"]') !== null,
    card: cardEl
      ? {
          cid: cardEl.getAttribute('data-conversation-id') ?? '',
          heading: text(cardEl.querySelector('h2')),
          badge:
            cardEl.querySelector('.call-header [data-status]')?.getAttribute('data-status') ?? null,
          ended: cardEl.querySelector('.call-ended') !== null,
          mute: toggle(cardEl, 'Mute', 'mute-status'),
          hold: toggle(cardEl, 'Hold', 'hold-status'),
        }
      : null,
    switcher: [...root.querySelectorAll('.call-switcher .switcher-entry')].map((entry) => ({
      name: text(entry.querySelector('.switcher-name')),
      status: entry.getAttribute('data-status') ?? '',
      current: entry.getAttribute('aria-current') === 'true',
    })),
    attributes,
    pending: [
      ...[...root.querySelectorAll('[data-pending="true"]')].map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.getAttribute('data-key') ? ` ${el.getAttribute('data-key')}` : ''} ${text(el).slice(0, 40)}`,
      ),
      ...[...root.querySelectorAll('[data-save-state="pending"]')].map((el) => text(el)),
      ...buttons.filter((b) => text(b) === 'Stopping…').map(() => 'Stopping…'),
    ],
    saves: [...root.querySelectorAll('.call-data-save')].map((el) => ({
      state: el.getAttribute('data-save-state') ?? '',
      text: text(el),
    })),
    playback: root.querySelector('[data-testid="playback-status"] [role="status"]')
      ? text(root.querySelector('[data-testid="playback-status"] [role="status"]'))
      : null,
    alerts: [...root.querySelectorAll('[role="alert"]')].map((el) => text(el)),
    verdict: text(root.querySelector('[data-testid="pinned-verdict"]')) || null,
  };
}

export async function readWidget(frame: Page | Frame): Promise<WidgetView | null> {
  try {
    return await frame.evaluate(readWidgetDom);
  } catch {
    return null;
  }
}

export interface SupervisorRow {
  cid: string;
  state: string;
  muted: string;
  held: string;
  asOf: boolean;
  text: string;
}

export interface SupervisorView {
  connection: string | null;
  signIn: string | null;
  rowCount: number | null;
  left: string | null;
  rows: SupervisorRow[];
}

function readSupervisorDom(): SupervisorView {
  const text = (el: Element | null | undefined) =>
    el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const grid = document.querySelector('[role="grid"]');
  const signIn = [...document.querySelectorAll('button')].find((b) =>
    ['Sign in', 'Sign in again'].includes(text(b)),
  );
  return {
    connection: document.querySelector('.health-pill')?.getAttribute('data-status') ?? null,
    signIn: signIn ? text(signIn) : null,
    rowCount: grid ? Number(grid.getAttribute('aria-rowcount')) : null,
    left:
      document.querySelector('[data-testid="supervisor-reading"]')?.getAttribute('data-left') ??
      null,
    rows: [...document.querySelectorAll('[role="row"][data-conversation-id]')].map((row) => ({
      cid: row.getAttribute('data-conversation-id') ?? '',
      state: row.getAttribute('data-state') ?? '',
      muted: row.getAttribute('data-muted') ?? '',
      held: row.getAttribute('data-held') ?? '',
      asOf: row.getAttribute('data-as-of') === 'true',
      text: text(row),
    })),
  };
}

export async function readSupervisor(page: Page): Promise<SupervisorView | null> {
  try {
    return await page.evaluate(readSupervisorDom);
  } catch {
    return null;
  }
}

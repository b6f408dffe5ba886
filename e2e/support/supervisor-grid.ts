import type { Page } from '@playwright/test';
import type { EmulatorParticipant, EmulatorState } from '../../emulator/control-client.js';

/**
 * The supervisor grid against the emulator, row for row: what each live call's row must say
 * (from the emulator's own state, the oracle) and what the rendered grid shows (read by
 * scrolling its virtual list, so what is compared is what a supervisor sees). Used by the
 * supervisor scale specs and the floor benchmark.
 */
export interface ShownRow {
  agent: string;
  queue: string;
  state: string;
  muted: string;
  held: string;
}

const ended = (p: EmulatorParticipant) => p.state === 'terminated' || p.state === 'disconnected';
const RINGING = ['alerting', 'offering', 'dialing', 'contacting'];

/** What each live call's row must say, from the emulator's own state. */
export function expectedRows(state: EmulatorState): Record<string, ShownRow> {
  const users = new Map(state.users.map((u) => [u.id, u.name]));
  const queues = new Map(state.queues.map((q) => [q.id, q.name]));
  const rows: Record<string, ShownRow> = {};
  for (const call of state.conversations.filter((c) => !c.ended)) {
    const legs = [...call.participants].reverse();
    const agent = legs.find((p) => p.purpose === 'agent' && !ended(p));
    const queueId = legs.find((p) => p.purpose === 'acd' && p.queue?.id)?.queue?.id;
    const rowState = agent
      ? RINGING.includes(agent.state)
        ? 'ringing'
        : agent.state === 'connected'
          ? agent.held
            ? 'held'
            : 'connected'
          : 'other'
      : legs.some((p) => p.purpose === 'ivr' && !ended(p))
        ? 'inFlow'
        : legs.some((p) => p.purpose === 'acd' && !ended(p))
          ? 'waiting'
          : 'other';
    rows[call.id] = {
      agent: agent ? (users.get(agent.user?.id ?? '') ?? '?') : 'No agent yet',
      queue: (queueId && queues.get(queueId)) || '?',
      state: rowState,
      muted: agent ? String(agent.muted) : 'unknown',
      held: agent ? String(agent.held) : 'unknown',
    };
  }
  return rows;
}

/** Scrolls the virtual list from top to bottom, collecting every rendered row once. */
export async function shownRows(page: Page): Promise<Record<string, ShownRow>> {
  return page.getByTestId('supervisor-scroller').evaluate(async (scroller) => {
    const frames = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rows: Record<string, ShownRow> = {};
    for (let top = 0; ; top += Math.max(1, Math.floor(scroller.clientHeight / 2))) {
      scroller.scrollTop = top;
      await frames();
      for (const row of scroller.querySelectorAll<HTMLElement>('[role="row"]')) {
        const cells = row.querySelectorAll('[role="gridcell"]');
        rows[row.dataset.conversationId ?? '?'] = {
          agent: cells[0]?.textContent ?? '',
          queue: cells[2]?.textContent ?? '',
          state: row.dataset.state ?? '',
          muted: row.dataset.muted ?? '',
          held: row.dataset.held ?? '',
        };
      }
      if (top + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    scroller.scrollTop = 0;
    await frames();
    return rows;
  });
}

/** The ids whose shown row differs from the expected one (missing and extra rows included). */
export function mismatchedRows(
  expected: Record<string, ShownRow>,
  shown: Record<string, ShownRow>,
): string[] {
  const ids = new Set([...Object.keys(expected), ...Object.keys(shown)]);
  return [...ids].filter((id) => JSON.stringify(expected[id]) !== JSON.stringify(shown[id]));
}

/**
 * Checks every queue of the picker, one per frame (each check is its own choice, as a
 * supervisor's clicks are), and returns when the first was checked (the page's clock).
 */
export async function checkEveryQueue(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const boxes = [
      ...document.querySelectorAll<HTMLInputElement>('.supervisor-queue-list input[type=checkbox]'),
    ];
    const startedAt = performance.timeOrigin + performance.now();
    for (const box of boxes) {
      if (!box.checked) box.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return startedAt;
  });
}

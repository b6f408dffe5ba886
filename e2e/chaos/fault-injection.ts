import { expect } from '@playwright/test';
import type { FailNextInput } from '../../emulator/control-client.js';
import type { Done } from './actions.js';
import type { Action, Fault } from './plan.js';
import type { ShiftWorld } from './shift-world.js';

/**
 * The faults, through the emulator's control plane (and, for a lazy chunk, the desktop
 * browser's network). Each is put on, meets its probe action, and is taken off before the
 * runner waits for everything to reconcile (`recover`); what only has to be undone once the
 * screen has caught up (a CRM that keeps failing, hidden rate-limit headers) is `cleanup`.
 * Time that matters to the emulator is its clock, advanced instead of waited for; time the
 * panel itself must see pass (its 5 s confirmation wait, the CRM's 10 s) is counted in socket
 * heartbeats, one a second.
 */
export interface FaultRun {
  done: Done;
  notes: string[];
  cleanup(): Promise<void>;
}

const PARTICIPANT = '/api/v2/conversations/calls/*/participants/*';
const ATTRIBUTES = `${PARTICIPANT}/attributes`;

const PANEL_TEXT: Record<Extract<Fault, { kind: 'chunk' }>['module'], string> = {
  'call-data-panel': 'Call data couldn’t load',
  'playback-panel': 'Playback couldn’t load',
  'audit-panel': 'Audit trail couldn’t load',
};

/** The request path the probe's clicks send, for one-shot failures aimed at it. */
function probePath(probe: Action | undefined): string | undefined {
  if (probe?.kind === 'toggle' || probe?.kind === 'leaderClose') return PARTICIPANT;
  if (probe?.kind === 'edit') return ATTRIBUTES;
  return undefined;
}

/** Waits until the panel has seen at least `seconds` more of its own time pass. */
async function panelSeconds(world: ShiftWorld, seconds: number): Promise<void> {
  const from = world.heartbeats.count;
  await expect
    .poll(() => world.heartbeats.count - from, { timeout: (seconds + 15) * 1000 })
    .toBeGreaterThanOrEqual(seconds);
}

async function waitsOnClock(world: ShiftWorld, label: string): Promise<boolean> {
  return expect
    .poll(async () => (await world.control.clock()).pending.some((w) => w.label === label), {
      timeout: 10_000,
    })
    .toBe(true)
    .then(() => true)
    .catch(() => false);
}

const none = async () => undefined;

export async function runFault(
  world: ShiftWorld,
  fault: Fault,
  probe: Action | undefined,
  perform: (action: Action) => Promise<Done>,
): Promise<FaultRun> {
  const { control } = world;
  const notes: string[] = [];
  const act = async () => (probe ? perform(probe) : { writes: [] });
  switch (fault.kind) {
    case 'dropSockets': {
      await control.faults({ dropSockets: true });
      return { done: await act(), notes, cleanup: none };
    }
    case 'socketClosing': {
      const before = (await control.state()).channels.filter((c) => c.connected).map((c) => c.id);
      await control.faults({ socketClosing: 60_000 });
      const done = await act();
      // Each warned channel is replaced before the server's deadline (60 s on its clock).
      await expect
        .poll(async () => {
          const channels = (await control.state()).channels;
          return before.filter((id) => channels.some((c) => c.id === id && c.connected));
        })
        .toEqual([]);
      await control.advanceClock(60_000);
      return { done, notes, cleanup: none };
    }
    case 'channelGone': {
      await control.faults({ channelGone: true });
      return { done: await act(), notes, cleanup: none };
    }
    case 'rateLimit': {
      const path = probePath(probe) ?? PARTICIPANT;
      const burst: FailNextInput[] = [0, 1].map(() => ({
        method: 'PATCH',
        path,
        status: 429,
        retryAfterSeconds: fault.seconds,
      }));
      await control.faults({ hideRateLimitHeaders: !fault.readableHeaders, failNext: burst });
      const done = await act();
      return {
        done,
        notes,
        cleanup: async () => {
          const left = (await control.state()).faults.failNext.length;
          if (left > 0) notes.push(`${left} of the 429s were not used`);
          await control.faults({ hideRateLimitHeaders: false });
        },
      };
    }
    case 'serverError': {
      const failures: FailNextInput[] =
        fault.target === 'read'
          ? [
              { method: 'GET', path: '/api/v2/conversations/calls', status: fault.status },
              { method: 'GET', path: '/api/v2/conversations/*', status: fault.status },
            ]
          : [
              {
                method: 'PATCH',
                path: fault.target === 'flags' ? PARTICIPANT : ATTRIBUTES,
                status: fault.status,
              },
            ];
      await control.faults({ failNext: failures });
      // A failing read needs a reason to read: the link drops, so every panel reads again.
      if (fault.target === 'read') await control.faults({ dropSockets: true });
      const done = await act();
      return {
        done,
        notes,
        cleanup: async () => {
          const left = (await control.state()).faults.failNext.length;
          if (left > 0) notes.push(`${left} of the ${fault.status}s were not used`);
        },
      };
    }
    case 'latency': {
      await control.faults({ latencyMs: 30_000 });
      const done = await act();
      if (await waitsOnClock(world, 'latency')) await panelSeconds(world, 6);
      else notes.push('no request was held');
      await control.faults({ latencyMs: 0 });
      await control.advanceClock(30_000);
      return { done, notes, cleanup: none };
    }
    case 'tokenExpiry': {
      await control.faults({ expireTokens: true });
      return { done: await act(), notes, cleanup: none };
    }
    case 'crmSlow': {
      await control.crm({ latencyMs: 60_000 });
      const done = await act();
      if (await waitsOnClock(world, 'crm latency')) {
        if (fault.timeout) {
          await panelSeconds(world, 11);
          await expect(world.agent.getByTestId('crm-result')).toContainText(
            'didn’t answer within',
            {
              timeout: 15_000,
            },
          );
        }
      } else notes.push('no CRM lookup was held');
      await control.crm({ latencyMs: 0 });
      await control.advanceClock(60_000);
      return { done, notes, cleanup: none };
    }
    case 'crmFailing': {
      await control.crm({ status: fault.status });
      const done = await act();
      return { done, notes, cleanup: async () => void (await control.crm({ status: null })) };
    }
    case 'chunk': {
      const blocked = new RegExp(`/assets/${fault.module}-[\\w-]+\\.js(\\?.*)?$`);
      await world.contexts.desktop.route(blocked, (route) => route.abort('internetdisconnected'));
      const before = new Set(await world.desktopWidgetIds());
      const done = await act();
      let opened: string[] = [];
      await expect
        .poll(
          async () => (opened = (await world.desktopWidgetIds()).filter((id) => !before.has(id))),
          { timeout: 10_000 },
        )
        .not.toEqual([])
        .catch(() => notes.push('no widget opened meanwhile'));
      for (const cid of opened)
        // The new widget says in the panel's place that it could not load.
        await expect(
          world.frameLocator(cid).getByRole('alert').filter({ hasText: PANEL_TEXT[fault.module] }),
        ).toBeVisible({ timeout: 15_000 });
      await world.contexts.desktop.unroute(blocked);
      // The network is back: Retry in each widget that says so loads the panel.
      for (const cid of await world.desktopWidgetIds()) {
        const retry = world
          .frameLocator(cid)
          .getByRole('alert')
          .filter({ hasText: 'couldn’t load' })
          .getByRole('button', { name: 'Retry' });
        for (let i = 0; i < 5 && (await retry.count()) > 0; i += 1) await retry.first().click();
      }
      return { done, notes, cleanup: none };
    }
  }
}

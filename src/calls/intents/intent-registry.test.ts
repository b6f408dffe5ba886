import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../platform/types';
import { callFor } from '../../testing/factories';
import { createScheduler } from '../../time/scheduler';
import { IntentRegistry, type FlagChange, type IntentEvent, type Values } from './intent-registry';

const ME = 'u1';

function setup() {
  const calls = new Map<string, Call>([
    ['A', callFor(ME, 'A')],
    ['B', callFor(ME, 'B')],
  ]);
  const sentFlags: { cid: string; body: FlagChange }[] = [];
  const sentAttributes: { cid: string; body: Values<string> }[] = [];
  const events: IntentEvent[] = [];
  const registry = new IntentRegistry({
    sendFlags: async (cid, _pid, body) => {
      sentFlags.push({ cid, body });
    },
    sendAttributes: async (cid, _pid, body) => {
      sentAttributes.push({ cid, body });
    },
    reread: async () => undefined,
    get: (cid) => calls.get(cid),
    scheduler: createScheduler({ now: () => 5000 }),
  });
  registry.onEvent((e) => events.push(e));
  /** The server confirms: a new snapshot of call `cid` with the agent leg changed. */
  const snapshot = (cid: string, agent: Partial<Call['participants'][number]>) => {
    const previous = calls.get(cid)!;
    const call: Call = {
      ...previous,
      participants: previous.participants.map((p) =>
        p.id === `${cid}-a` ? { ...p, ...agent } : p,
      ),
    };
    calls.set(cid, call);
    const changes = Object.keys(agent)
      .filter((k) => k === 'muted' || k === 'held')
      .map((field) => ({ kind: 'field', participantId: `${cid}-a`, field, at: 5000 }));
    const attributeChanges = Object.keys(agent.attributes ?? {}).map((k) => ({
      kind: 'attribute',
      participantId: `${cid}-a`,
      key: k,
      at: 5000,
    }));
    registry.receive({ call, changes: [...changes, ...attributeChanges] });
  };
  return { registry, sentFlags, sentAttributes, events, snapshot, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('IntentRegistry', () => {
  it('keeps each call’s intent, pending state and provenance across switching, and never re-sends', async () => {
    const t = setup();
    t.registry.requestFlag('A', 'A-a', 'muted', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.registry.flag('A', 'A-a', 'muted')).toMatchObject({ shown: true, pending: true });
    // The agent switches to call B and back: nothing about A lives in a component.
    expect(t.registry.flag('B', 'B-a', 'muted')).toMatchObject({ shown: false, pending: false });
    t.snapshot('A', { muted: true });
    const view = t.registry.flag('A', 'A-a', 'muted');
    expect(view).toMatchObject({
      shown: true,
      pending: false,
      provenance: { ours: true, at: 5000 },
    });
    expect(t.registry.flag('A', 'A-a', 'muted')).toBe(view);
    expect(t.sentFlags).toEqual([{ cid: 'A', body: { muted: true } }]);
  });

  it('after a gap in the events, a change of ours is no longer "by you" for certain (chaos seed 11, step 113)', async () => {
    const t = setup();
    t.registry.requestFlag('A', 'A-a', 'muted', true);
    await vi.advanceTimersByTimeAsync(0);
    t.snapshot('A', { muted: true });
    expect(t.registry.flag('A', 'A-a', 'muted').provenance).toMatchObject({ ours: true });
    // The socket dropped; somebody unmuted and muted again meanwhile; the re-read shows muted.
    t.registry.receive({ call: t.calls.get('A')!, changes: [], meta: { gap: true } });
    expect(t.registry.flag('A', 'A-a', 'muted').provenance).toEqual({
      value: true,
      ours: false,
      unsure: true,
      at: 5000,
    });
    // A plain re-read (no gap) changes nothing.
    const b = setup();
    b.registry.requestFlag('B', 'B-a', 'held', true);
    await vi.advanceTimersByTimeAsync(0);
    b.snapshot('B', { held: true });
    b.registry.receive({ call: b.calls.get('B')!, changes: [] });
    expect(b.registry.flag('B', 'B-a', 'held').provenance).toMatchObject({ ours: true });
  });

  it('records a change made outside the panel, with its time, without any click', () => {
    const t = setup();
    t.snapshot('B', { held: true });
    expect(t.registry.flag('B', 'B-a', 'held')).toMatchObject({
      shown: true,
      pending: false,
      provenance: { value: true, ours: false, at: 5000 },
    });
    expect(t.events).toEqual([
      expect.objectContaining({ type: 'change', conversationId: 'B', field: 'held', ours: false }),
    ]);
    expect(t.sentFlags).toEqual([]);
  });

  it('carries a pending value per attribute key and confirms it from the snapshot', async () => {
    const t = setup();
    t.registry.requestAttributes('A', 'A-a', { tier: 'Gold', note: 'vip' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.registry.attribute('A', 'A-a', 'tier')).toMatchObject({
      shown: 'Gold',
      pending: true,
    });
    t.snapshot('A', { attributes: { tier: 'Gold', note: 'vip' } });
    expect(t.registry.attribute('A', 'A-a', 'note')).toMatchObject({
      shown: 'vip',
      pending: false,
      provenance: { ours: true },
    });
    expect(t.sentAttributes.flatMap((s) => Object.keys(s.body))).toEqual(['tier', 'note']);
  });

  it('sends the keys of one attribute request in one PATCH (applied whole or not at all)', async () => {
    const t = setup();
    t.registry.requestAttributes('A', 'A-a', { tier: 'Gold', note: 'vip', 'number:visits': '3' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sentAttributes).toEqual([
      { cid: 'A', body: { tier: 'Gold', note: 'vip', 'number:visits': '3' } },
    ]);
  });

  it('forgets a call entirely', async () => {
    const t = setup();
    t.registry.requestFlag('A', 'A-a', 'muted', true);
    t.registry.forget('A');
    expect(t.registry.flag('A', 'A-a', 'muted')).toMatchObject({
      pending: false,
      provenance: undefined,
    });
  });

  it('a change another instance of the panel sent reads "by you" here, and only that change', () => {
    const t = setup();
    t.registry.noteSentElsewhere('B', 'B-a', 'flags', { muted: true });
    t.snapshot('B', { muted: true });
    expect(t.registry.flag('B', 'B-a', 'muted').provenance).toMatchObject({ ours: true });
    t.snapshot('B', { held: true });
    expect(t.registry.flag('B', 'B-a', 'held').provenance).toMatchObject({ ours: false });
  });

  it('tells listeners what leaves, for the other instances', async () => {
    const t = setup();
    const sent: unknown[] = [];
    t.registry.onSent((s) => sent.push(s));
    t.registry.requestFlag('A', 'A-a', 'held', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      { conversationId: 'A', participantId: 'A-a', group: 'flags', values: { held: true } },
    ]);
  });
});

describe('IntentRegistry views and permits', () => {
  it('every view is the same object while nothing changed, and a new one when it did', async () => {
    const t = setup();
    const flag = t.registry.flag('A', 'A-a', 'muted');
    const attribute = t.registry.attribute('A', 'A-a', 'tier');
    expect(t.registry.flag('A', 'A-a', 'muted')).toBe(flag);
    expect(t.registry.attribute('A', 'A-a', 'tier')).toBe(attribute);
    t.registry.requestFlag('A', 'A-a', 'muted', true);
    t.registry.requestAttributes('A', 'A-a', { tier: 'Gold' });
    const pendingFlag = t.registry.flag('A', 'A-a', 'muted');
    const pendingAttribute = t.registry.attribute('A', 'A-a', 'tier');
    expect(pendingFlag).not.toBe(flag);
    expect(pendingFlag).toMatchObject({ shown: true, pending: true });
    expect(pendingAttribute).toMatchObject({ shown: 'Gold', pending: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.registry.flag('A', 'A-a', 'muted')).toBe(pendingFlag);
    expect(t.registry.attribute('A', 'A-a', 'tier')).toBe(pendingAttribute);
  });

  it('builds the body when the budget’s permit comes, sends it with that permit, and gives back a permit it does not need', async () => {
    const calls = new Map<string, Call>([['A', callFor(ME, 'A')]]);
    const grants: (() => void)[] = [];
    const released: number[] = [];
    const sent: { body: FlagChange; permit: number | undefined }[] = [];
    let issued = 0;
    const permits = new Map<unknown, number>();
    const registry = new IntentRegistry({
      acquire: () =>
        new Promise((resolve) =>
          grants.push(() => {
            issued += 1;
            const id = issued;
            const permit = { release: () => released.push(id) };
            permits.set(permit, id);
            resolve(permit);
          }),
        ),
      sendFlags: async (_cid, _pid, body, permit) => {
        sent.push({ body, permit: permits.get(permit) });
      },
      sendAttributes: async () => undefined,
      reread: async () => undefined,
      get: (cid) => calls.get(cid),
    });
    registry.requestFlag('A', 'A-a', 'muted', true);
    registry.requestFlag('A', 'A-a', 'held', true);
    grants.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ body: { muted: true, held: true }, permit: 1 }]);
    expect(released).toEqual([]);
    registry.receive({
      call: {
        ...calls.get('A')!,
        participants: calls
          .get('A')!
          .participants.map((p) => (p.id === 'A-a' ? { ...p, muted: true, held: true } : p)),
      },
      changes: [],
    });
    registry.requestFlag('A', 'A-a', 'muted', false);
    registry.requestFlag('A', 'A-a', 'muted', true);
    grants.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(released).toEqual([2]);
    expect(registry.flag('A', 'A-a', 'muted')).toMatchObject({ shown: true, pending: false });
  });
});

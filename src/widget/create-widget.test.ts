import { afterEach, describe, expect, it } from 'vitest';
import { slotKey } from '../services/widget-slots';
import { createWidget, type WidgetParts } from './create-widget';

const made: WidgetParts[] = [];

function aWidget(): WidgetParts {
  const target = { kind: 'emulator', url: 'http://127.0.0.1:1' } as const;
  const widget = createWidget({
    env: { target, clientId: 'lcp-test', heartbeatMs: 30_000, renewBeforeMs: 600_000 },
    target,
    redirectUri: 'http://localhost/',
    launch: { usePopupAuth: false, problems: [] },
  });
  made.push(widget);
  return widget;
}

afterEach(() => {
  for (const widget of made.splice(0)) widget.dispose();
});

describe('two widgets in one document', () => {
  it('never share per-widget state: each has its own scheduler and slots', () => {
    const a = aWidget();
    const b = aWidget();
    const key = slotKey<string[]>('test.per-widget');
    a.services.slots.get(key, () => []).push('only in a');
    expect(b.services.slots.get(key, () => [])).toEqual([]);
    expect(a.services.scheduler).not.toBe(b.services.scheduler);
    expect(a.services.slots).not.toBe(b.services.slots);
  });

  it('a widget that stops leaves nothing behind: no live timer, no slot; the other keeps its own', () => {
    const a = aWidget();
    const b = aWidget();
    // A feature's per-widget state holding a timer, and a topic change waiting for its debounce.
    const ticking = slotKey<() => void>('test.ticking', (cancel) => cancel());
    a.services.slots.get(ticking, () => a.services.scheduler.every(1000, () => undefined));
    a.services.registry.subscribe({
      topic: 'v2.users.u1.conversations.calls',
      onEvent: () => undefined,
      resync: async () => undefined,
    });
    const kept = slotKey<string>('test.kept');
    b.services.slots.get(kept, () => 'b');
    expect(a.services.scheduler.live()).toBe(2);
    made.splice(made.indexOf(a), 1);
    a.dispose();
    expect(a.services.scheduler.live()).toBe(0);
    expect(a.services.slots.size).toBe(0);
    expect(b.services.slots.get(kept, () => 'new')).toBe('b');
  });
});

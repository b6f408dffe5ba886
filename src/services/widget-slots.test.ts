import { describe, expect, it, vi } from 'vitest';
import { slotKey, WidgetSlots } from './widget-slots';

describe('WidgetSlots', () => {
  it('creates a value once per widget, never shared between two widgets', () => {
    const key = slotKey<Map<string, number>>('test.map');
    const a = new WidgetSlots();
    const b = new WidgetSlots();
    a.get(key, () => new Map()).set('x', 1);
    expect(a.get(key, () => new Map()).get('x')).toBe(1);
    expect(b.get(key, () => new Map()).get('x')).toBeUndefined();
    expect(a.get(key, () => new Map())).not.toBe(b.get(key, () => new Map()));
  });

  it('disposes every value when the widget stops and keeps nothing afterwards', () => {
    const dispose = vi.fn();
    const key = slotKey<{ id: number }>('test.disposable', dispose);
    const other = slotKey<string>('test.plain');
    const slots = new WidgetSlots();
    const value = slots.get(key, () => ({ id: 1 }));
    slots.get(other, () => 'kept');
    expect(slots.size).toBe(2);
    slots.dispose();
    expect(dispose).toHaveBeenCalledWith(value);
    expect(slots.size).toBe(0);
    slots.get(key, () => ({ id: 2 }));
    expect(slots.size).toBe(0);
  });

  it('deletes one slot, disposing it', () => {
    const dispose = vi.fn();
    const key = slotKey<number>('test.one', dispose);
    const slots = new WidgetSlots();
    slots.get(key, () => 7);
    slots.delete(key);
    expect(dispose).toHaveBeenCalledWith(7);
    expect(slots.peek(key)).toBeUndefined();
  });
});

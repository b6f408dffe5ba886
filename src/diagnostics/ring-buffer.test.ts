import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest items up to its capacity, oldest first, and counts what it pushed out', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i += 1) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.length).toBe(3);
    expect(ring.dropped).toBe(4);
  });

  it('holds fewer items than its capacity in order', () => {
    const ring = new RingBuffer<string>(5);
    ring.push('a');
    ring.push('b');
    expect(ring.toArray()).toEqual(['a', 'b']);
    expect(ring.dropped).toBe(0);
  });

  it('keeps the total weight under its maximum by dropping the oldest items', () => {
    const ring = new RingBuffer<string>(10, 100);
    ring.push('a', 40);
    ring.push('b', 40);
    expect(ring.toArray()).toEqual(['a', 'b']);
    ring.push('c', 40);
    expect(ring.toArray()).toEqual(['b', 'c']);
    expect(ring.totalWeight).toBe(80);
    ring.push('heavy', 500);
    expect(ring.toArray()).toEqual(['heavy']);
    expect(ring.dropped).toBe(3);
    for (let i = 0; i < 12; i += 1) ring.push(`light ${i}`, 1);
    expect(ring.length).toBe(10);
    expect(ring.totalWeight).toBe(10);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

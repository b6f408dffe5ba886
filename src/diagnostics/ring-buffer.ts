/**
 * A fixed-capacity buffer that keeps the newest items: a push is O(1) and never allocates once
 * the buffer is full (the oldest item is overwritten).
 *
 * @example
 * const ring = new RingBuffer<number>(2);
 * ring.push(1); ring.push(2); ring.push(3);
 * ring.toArray(); // [2, 3]; ring.overwritten === 1
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;
  /** Items pushed out by newer ones since the start. */
  overwritten = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.capacity) this.overwritten += 1;
    else this.count += 1;
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  toArray(): T[] {
    const start = (this.next - this.count + this.capacity) % this.capacity;
    const out: T[] = [];
    for (let i = 0; i < this.count; i += 1) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }
}

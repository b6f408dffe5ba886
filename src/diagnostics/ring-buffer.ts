/**
 * A buffer that keeps the newest items: at most `capacity` of them and, when items carry a
 * weight (an estimate of the memory they hold), at most `maxWeight` in total. A push is O(1)
 * amortized and never allocates once the buffer is full (the oldest items make room).
 *
 * @example
 * const ring = new RingBuffer<number>(2);
 * ring.push(1); ring.push(2); ring.push(3);
 * ring.toArray(); // [2, 3]; ring.dropped === 1
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private readonly weights: number[];
  private next = 0;
  private count = 0;
  private weight = 0;
  /** Items pushed out by newer ones since the start. */
  dropped = 0;

  constructor(
    readonly capacity: number,
    readonly maxWeight = Infinity,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    this.items = new Array<T | undefined>(capacity);
    this.weights = new Array<number>(capacity).fill(0);
  }

  get length(): number {
    return this.count;
  }

  /** The weight the buffer holds now. */
  get totalWeight(): number {
    return this.weight;
  }

  push(item: T, weight = 0): void {
    if (this.count === this.capacity) this.dropOldest();
    this.items[this.next] = item;
    this.weights[this.next] = weight;
    this.weight += weight;
    this.count += 1;
    this.next = (this.next + 1) % this.capacity;
    while (this.weight > this.maxWeight && this.count > 1) this.dropOldest();
  }

  /** Oldest first. */
  toArray(): T[] {
    const start = this.oldest();
    const out: T[] = [];
    for (let i = 0; i < this.count; i += 1) out.push(this.items[(start + i) % this.capacity] as T);
    return out;
  }

  private oldest(): number {
    return (this.next - this.count + this.capacity) % this.capacity;
  }

  private dropOldest(): void {
    const at = this.oldest();
    this.weight -= this.weights[at] ?? 0;
    this.items[at] = undefined;
    this.weights[at] = 0;
    this.count -= 1;
    this.dropped += 1;
  }
}

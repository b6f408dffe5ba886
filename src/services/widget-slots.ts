/**
 * A typed name for one piece of per-widget state. Declare it once, next to the feature that
 * owns the state; `dispose` runs when the widget stops.
 */
export interface SlotKey<T> {
  readonly name: string;
  dispose?(value: T): void;
}

/** Declares a slot key (a constant, shared by every widget; the values are not). */
export function slotKey<T>(name: string, dispose?: (value: T) => void): SlotKey<T> {
  return { name, dispose };
}

/**
 * Per-widget state that features keep without the services importing their types: each widget
 * has its own slots, so two widgets in one document never share a value, and `dispose()` (the
 * widget stopping) runs every slot's `dispose` and forgets them all.
 *
 * @example
 * const DRAFTS = slotKey<Map<string, Draft>>('call-data.drafts');
 * const drafts = services.slots.get(DRAFTS, () => new Map());
 */
export class WidgetSlots {
  private readonly entries = new Map<object, { value: unknown; dispose(): void }>();
  private disposed = false;

  /** The slot's value, created on first use. After `dispose()` it is created but not kept. */
  get<T>(key: SlotKey<T>, create: () => T): T {
    if (this.entries.has(key)) return this.peek(key) as T;
    const value = create();
    if (!this.disposed) this.entries.set(key, { value, dispose: () => key.dispose?.(value) });
    return value;
  }

  /** The slot's value if it was created (never creates it). */
  peek<T>(key: SlotKey<T>): T | undefined {
    // Stored under this key by `get`, from a `create` returning T.
    return this.entries.get(key)?.value as T | undefined;
  }

  /** Drops one slot, disposing its value. */
  delete(key: SlotKey<unknown>): void {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    entry?.dispose();
  }

  /** How many slots hold a value (for tests and soak checks). */
  get size(): number {
    return this.entries.size;
  }

  /** The widget stopped: disposes every slot; nothing is kept afterwards. */
  dispose(): void {
    this.disposed = true;
    for (const entry of [...this.entries.values()]) entry.dispose();
    this.entries.clear();
  }
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

/** One-shot timers by name: setting a name again replaces its timer. */
export class NamedTimers {
  private readonly handles = new Map<string, unknown>();

  constructor(private readonly timers: Timers = browserTimers) {}

  set(name: string, ms: number, callback: () => void): void {
    this.clear(name);
    this.handles.set(
      name,
      this.timers.setTimeout(() => {
        this.handles.delete(name);
        callback();
      }, ms),
    );
  }

  clear(name: string): void {
    const handle = this.handles.get(name);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.handles.delete(name);
  }

  clearAll(): void {
    for (const handle of this.handles.values()) this.timers.clearTimeout(handle);
    this.handles.clear();
  }
}

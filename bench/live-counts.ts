/**
 * An init script for every frame of a bench context: counts the listeners and timers that are
 * live (wraps `addEventListener`/`removeEventListener`, `setTimeout`/`setInterval` and their
 * `clear*`), so a probe can compare the counts at warm-up and at the end of a run. A listener
 * counts while its target is still reachable (held through a `WeakRef`), so listeners of nodes
 * that were removed and collected do not count; `once` listeners and those tied to an
 * `AbortSignal` leave the count when they go.
 */
export const LIVE_COUNTS = () => {
  type Entry = { target: WeakRef<EventTarget>; keys: Set<string> };
  const w = window as unknown as {
    __liveCounts: () => { listeners: number; timeouts: number; intervals: number };
  };
  const entries = new WeakMap<EventTarget, Entry>();
  const all = new Set<Entry>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (fn: unknown) => {
    if (typeof fn !== 'object' && typeof fn !== 'function') return String(fn);
    const key = fn as object;
    if (!ids.has(key)) ids.set(key, nextId++);
    return String(ids.get(key));
  };
  const keyOf = (type: string, listener: unknown, options: unknown) => {
    const capture =
      typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture);
    return `${type}|${capture}|${idOf(listener)}`;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const forget = (target: EventTarget, key: string) => {
    const entry = entries.get(target);
    if (!entry) return;
    entry.keys.delete(key);
    if (entry.keys.size === 0) {
      all.delete(entry);
      entries.delete(target);
    }
  };
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    add.call(this, type, listener, options);
    if (!listener) return;
    const key = keyOf(type, listener, options);
    let entry = entries.get(this);
    if (!entry) {
      entry = { target: new WeakRef(this), keys: new Set() };
      entries.set(this, entry);
      all.add(entry);
    }
    entry.keys.add(key);
    const opts = typeof options === 'object' ? options : undefined;
    if (opts?.once) add.call(this, type, () => forget(this, key), { once: true });
    if (opts?.signal) add.call(opts.signal, 'abort', () => forget(this, key), { once: true });
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    remove.call(this, type, listener, options);
    if (listener) forget(this, keyOf(type, listener, options));
  };

  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const setT = window.setTimeout.bind(window);
  const clearT = window.clearTimeout.bind(window);
  const setI = window.setInterval.bind(window);
  const clearI = window.clearInterval.bind(window);
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id: number = setT(
      (...args: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      },
      ms,
      ...rest,
    );
    timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    clearT(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = setI(handler, ms, ...rest);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearI(id);
  }) as typeof window.clearInterval;
  w.__liveCounts = () => {
    let listeners = 0;
    for (const entry of all) {
      if (entry.target.deref()) listeners += entry.keys.size;
      else all.delete(entry);
    }
    return { listeners, timeouts: timeouts.size, intervals: intervals.size };
  };
};

export interface LiveCounts {
  listeners: number;
  timeouts: number;
  intervals: number;
}

import { useSyncExternalStore } from 'react';

/**
 * One shared one-second clock for every on-screen timer (a table of 500 calls has one interval,
 * not 500). Ticks only while something listens.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of [...listeners]) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const noop = () => () => undefined;

/** The current time, re-rendering once a second while `active`. */
export function useNow(active = true): number {
  return useSyncExternalStore(active ? subscribe : noop, () => (active ? now : Date.now()));
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLocks } from '../testing/memory-locks';
import { webLocks } from './leader-lock';

afterEach(() => vi.unstubAllGlobals());

/** A browser's `navigator.locks` in memory: exclusive locks, granted in order, `ifAvailable`. */
function fakeLockManager() {
  const held: { name: string }[] = [];
  const queues = new Map<string, (() => void)[]>();
  const busy = (name: string) => held.some((lock) => lock.name === name);
  return {
    async request(
      name: string,
      options: { ifAvailable?: boolean },
      callback: (lock: { name: string } | null) => Promise<void>,
    ) {
      if (options.ifAvailable && busy(name)) return callback(null);
      while (busy(name)) {
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      const lock = { name };
      held.push(lock);
      try {
        return await callback(lock);
      } finally {
        held.splice(held.indexOf(lock), 1);
        queues.get(name)?.shift()?.();
      }
    },
    query: async () => ({ held: held.map(({ name }) => ({ name, mode: 'exclusive' })) }),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('leader locks', () => {
  it('memory locks grant one holder at a time, pass the lock on and say who holds it', async () => {
    const locks = memoryLocks();
    const led: string[] = [];
    const a = locks.request('x', 'a', () => led.push('a'));
    const b = locks.request('x', 'b', () => led.push('b'));
    await Promise.resolve();
    expect(led).toEqual(['a']);
    expect(await locks.holder('x')).toBe('a');
    a.release();
    await Promise.resolve();
    expect(led).toEqual(['a', 'b']);
    expect(await locks.holder('x')).toBe('b');
    b.release();
    expect(await locks.holder('x')).toBeUndefined();
  });

  it('with Web Locks refused by the browser, the instance leads alone instead of waiting forever', async () => {
    vi.stubGlobal('navigator', {
      locks: { request: () => Promise.reject(new DOMException('denied', 'SecurityError')) },
    });
    const onLeader = vi.fn();
    webLocks().request('x', 'a', onLeader);
    await settle();
    expect(onLeader).toHaveBeenCalledTimes(1);
  });

  it('with Web Locks, the lock names the instance that won, then the next one, then nobody', async () => {
    vi.stubGlobal('navigator', { locks: fakeLockManager() });
    const led: string[] = [];
    const a = webLocks().request('x', 'a', () => led.push('a'));
    const b = webLocks().request('x', 'b', () => led.push('b'));
    await settle();
    expect(led).toEqual(['a']);
    expect(await webLocks().holder('x')).toBe('a');
    a.release();
    await settle();
    expect(led).toEqual(['a', 'b']);
    expect(await webLocks().holder('x')).toBe('b');
    b.release();
    await settle();
    expect(await webLocks().holder('x')).toBeUndefined();
  });

  it('a badge taken without winning the lock names nobody', async () => {
    const manager = fakeLockManager();
    vi.stubGlobal('navigator', { locks: manager });
    let letGo: () => void = () => undefined;
    const forged = new Promise<void>((resolve) => (letGo = resolve));
    void manager.request('x#held-by:forger', {}, () => forged);
    await settle();
    expect(await webLocks().holder('x')).toBeUndefined(); // nobody holds the lock itself
    const a = webLocks().request('x', 'a', () => undefined);
    await settle();
    expect(await webLocks().holder('x')).toBeUndefined(); // two badges: neither is believed
    letGo();
    await settle();
    expect(await webLocks().holder('x')).toBe('a');
    a.release();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLocks } from '../testing/memory-locks';
import { webLocks } from './leader-lock';

afterEach(() => vi.unstubAllGlobals());

describe('leader locks', () => {
  it('memory locks grant one holder at a time and pass the lock on', async () => {
    const locks = memoryLocks();
    const led: string[] = [];
    const a = locks.request('x', () => led.push('a'));
    locks.request('x', () => led.push('b'));
    await Promise.resolve();
    expect(led).toEqual(['a']);
    a.release();
    await Promise.resolve();
    expect(led).toEqual(['a', 'b']);
  });

  it('with Web Locks refused by the browser, the instance leads alone instead of waiting forever', async () => {
    vi.stubGlobal('navigator', {
      locks: { request: () => Promise.reject(new DOMException('denied', 'SecurityError')) },
    });
    const onLeader = vi.fn();
    webLocks().request('x', onLeader);
    await new Promise((r) => setTimeout(r, 0));
    expect(onLeader).toHaveBeenCalledTimes(1);
  });

  it('uses Web Locks when present: the callback runs once granted', async () => {
    let grant: (() => Promise<void>) | undefined;
    vi.stubGlobal('navigator', {
      locks: {
        request: (_name: string, _options: object, callback: () => Promise<void>) => {
          grant = callback;
          return new Promise(() => undefined);
        },
      },
    });
    const onLeader = vi.fn();
    webLocks().request('x', onLeader);
    expect(onLeader).not.toHaveBeenCalled();
    void grant?.();
    expect(onLeader).toHaveBeenCalledTimes(1);
  });
});

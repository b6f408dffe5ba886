import { describe, expect, it, vi } from 'vitest';
import { OnlineSource } from './online-source';

describe('OnlineSource', () => {
  it('attaches on the first subscriber, detaches with the last, and relays events', () => {
    const detach = vi.fn();
    let fire: (online: boolean) => void = () => undefined;
    const setup = vi.fn((setOnline: (online: boolean) => void) => {
      fire = setOnline;
      return detach;
    });
    const source = new OnlineSource(setup);
    const a = vi.fn();
    const offA = source.subscribe(a);
    const offB = source.subscribe(vi.fn());
    expect(setup).toHaveBeenCalledTimes(1);
    fire(true);
    expect(a).toHaveBeenCalledWith(true);
    offA();
    expect(detach).not.toHaveBeenCalled();
    offB();
    expect(detach).toHaveBeenCalledTimes(1);
  });

  it('listens to the window’s online event by default', () => {
    const source = new OnlineSource();
    const listener = vi.fn();
    const off = source.subscribe(listener);
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('offline'));
    expect(listener.mock.calls).toEqual([[true], [false]]);
    off();
    window.dispatchEvent(new Event('online'));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

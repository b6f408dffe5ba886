import { describe, expect, it, vi } from 'vitest';
import { LazyChannel } from './lazy-channel';
import type { ChannelLike } from './shared-channel';

const fakeChannel = () => ({
  start: vi.fn(),
  stop: vi.fn(async () => undefined),
  tokenChanged: vi.fn(),
  reconnectNow: vi.fn(),
});

const deferred = () => {
  let resolve!: (channel: ChannelLike) => void;
  const promise = new Promise<ChannelLike>((r) => (resolve = r));
  return { promise, resolve };
};

describe('LazyChannel', () => {
  it('starts the real channel once its code has loaded, and passes calls on after that', async () => {
    const real = fakeChannel();
    const load = deferred();
    const channel = new LazyChannel(() => load.promise);
    channel.start();
    channel.tokenChanged();
    expect(real.start).not.toHaveBeenCalled();
    load.resolve(real);
    await vi.waitFor(() => expect(real.start).toHaveBeenCalledTimes(1));
    expect(real.tokenChanged).not.toHaveBeenCalled();
    channel.tokenChanged();
    channel.reconnectNow();
    expect(real.tokenChanged).toHaveBeenCalledTimes(1);
    expect(real.reconnectNow).toHaveBeenCalledTimes(1);
    await channel.stop();
    expect(real.stop).toHaveBeenCalledTimes(1);
  });

  it('never starts a channel stopped while its code was loading, and loads once', async () => {
    const real = fakeChannel();
    const load = deferred();
    const loader = vi.fn(() => load.promise);
    const channel = new LazyChannel(loader);
    channel.start();
    channel.start();
    const stopped = channel.stop();
    load.resolve(real);
    await stopped;
    expect(loader).toHaveBeenCalledTimes(1);
    expect(real.start).not.toHaveBeenCalled();
    expect(real.stop).not.toHaveBeenCalled();
  });

  it('loads nothing when stopped before it started', async () => {
    const loader = vi.fn(async () => fakeChannel());
    const channel = new LazyChannel(loader);
    await channel.stop();
    channel.start();
    expect(loader).not.toHaveBeenCalled();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { memoryBusNetwork } from '../testing/memory-bus';
import { TokenExchange } from './token-exchange';

const HOUR = 3_600_000;

describe('TokenExchange', () => {
  it('an instance with a token answers a newcomer; nobody answers when nobody has one', async () => {
    const network = memoryBusNetwork();
    const a = new TokenExchange(network.create(), 'a');
    const b = new TokenExchange(network.create(), 'b');
    expect(await b.request(20)).toBeUndefined();
    a.publish({ accessToken: 'tok', expiresAt: Date.now() + HOUR });
    const c = new TokenExchange(network.create(), 'c');
    expect(await c.request(50)).toEqual({ accessToken: 'tok', expiresAt: expect.any(Number) });
  });

  it('passes on a newer token, and ignores an older or nearly expired one', async () => {
    const network = memoryBusNetwork();
    const a = new TokenExchange(network.create(), 'a');
    const b = new TokenExchange(network.create(), 'b');
    const seen = vi.fn();
    b.onToken(seen);
    b.publish({ accessToken: 'mine', expiresAt: Date.now() + 2 * HOUR });
    a.publish({ accessToken: 'older', expiresAt: Date.now() + HOUR });
    a.publish({ accessToken: 'dying', expiresAt: Date.now() + 1000 });
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).not.toHaveBeenCalled();
    a.publish({ accessToken: 'newer', expiresAt: Date.now() + 3 * HOUR });
    await Promise.resolve();
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ accessToken: 'newer' }));
  });
});

import { describe, expect, it } from 'vitest';
import { safeStorage, sessionStore } from './safe-storage';

describe('safeStorage', () => {
  it('works on a real sessionStorage', () => {
    const store = sessionStore();
    expect(store.available).toBe(true);
    expect(store.set('lcp.x.1', 'a')).toBe(true);
    expect(store.get('lcp.x.1')).toBe('a');
    expect(store.keys('lcp.x.')).toEqual(['lcp.x.1']);
    store.remove('lcp.x.1');
    expect(store.get('lcp.x.1')).toBeNull();
  });

  it('never throws where the browser blocks storage (reading sessionStorage itself throws)', () => {
    const store = safeStorage(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(store.available).toBe(false);
    expect(store.set('k', 'v')).toBe(false);
    expect(store.get('k')).toBeNull();
    expect(() => store.remove('k')).not.toThrow();
    expect(store.keys('k')).toEqual([]);
  });

  it('reports a full or refusing storage as unavailable', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
      key: () => null,
      length: 0,
    };
    const store = safeStorage(() => refusing);
    expect(store.available).toBe(false);
    expect(store.set('k', 'v')).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadChosenQueues, saveChosenQueues } from './queue-choice';

afterEach(() => sessionStorage.clear());

describe('chosen queues', () => {
  it('persist for the session, per user', () => {
    saveChosenQueues('sam', ['q1', 'q2']);
    expect(sessionStorage.getItem('lcp.supervisor.queues.sam')).toBe('["q1","q2"]');
    expect(loadChosenQueues('sam')).toEqual(['q1', 'q2']);
    expect(loadChosenQueues('someone-else')).toEqual([]);
  });

  it('ignore what is not a list of ids', () => {
    sessionStorage.setItem('lcp.supervisor.queues.sam', '{"nope":1}');
    expect(loadChosenQueues('sam')).toEqual([]);
    sessionStorage.setItem('lcp.supervisor.queues.sam', 'not json');
    expect(loadChosenQueues('sam')).toEqual([]);
  });

  it('fall back to memory when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    saveChosenQueues('blocked-user', ['q9']);
    expect(loadChosenQueues('blocked-user')).toEqual(['q9']);
  });
});

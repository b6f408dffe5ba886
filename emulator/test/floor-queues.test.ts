import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, SAM, signIn, startEmulator } from './harness.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

describe('POST /__emulator/queues (a larger floor)', () => {
  it('adds generated queues the supervisor lists and the bulk calls go round', async () => {
    const { queues } = await running.control.addQueues({ count: 18 });
    expect(queues).toHaveLength(20);
    expect(queues.slice(2).map((q) => q.name)).toEqual(
      Array.from({ length: 18 }, (_, i) => `Floor ${String(i + 1).padStart(2, '0')}`),
    );
    // Asking again adds nothing twice.
    expect((await running.control.addQueues({ count: 18 })).queues).toHaveLength(20);

    const sam = await signIn(running.url, SAM);
    const listed = await api(running.url, sam, 'GET', '/routing/queues?pageSize=100');
    expect((listed.body as { entities: unknown[] }).entities).toHaveLength(20);

    await running.control.createCalls({ count: 40 });
    const state = await running.control.activeState();
    const perQueue = new Map<string, number>();
    for (const call of state.conversations) {
      const queueId = call.participants.find((p) => p.purpose === 'acd')?.queue?.id ?? '?';
      perQueue.set(queueId, (perQueue.get(queueId) ?? 0) + 1);
    }
    expect([...perQueue.keys()].sort()).toEqual(queues.map((q) => q.id).sort());
    expect(new Set(perQueue.values())).toEqual(new Set([2]));
  });

  it('takes 2,000 calls at once, and a reset leaves the seeded queues only', async () => {
    await running.control.addQueues({ count: 18 });
    const { conversationIds } = await running.control.createCalls({ count: 2000 });
    expect(new Set(conversationIds).size).toBe(2000);
    await running.control.reset();
    expect((await running.control.state()).queues.map((q) => q.name)).toEqual(['Support', 'Sales']);
  });

  it('refuses a count out of range', async () => {
    await expect(running.control.addQueues({ count: 0 })).rejects.toThrow(/400/);
    await expect(running.control.addQueues({ count: 99 })).rejects.toThrow(/400/);
  });
});

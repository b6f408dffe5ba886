import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, signIn, startEmulator } from './harness.js';
import { SEED_USERS } from '../seed-ids.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator({ demo: true, demoDelayMs: 50 });
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

describe('control plane', () => {
  it('creates inbound calls with customer, ivr, acd and agent; alerting until answered', async () => {
    const call = await running.control.createCall({
      agentEmail: ALICE,
      queue: 'Sales',
      autoAnswer: false,
      attributes: { a: '1' },
    });
    expect(call.participants.map((p) => p.purpose)).toEqual(['customer', 'ivr', 'acd', 'agent']);
    const agent = await running.control.participant(call.conversationId, 'agent');
    expect(agent.state).toBe('alerting');
    const customer = await running.control.participant(call.conversationId, 'customer');
    expect(customer.attributes).toEqual({ a: '1' });
    const acd = await running.control.participant(call.conversationId, 'acd');
    expect(acd.name).toBe('Sales');
  });

  it('hangs up from the customer side or the agent side', async () => {
    const first = await running.control.createCall({ agentEmail: ALICE });
    await running.control.hangup(first.conversationId);
    expect(
      (await running.control.participant(first.conversationId, 'customer')).disconnectType,
    ).toBe('endpoint');
    expect((await running.control.participant(first.conversationId, 'agent')).disconnectType).toBe(
      'peer',
    );
    const second = await running.control.createCall({ agentEmail: ALICE });
    await running.control.hangup(second.conversationId, 'agent');
    expect((await running.control.participant(second.conversationId, 'agent')).disconnectType).toBe(
      'client',
    );
    const state = await running.control.state();
    expect(state.conversations.every((c) => c.ended)).toBe(true);
  });

  it('applies a change as the Genesys UI, or as a supervisor who barges in first', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE });
    const agentId = call.participants.find((p) => p.purpose === 'agent')!.id;
    await running.control.setParticipant(call.conversationId, agentId, {
      muted: true,
      actor: 'genesys-ui',
    });
    expect((await running.control.participant(call.conversationId, 'agent')).muted).toBe(true);
    await running.control.setParticipant(call.conversationId, agentId, {
      held: true,
      actor: 'sam@example.com',
    });
    const sam = await running.control.participant(call.conversationId, 'user');
    expect(sam).toMatchObject({
      user: { id: SEED_USERS.sam.id },
      bargedParticipantId: agentId,
      state: 'connected',
    });
    expect(sam).not.toHaveProperty('name');
    await expect(
      running.control.setParticipant(call.conversationId, agentId, {
        muted: false,
        actor: 'bob@example.com',
      }),
    ).rejects.toThrow(/400/);
  });

  it('records DTMF digits and validates them', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE });
    expect((await running.control.dtmf(call.conversationId, '12#')).digits).toBe('12#');
    await expect(running.control.dtmf(call.conversationId, 'x')).rejects.toThrow(/400/);
  });

  it('rejects unknown fault names and unknown agents', async () => {
    await expect(running.control.faults({ nonsense: true } as never)).rejects.toThrow(/400/);
    await expect(running.control.createCall({ agentEmail: 'nobody@example.com' })).rejects.toThrow(
      /400/,
    );
  });

  it('injects latency on API calls, as a wait on the emulator clock', async () => {
    const token = await signIn(running.url, ALICE);
    await running.control.faults({ latencyMs: 30_000 });
    let answered = false;
    const slow = api(running.url, token, 'GET', '/users/me').then((response) => {
      answered = true;
      return response;
    });
    await expect
      .poll(async () => (await running.control.clock()).pending.map((w) => w.label))
      .toEqual(['latency']);
    expect(answered).toBe(false);
    await running.control.advanceClock(30_000);
    expect((await slow).status).toBe(200);
    expect((await running.control.clock()).pending).toEqual([]);
  });

  it('demo: an agent gets an inbound call shortly after signing in', async () => {
    const token = await signIn(running.url, ALICE);
    await expect
      .poll(
        async () =>
          (
            (await api(running.url, token, 'GET', '/conversations/calls')).body
              ?.entities as unknown[]
          ).length,
        {
          timeout: 2000,
        },
      )
      .toBe(1);
  });
});

describe('demo switch', () => {
  it('turns the demo off and on until reset', async () => {
    await running.control.demo(false);
    const token = await signIn(running.url, ALICE);
    expect((await running.control.clock()).pending).toEqual([]); // no demo call waiting
    await running.control.advanceClock(60_000);
    expect((await api(running.url, token, 'GET', '/conversations/calls')).body?.entities).toEqual(
      [],
    );
    await running.control.reset();
    await running.control.demo(true, 10);
    const again = await signIn(running.url, ALICE);
    await expect
      .poll(
        async () =>
          (
            (await api(running.url, again, 'GET', '/conversations/calls')).body
              ?.entities as unknown[]
          ).length,
      )
      .toBe(1);
    await expect(running.control.demo('yes' as never)).rejects.toThrow(/400/);
  });

  it('sets the lifetime of the next tokens until reset', async () => {
    await running.control.tokenTtl(605);
    /** The token's lifetime on the emulator's clock: between the times before and after issue. */
    const lifetime = async () => {
      const before = Date.parse((await running.control.clock()).now);
      const token = await signIn(running.url, ALICE);
      const after = Date.parse((await running.control.clock()).now);
      const info = (await api(running.url, token, 'GET', '/tokens/me')).body as {
        dateTokenIdles: string;
      };
      const idles = Date.parse(info.dateTokenIdles);
      return { shortest: idles - after, longest: idles - before };
    };
    const short = await lifetime();
    expect(short.shortest).toBeLessThanOrEqual(605_000);
    expect(short.longest).toBeGreaterThanOrEqual(605_000);
    await running.control.reset();
    const usual = await lifetime();
    expect(usual.shortest).toBeLessThanOrEqual(86_400_000);
    expect(usual.longest).toBeGreaterThanOrEqual(86_400_000);
  });
});

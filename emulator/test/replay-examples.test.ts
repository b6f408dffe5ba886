/**
 * The example traces under emulator/traces (two downloaded from the widget against the
 * emulator, one written from a real org's captured call): each loads and leaves the call its
 * README describes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_USERS } from '../seed-ids.js';
import { ALICE, api, signIn, startEmulator } from './harness.js';

const DIR = new URL('../traces/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as object;

type Leg = Record<string, unknown> & { purpose: string; state: string };
type Running = Awaited<ReturnType<typeof startEmulator>>;

describe('example traces', () => {
  let running: Running;
  let alice: string;
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(() => running.stop());
  beforeEach(async () => {
    await running.control.reset();
    alice = await signIn(running.url, ALICE);
  });

  async function replayed(name: string) {
    const result = await running.control.replay(read(name), { pace: 'instant' });
    expect(result).toMatchObject({ state: 'done', skipped: [] });
    expect(result.ids['user-1']).toBe(SEED_USERS.alice.id);
    const cid = result.ids['conversation-1']!;
    const call = (await api(running.url, alice, 'GET', `/conversations/calls/${cid}`)).body as {
      participants: Leg[];
    };
    return { result, legs: call.participants };
  }

  const agentOf = (legs: Leg[]) => legs.filter((l) => l.purpose === 'agent').at(-1)!;

  const expectations: Record<string, () => Promise<void>> = {
    'agent-call-mute-hold.trace.json': async () => {
      const { result, legs } = await replayed('agent-call-mute-hold.trace.json');
      expect(result.failures).toBe(1); // Alice's queue lookup: 403 (no routing:queue:view)
      expect(legs.map((l) => l.purpose)).toEqual(['customer', 'ivr', 'acd', 'agent']);
      expect(agentOf(legs)).toMatchObject({ state: 'connected', muted: true, held: true });
      expect(legs[0]).toMatchObject({ name: 'name-1', attributes: { note: '***', tier: '***' } });
    },
    'mute-rate-limited.trace.json': async () => {
      const { result, legs } = await replayed('mute-rate-limited.trace.json');
      expect(result.failures).toBe(2);
      expect(agentOf(legs)).toMatchObject({ state: 'connected', muted: true, held: false });
      const armed = (await running.control.state()).faults.failNext;
      expect(armed).toContainEqual(
        expect.objectContaining({
          method: 'PATCH',
          path: `/api/v2/conversations/calls/${result.ids['conversation-1']}/participants/${agentOf(legs).id as string}`,
          status: 429,
          retryAfterSeconds: 1,
        }),
      );
    },
    'real-call-missed-alerts-acw.trace.json': async () => {
      const { result, legs } = await replayed('real-call-missed-alerts-acw.trace.json');
      expect(result.frames).toBe(8);
      expect(legs.map((l) => [l.purpose, l.state, l.disconnectType])).toEqual([
        ['customer', 'terminated', 'endpoint'],
        ['ivr', 'terminated', 'transfer'],
        ['acd', 'terminated', 'transfer'],
        ['agent', 'terminated', 'client'],
        ['agent', 'terminated', 'client'],
        ['agent', 'terminated', 'peer'],
      ]);
      const answered = agentOf(legs);
      expect(answered).toMatchObject({
        wrapupRequired: true,
        wrapup: { code: result.ids['wrapup-1'], durationSeconds: 14 },
        errorInfo: { code: 'error.ininedgecontrol.session.inactive' },
      });
      // The capture's own times, moved to now: talked 23.901 s, wrapped up 14.22 s later.
      const ms = (key: string) => Date.parse(answered[key] as string);
      expect(ms('endTime') - ms('connectedTime')).toBe(23_901);
      expect(ms('endAcwTime') - ms('startAcwTime')).toBe(14_220);
      const listing = (await api(running.url, alice, 'GET', '/conversations/calls')).body as {
        entities: unknown[];
      };
      expect(listing.entities).toEqual([]);
    },
  };

  it('every example trace is checked here', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.trace.json'));
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.keys(expectations))('%s loads and leaves the call its README describes', (name) =>
    expectations[name]!(),
  );
});

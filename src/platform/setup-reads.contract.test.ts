import { beforeEach, describe, expect, inject, it } from 'vitest';
import { control, signInOverHttp, TEST_CLIENT_ID } from '../testing/emulator-http';
import { PlatformError } from './errors';
import { createPlatform } from './platform';
import { RequestBudget } from './request-budget';
import type { SetupReads } from './setup-reads';

/**
 * The setup check's reads through the widget's own request path against the emulator: what each
 * returns, that each is one request of the widget's request budget, and a 403 as a
 * PlatformError when the user lacks the permission.
 */
const url = inject('emulatorUrl');
const SAM = 'sam@example.com';
const PLAY_PROMPT_FLOW_ID = 'f10e0000-0000-4000-8000-000000000001';

/** A request budget that counts the requests it let through. */
class CountingBudget extends RequestBudget {
  runs = 0;
  override run<T>(...args: Parameters<RequestBudget['run']>): Promise<T> {
    this.runs += 1;
    return super.run(...(args as [() => Promise<T>, Parameters<RequestBudget['run']>[1]]));
  }
}

let budget: CountingBudget;
let reads: SetupReads;

async function readsFor(email: string): Promise<SetupReads> {
  const platform = createPlatform(
    {
      target: { kind: 'emulator', url },
      clientId: TEST_CLIENT_ID,
      redirectUri: 'http://127.0.0.1:5999/callback',
      popup: false,
    },
    budget,
  );
  platform.adoptToken(await signInOverHttp(url, email));
  return platform.setup();
}

beforeEach(async () => {
  await control(url, 'POST', '/reset');
  budget = new CountingBudget();
  reads = await readsFor(SAM);
});

describe('the setup reads against the emulator', () => {
  it('reads the user by id with their permissions, and the token’s scopes', async () => {
    const me = await reads.authorization();
    expect(me.userId).toBe('b0a1ce00-0000-4000-8000-000000005a11');
    expect(me.permissions).toContain('analytics:queueObservation:view');
    expect(Object.keys(me)).toEqual(['userId', 'permissions']);
    const token = await reads.tokenInfo();
    expect(token.scopes).toEqual(expect.arrayContaining(['conversations', 'analytics:readonly']));
    expect(budget.runs).toBe(2);
  });

  it('finds the Play Prompt flow by id and by name as a published secure call flow', async () => {
    const byId = await reads.flows({ id: PLAY_PROMPT_FLOW_ID });
    expect(byId).toEqual([
      {
        id: PLAY_PROMPT_FLOW_ID,
        name: 'Play Prompt',
        type: 'SECURECALL',
        deleted: false,
        published: true,
      },
    ]);
    const byName = await reads.flows({ type: 'securecall', name: 'Play Prompt' });
    expect(byName.map((f) => f.id)).toEqual([PLAY_PROMPT_FLOW_ID]);
    expect(budget.runs).toBe(2);
  });

  it('lists prompts with media URIs, the first page of queues, and answers both queue queries', async () => {
    const page = await reads.prompts();
    expect(page.prompts.length).toBeGreaterThan(0);
    expect(page.prompts.some((p) => p.resources.some((r) => r.mediaUri))).toBe(true);
    const queues = await reads.queues();
    expect(queues.queueIds).toHaveLength(2);
    expect(queues.total).toBe(2);
    const [queueId] = queues.queueIds;
    expect(await reads.observeQueue(queueId!)).toBeGreaterThan(0);
    expect(await reads.queueActivity(queueId!)).toBe(0);
    expect(budget.runs).toBe(4);
  });

  it('rejects with a forbidden PlatformError when the permission was taken away', async () => {
    await control(url, 'POST', `/users/${SAM}/permissions`, { revoke: ['routing:queue:view'] });
    const refused = await reads.queues().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((await reads.authorization()).permissions).not.toContain('routing:queue:view');
  });
});

/**
 * Permissions taken away from a seeded user and given back through the control plane: the API
 * then behaves as for a user whose roles lack them, with the tokens already issued.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';
import { api, SAM, signIn, startEmulator } from './harness.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let other: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator();
  other = await startEmulator();
});
afterAll(async () => {
  await running.stop();
  await other.stop();
});
beforeEach(() => running.control.reset());

const permissionsOf = async (url: string, token: string) => {
  const me = await api(url, token, 'GET', '/users/me?expand=authorization');
  return (me.body as { authorization: { permissions: string[] } }).authorization.permissions;
};

const QUEUE_VIEW = 'routing:queue:view';

describe('taking a permission away', () => {
  it('drops it from users/me and refuses what it guards, with a token issued before', async () => {
    const token = await signIn(running.url, SAM);
    expect(await permissionsOf(running.url, token)).toContain(QUEUE_VIEW);
    expect((await api(running.url, token, 'GET', '/routing/queues')).status).toBe(200);

    const changed = await running.control.userPermissions(SAM, { revoke: [QUEUE_VIEW] });
    expect(changed).toMatchObject({ userId: SEED_USERS.sam.id, revoked: [QUEUE_VIEW] });
    expect(changed.permissions).not.toContain(QUEUE_VIEW);

    expect(await permissionsOf(running.url, token)).not.toContain(QUEUE_VIEW);
    expect(await permissionsOf(running.url, token)).toContain('analytics:queueObservation:view');
    const refused = await api(running.url, token, 'GET', '/routing/queues');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'missing.any.permissions' });
    expect(String(refused.body?.message)).toContain(QUEUE_VIEW);
  });

  it('rejects the topics it guards on a notifications channel', async () => {
    const token = await signIn(running.url, SAM);
    await running.control.userPermissions(SAM, { revoke: [QUEUE_VIEW] });
    const channel = await api(running.url, token, 'POST', '/notifications/channels');
    const id = String(channel.body?.id);
    const topic = `v2.routing.queues.${QUEUE_IDS.support}.conversations.calls`;
    const own = `v2.users.${SEED_USERS.sam.id}.conversations.calls`;
    const listing = await api(
      running.url,
      token,
      'PUT',
      `/notifications/channels/${id}/subscriptions?ignoreErrors=true`,
      [{ id: topic }, { id: own }],
    );
    expect(listing.body?.entities).toEqual([
      expect.objectContaining({ id: own, state: 'Permitted' }),
      expect.objectContaining({ id: topic, state: 'Rejected', missingPermissions: [QUEUE_VIEW] }),
    ]);
  });

  it('gives it back on restore, and every permission back on reset', async () => {
    const token = await signIn(running.url, SAM);
    await running.control.userPermissions(SAM, {
      revoke: [QUEUE_VIEW, 'architect:flow:view'],
    });
    const restored = await running.control.userPermissions(SAM, { restore: [QUEUE_VIEW] });
    expect(restored.revoked).toEqual(['architect:flow:view']);
    expect((await api(running.url, token, 'GET', '/routing/queues')).status).toBe(200);
    expect((await api(running.url, token, 'GET', '/flows?type=securecall')).status).toBe(403);

    await running.control.reset();
    const fresh = await signIn(running.url, SAM);
    expect((await api(running.url, fresh, 'GET', '/flows?type=securecall')).status).toBe(200);
    expect((await running.control.userPermissions(SAM)).revoked).toEqual([]);
  });

  it('keeps them taken when a reset was refused (no control header)', async () => {
    await running.control.userPermissions(SAM, { revoke: [QUEUE_VIEW] });
    const refused = await fetch(`${running.url}/__emulator/reset`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect((await running.control.userPermissions(SAM)).revoked).toEqual([QUEUE_VIEW]);
  });

  it('changes only that user, and only in that emulator', async () => {
    await running.control.userPermissions(SAM, { revoke: ['architect:userPrompt:view'] });
    const alice = await signIn(running.url, SEED_USERS.alice.email);
    expect((await api(running.url, alice, 'GET', '/architect/prompts')).status).toBe(200);
    const samElsewhere = await signIn(other.url, SAM);
    expect((await api(other.url, samElsewhere, 'GET', '/architect/prompts')).status).toBe(200);
    expect((await other.control.userPermissions(SAM)).revoked).toEqual([]);
  });

  it('refuses a permission the user was never given, and an unknown user', async () => {
    await expect(
      running.control.userPermissions(SEED_USERS.bob.email, { revoke: [QUEUE_VIEW] }),
    ).rejects.toThrow(/400.*no seeded permission routing:queue:view/);
    await expect(
      running.control.userPermissions('nobody@example.com', { revoke: [QUEUE_VIEW] }),
    ).rejects.toThrow(/404/);
    await expect(
      running.control.userPermissions(SAM, { revoke: ['not a permission'] }),
    ).rejects.toThrow(/400/);
  });
});

describe('tokens/me', () => {
  it('lists the scopes of the seeded OAuth client, analytics for the supervisor view included', async () => {
    const token = await signIn(running.url, SAM);
    const info = await api(running.url, token, 'GET', '/tokens/me');
    expect(info.body?.authorizedScope).toEqual(
      expect.arrayContaining([
        'conversations',
        'notifications',
        'users:readonly',
        'routing:readonly',
        'architect:readonly',
        'analytics:readonly',
      ]),
    );
  });
});

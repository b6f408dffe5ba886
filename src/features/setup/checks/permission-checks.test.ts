import { describe, expect, it } from 'vitest';
import { holds, needsPermission, permissionChecks, scopeChecks } from './permission-checks';

const ALL = [
  'conversation:communication:disconnect',
  'routing:queue:view',
  'architect:userPrompt:view',
  'architect:flow:view',
  'analytics:queueObservation:view',
  'conversation:communication:view',
  'conversation:call:*',
];

const byId = (checks: ReturnType<typeof permissionChecks>) =>
  Object.fromEntries(checks.map((c) => [c.id, c]));

describe('permission checks', () => {
  it('finds every feature’s permissions in a complete role (wildcards included)', () => {
    const checks = permissionChecks({ userId: 'u', permissions: ALL }, { flowConfigured: false });
    expect(checks.map((c) => c.status)).toEqual(checks.map(() => 'works'));
    expect(checks.map((c) => c.id)).toContain('permission.flowLookup');
  });

  it('names the feature and the missing permission, and asks for one of a group', () => {
    const checks = byId(
      permissionChecks(
        { userId: 'u', permissions: ALL.filter((p) => p !== 'analytics:queueObservation:view') },
        { flowConfigured: false },
      ),
    );
    expect(checks['permission.queueObservation']).toMatchObject({
      status: 'willNotWork',
      features: ['supervisor'],
      needs: ['analytics:queueObservation:view'],
      detail: {
        id: 'setup.permission.missing',
        values: { permissions: 'analytics:queueObservation:view' },
      },
      fix: { id: 'setup.permission.fix' },
    });
    const noMute = byId(
      permissionChecks(
        { userId: 'u', permissions: ['routing:queue:view'] },
        { flowConfigured: false },
      ),
    );
    expect(noMute['permission.mute']).toMatchObject({
      status: 'willNotWork',
      features: ['agentPanel'],
      detail: { id: 'setup.permission.missingAny' },
      needs: [
        'conversation:participant:wrapup',
        'conversation:call:record',
        'conversation:communication:disconnect',
      ],
    });
    expect(noMute['permission.monitor']).toMatchObject({ status: 'willNotWork', optional: true });
  });

  it('needs no flow permission when the build names the flow', () => {
    const checks = permissionChecks({ userId: 'u', permissions: [] }, { flowConfigured: true });
    expect(checks.map((c) => c.id)).not.toContain('permission.flowLookup');
  });

  it('says “not checked” when the platform did not list the permissions, never “will not work”', () => {
    const checks = permissionChecks({ userId: 'u' }, { flowConfigured: false });
    expect(new Set(checks.map((c) => c.status))).toEqual(new Set(['notChecked']));
    expect(holds({ userId: 'u' }, 'routing:queue:view')).toBe(false);
    expect(holds({ userId: 'u', permissions: ['routing:*:*'] }, 'routing:queue:view')).toBe(true);
  });

  it('gives a check that could not run the permissions it needs', () => {
    const check = needsPermission(
      { id: 'supervisor.queues', features: ['supervisor'], title: { id: 'setup.queues.title' } },
      ['routing:queue:view'],
    );
    expect(check).toMatchObject({
      status: 'notChecked',
      needs: ['routing:queue:view'],
      detail: { id: 'setup.notChecked.needs', values: { permissions: 'routing:queue:view' } },
    });
  });
});

describe('scope checks', () => {
  it('compares the token’s scopes per feature and names the missing ones', () => {
    const checks = scopeChecks({
      scopes: ['conversations', 'notifications', 'users', 'routing:readonly'],
    });
    const status = Object.fromEntries(checks.map((c) => [c.id, c.status]));
    expect(status).toEqual({
      'scope.agentPanel': 'works',
      'scope.callData': 'works',
      'scope.playback': 'willNotWork',
      'scope.supervisor': 'willNotWork',
    });
    expect(checks.find((c) => c.id === 'scope.supervisor')?.needs).toEqual(['analytics:readonly']);
  });

  it('cannot compare a token that lists no scopes', () => {
    expect(scopeChecks({}).map((c) => c.status)).toEqual([
      'notChecked',
      'notChecked',
      'notChecked',
      'notChecked',
    ]);
  });
});

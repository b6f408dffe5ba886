import type { SetupAuthorization, SetupTokenInfo } from '../../../platform/setup-reads';
import { text, type CheckResult } from '../model';
import {
  FLOW_LOOKUP_NEED,
  grantsScope,
  hasAnyPermission,
  PERMISSION_NEEDS,
  SCOPE_NEEDS,
  type PermissionNeed,
} from '../requirements';

const list = (names: readonly string[]) => names.join(', ');

function permissionCheck(need: PermissionNeed, granted: string[] | undefined): CheckResult {
  const any = need.anyOf.length > 1;
  const permissions = list(need.anyOf);
  const base = {
    id: `permission.${need.id}`,
    features: need.features,
    optional: need.optional,
    title: text(need.what),
    facts: { permissions },
  };
  if (!granted)
    return {
      ...base,
      status: 'notChecked',
      detail: text('setup.permission.unlisted', { permissions }),
      fix: text('setup.permission.unlistedFix'),
    };
  if (hasAnyPermission(granted, need.anyOf))
    return {
      ...base,
      status: 'works',
      detail: text(any ? 'setup.permission.hasAny' : 'setup.permission.has', { permissions }),
    };
  return {
    ...base,
    status: 'willNotWork',
    detail: text(any ? 'setup.permission.missingAny' : 'setup.permission.missing', {
      permissions,
    }),
    fix: text(any ? 'setup.permission.fixAny' : 'setup.permission.fix', { permissions }),
    needs: [...need.anyOf],
  };
}

/**
 * The user's role permissions against what each feature needs (`users/me?expand=authorization`).
 * The flow lookup's permission counts only when the build does not name the Play Prompt flow.
 * Permissions the platform did not list are "not checked", never guessed.
 *
 * @example
 * permissionChecks({ userId, permissions: ['architect:userPrompt:view'] }, { flowConfigured: true });
 */
export function permissionChecks(
  me: SetupAuthorization,
  options: { flowConfigured: boolean },
): CheckResult[] {
  const needs = options.flowConfigured ? PERMISSION_NEEDS : [...PERMISSION_NEEDS, FLOW_LOOKUP_NEED];
  return needs.map((need) => permissionCheck(need, me.permissions));
}

/** Whether the user holds a permission (false when the platform did not list them). */
export const holds = (me: SetupAuthorization | undefined, permission: string): boolean =>
  me?.permissions !== undefined && hasAnyPermission(me.permissions, [permission]);

/**
 * The token's scopes against each feature's (`tokens/me`). A token that lists none cannot be
 * compared: "not checked".
 *
 * @example
 * scopeChecks({ scopes: ['conversations', 'notifications'] });
 */
export function scopeChecks(token: SetupTokenInfo): CheckResult[] {
  return SCOPE_NEEDS.map((need): CheckResult => {
    const base = {
      id: `scope.${need.feature}`,
      features: [need.feature],
      title: text('setup.scope.title', { scopes: list(need.scopes) }),
    };
    if (!token.scopes)
      return { ...base, status: 'notChecked', detail: text('setup.scope.unlisted') };
    const missing = need.scopes.filter((s) => !grantsScope(token.scopes ?? [], s));
    if (missing.length === 0) return { ...base, status: 'works', detail: text('setup.scope.has') };
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.scope.missing', { scopes: list(missing) }),
      fix: text('setup.scope.fix', { scopes: list(missing) }),
      needs: missing,
    };
  });
}

/** A check that could not run because the user lacks a permission: never a failure. */
export function needsPermission(
  base: Pick<CheckResult, 'id' | 'features' | 'title' | 'optional'>,
  permissions: readonly string[],
): CheckResult {
  return {
    ...base,
    status: 'notChecked',
    detail: text('setup.notChecked.needs', { permissions: list(permissions) }),
    needs: [...permissions],
  };
}

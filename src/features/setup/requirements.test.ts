import { describe, expect, it } from 'vitest';
import { grantsPermission, grantsScope, hasAnyPermission } from './requirements';

describe('permissions and scopes', () => {
  it('matches a permission segment by segment, with * for any segment, in any case', () => {
    expect(grantsPermission('conversation:call:*', 'conversation:call:monitor')).toBe(true);
    expect(grantsPermission('*:*:*', 'architect:flow:view')).toBe(true);
    expect(grantsPermission('Architect:Flow:View', 'architect:flow:view')).toBe(true);
    expect(grantsPermission('conversation:call', 'conversation:call:monitor')).toBe(false);
    expect(grantsPermission('conversation:call:coach', 'conversation:call:monitor')).toBe(false);
    expect(
      hasAnyPermission(['conversation:call:record'], ['x:y:z', 'conversation:call:record']),
    ).toBe(true);
    expect(hasAnyPermission([], ['conversation:call:record'])).toBe(false);
  });

  it('lets a full scope cover its read-only form, never the other way round', () => {
    expect(grantsScope(['routing'], 'routing:readonly')).toBe(true);
    expect(grantsScope(['routing:readonly'], 'routing:readonly')).toBe(true);
    expect(grantsScope(['routing:readonly'], 'routing')).toBe(false);
    expect(grantsScope(['Conversations'], 'conversations')).toBe(true);
    expect(grantsScope(['analytics:readonly'], 'architect:readonly')).toBe(false);
  });
});

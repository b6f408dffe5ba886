import { describe, expect, it } from 'vitest';
import { carriedParams, parseLaunchParams } from './launch-params';

const CID = '2f0e7c7a-1b1c-4c55-9a1e-0d4b7b9c1a22';

describe('launch parameters', () => {
  it('carries only the known parameters, by name', () => {
    expect(carriedParams(`?gcConversationId=${CID}&code=abc&gcLangTag=de-DE`)).toEqual({
      gcConversationId: CID,
      gcLangTag: 'de-DE',
    });
  });

  it('reads gc names and falls back to legacy pc names', () => {
    expect(parseLaunchParams({ pcConversationId: CID, gcUsePopupAuth: 'TRUE' })).toMatchObject({
      conversationId: CID,
      usePopupAuth: true,
      problems: [],
    });
  });

  it('explains placeholders that were never replaced, and refuses bad values', () => {
    const params = parseLaunchParams({
      gcConversationId: '{{gcConversationId}}',
      gcHostOrigin: 'javascript:alert(1)',
      gcLangTag: '<script>',
    });
    expect(params.conversationId).toBeUndefined();
    expect(params.hostOrigin).toBeUndefined();
    expect(params.problems).toEqual([
      { id: 'launch.placeholder', values: { name: 'gcConversationId', kind: 'conversationId' } },
      { id: 'launch.invalid', values: { name: 'gcHostOrigin', kind: 'hostOrigin' } },
      { id: 'launch.invalid', values: { name: 'gcLangTag', kind: 'langTag' } },
    ]);
  });

  it('opens the agent panel, the supervisor view or the setup check, and refuses other views', () => {
    expect(parseLaunchParams({ view: 'Setup' }).view).toBe('setup');
    expect(parseLaunchParams({ view: 'supervisor' }).view).toBe('supervisor');
    expect(parseLaunchParams({ view: 'admin' })).toMatchObject({
      view: undefined,
      problems: [{ id: 'launch.invalid', values: { name: 'view', kind: 'view' } }],
    });
    expect(carriedParams('?view=setup&code=abc')).toEqual({ view: 'setup' });
  });
});

import { describe, expect, it } from 'vitest';
import type { IntentView } from '../../calls/intents/intent-registry';
import { PlatformError } from '../../platform/errors';
import { summarizeSave } from './save-summary';

const view = (v: Partial<IntentView<string>>): IntentView<string> => ({
  shown: undefined,
  confirmed: undefined,
  pending: false,
  ...v,
});

describe('summarizeSave', () => {
  const save = { id: 1, source: 'agent' as const, values: { a: '1', b: '2', c: '3', d: '4' } };

  it('is not done while any key is still pending', () => {
    const summary = summarizeSave(save, (key) =>
      key === 'a'
        ? view({ shown: '1', pending: true })
        : view({ shown: save.values[key as 'b'], confirmed: save.values[key as 'b'] }),
    );
    expect(summary.done).toBe(false);
    expect(summary.saved).toEqual(['b', 'c', 'd']);
  });

  it('says exactly what was saved, what failed and why, and what someone else changed', () => {
    const error = new PlatformError('conflict', 'Conflict', { status: 409 });
    const views: Record<string, IntentView<string>> = {
      a: view({ shown: '1', confirmed: '1' }),
      b: view({
        shown: 'old',
        confirmed: 'old',
        outcome: { kind: 'failed', field: 'b', value: '2', error },
      }),
      c: view({ shown: 'theirs', confirmed: 'theirs' }),
      d: view({ shown: 'x', confirmed: 'old', pending: true }),
    };
    const summary = summarizeSave(save, (key) => views[key]!);
    expect(summary).toEqual({
      done: true,
      saved: ['a'],
      failed: [{ key: 'b', state: 'failed', outcome: views.b!.outcome }],
      replaced: [
        { key: 'c', state: 'replaced', now: 'theirs' },
        { key: 'd', state: 'replaced', now: 'x' },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { feed, flags, NOW, server } from './intent-machine-harness';

/** Hold clicked, the PATCH answered a 5xx, and the settling re-read shows the call not held. */
function failedHold() {
  const out = feed(flags(), [
    { type: 'request', values: { held: true } },
    { type: 'slot' },
    { type: 'failed', error: server(), jitter: 0 },
  ]);
  const reread = out.effects.at(-1);
  if (reread?.type !== 'reread' || !reread.settle) throw new Error('no settling re-read');
  return feed(out.state, [
    { type: 'confirm', state: { muted: false, held: false } },
    { type: 'reread', settle: reread.settle },
  ]);
}

describe('provenance after a 5xx the re-read settled as not applied (chaos seed 11, step 103)', () => {
  it('a later hold within the window is neither "by you" nor "outside": who made it is not known', () => {
    const settled = failedHold();
    expect(settled.effects).toContainEqual({
      type: 'outcome',
      outcome: { kind: 'failed', field: 'held', value: true, error: server() },
    });
    const later = feed(
      settled.state,
      [{ type: 'confirm', state: { muted: false, held: true } }],
      NOW + 5000,
    );
    expect(later.effects).toEqual([
      {
        type: 'change',
        change: { field: 'held', value: true, ours: false, unsure: true, at: NOW + 5000 },
      },
    ]);
  });

  it('after the window, or for another value, the change is plainly not ours', () => {
    const settled = failedHold();
    const late = feed(
      settled.state,
      [{ type: 'confirm', state: { muted: false, held: true } }],
      NOW + 31_000,
    );
    expect(late.effects).toEqual([
      { type: 'change', change: { field: 'held', value: true, ours: false, at: NOW + 31_000 } },
    ]);
    const other = feed(
      settled.state,
      [{ type: 'confirm', state: { muted: true, held: false } }],
      NOW + 1000,
    );
    expect(other.effects).toEqual([
      { type: 'change', change: { field: 'muted', value: true, ours: false, at: NOW + 1000 } },
    ]);
  });

  it('a new click of the same target sends it again, and its confirmation is ours for certain', () => {
    const settled = failedHold();
    const again = feed(
      settled.state,
      [
        { type: 'request', values: { held: true } },
        { type: 'slot' },
        { type: 'accepted' },
        { type: 'confirm', state: { muted: false, held: true } },
      ],
      NOW + 2000,
    );
    expect(again.effects).toContainEqual({
      type: 'change',
      change: { field: 'held', value: true, ours: true, at: NOW + 2000 },
    });
  });
});

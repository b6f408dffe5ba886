import { describe, expect, it } from 'vitest';
import type { IntentView } from '../../calls/intents/intent-registry';
import { caption } from './provenance';

const view = (over: Partial<IntentView<boolean>>): IntentView<boolean> => ({
  shown: false,
  confirmed: false,
  pending: false,
  ...over,
});

describe('caption', () => {
  it('says pending while the intent is not confirmed', () => {
    expect(caption('muted', view({ shown: true, pending: true })).id).toBe('mute.pendingOn');
    expect(caption('held', view({ shown: false, pending: true })).id).toBe('hold.pendingOff');
  });

  it('says "by you" only when a request of this panel explains the change', () => {
    const ours = { value: true, ours: true, at: 1 };
    expect(caption('muted', view({ shown: true, provenance: ours })).id).toBe('mute.yoursOn');
  });

  it('says "outside this panel" with the time otherwise, and never a name', () => {
    const outside = { value: true, ours: false, at: Date.UTC(2026, 10, 21, 10, 42, 7) };
    expect(caption('held', view({ shown: true, provenance: outside }))).toEqual({
      id: 'hold.outsideOn',
      values: { time: new Date(outside.at) },
    });
  });

  it('says nothing about who when a failed request of this panel may have landed late', () => {
    const unsure = { value: true, ours: false, unsure: true as const, at: 1 };
    expect(caption('held', view({ shown: true, provenance: unsure }))).toEqual({ id: 'hold.on' });
  });

  it('falls back to the plain state when nothing explains it', () => {
    expect(caption('muted', view({ shown: true })).id).toBe('mute.on');
    expect(
      caption('muted', view({ shown: false, provenance: { value: true, ours: true, at: 1 } })).id,
    ).toBe('mute.off');
  });
});

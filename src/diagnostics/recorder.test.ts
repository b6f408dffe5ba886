import { describe, expect, it } from 'vitest';
import { DiagnosticsRecorder } from './recorder';
import { DEFAULT_WINDOW_MS, MAX_ENTRIES } from './trace-types';

function recorderAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, recorder: new DiagnosticsRecorder({ now: () => clock.now }) };
}

describe('DiagnosticsRecorder', () => {
  it('keeps at most 2,000 entries by default: the newest, stamped with the widget clock', () => {
    const { clock, recorder } = recorderAt();
    for (let i = 0; i < MAX_ENTRIES + 500; i += 1) {
      clock.now += 10;
      recorder.record({ kind: 'link', status: 'live', attempt: i });
    }
    const { entries, dropped } = recorder.entries();
    expect(entries).toHaveLength(MAX_ENTRIES);
    expect(entries[0]).toMatchObject({ kind: 'link', attempt: 500 });
    expect(entries.at(-1)).toMatchObject({ attempt: MAX_ENTRIES + 499, at: clock.now });
    expect(dropped).toBe(500);
  });

  it('gives only the last 10 minutes by default, counting the older entries as dropped', () => {
    const { clock, recorder } = recorderAt();
    recorder.record({ kind: 'session', status: 'signingIn' });
    clock.now += DEFAULT_WINDOW_MS - 1;
    recorder.record({ kind: 'session', status: 'signedIn' });
    expect(recorder.entries().entries).toHaveLength(2);
    clock.now += 2;
    const { entries, dropped } = recorder.entries();
    expect(entries.map((e) => e.kind === 'session' && e.status)).toEqual(['signedIn']);
    expect(dropped).toBe(1);
  });

  it('keeps the frames it holds under about 1 MB: a long shift of big calls drops the oldest', () => {
    const { clock, recorder } = recorderAt();
    const legs = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}` }));
    for (let i = 0; i < MAX_ENTRIES; i += 1) {
      clock.now += 1;
      recorder.record({
        kind: 'frame',
        event: { topicName: 't', body: { id: `c${i}`, participants: legs } },
        delivered: true,
      });
    }
    const { entries, dropped } = recorder.entries();
    // 10 legs weigh about 7.3 KB: 1 MB holds the newest 143 frames.
    expect(entries).toHaveLength(143);
    expect(dropped).toBe(MAX_ENTRIES - 143);
    expect(entries.at(-1)).toMatchObject({ event: { body: { id: `c${MAX_ENTRIES - 1}` } } });
  });

  it('takes REST exchanges through its HTTP observer', () => {
    const { recorder } = recorderAt();
    recorder.rest({
      method: 'GET',
      url: 'https://api.x/api/v2/users/me',
      status: 200,
      durationMs: 4,
    });
    expect(recorder.entries().entries).toEqual([
      expect.objectContaining({ kind: 'rest', exchange: expect.objectContaining({ status: 200 }) }),
    ]);
  });
});

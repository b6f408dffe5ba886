import { describe, expect, it, vi } from 'vitest';
import type { Call } from '../../platform/types';
import type { CallUpdate } from '../../calls/call-sync';
import { participant } from '../../testing/factories';
import { LiveTableModel } from './live-table-model';

/** A busy floor: the table sorts again only for a change that may move a row. */
const callOf = (id: string, start: number, muted = false): Call => ({
  id,
  participants: [
    participant({ id: `${id}-c`, purpose: 'customer', startTime: start }),
    participant({ id: `${id}-q`, purpose: 'acd', queueId: 'q1', state: 'terminated' }),
    participant({ id: `${id}-a`, userId: `u-${id}`, muted }),
  ],
});

function floor(size: number) {
  const ids = Array.from({ length: size }, (_, i) => `c${i}`);
  const cache = new Map(ids.map((id, i) => [id, callOf(id, i)]));
  const updates = new Set<(u: CallUpdate) => void>();
  const frames: (() => void)[] = [];
  const agentName = vi.fn((id: string) => `Agent ${id}`);
  const model = new LiveTableModel({
    watch: {
      ids: () => ids,
      summary: () => undefined,
      queueOf: () => 'q1',
      asOf: () => undefined,
      isUnreadable: () => false,
      onChange: () => () => undefined,
    },
    calls: {
      get: (id) => cache.get(id),
      onUpdate: (l) => {
        updates.add(l);
        return () => updates.delete(l);
      },
    },
    names: { agent: agentName, queue: () => 'Support' },
    queueIds: () => ['q1'],
    schedule: (flush) => {
      frames.push(flush);
      return () => undefined;
    },
    scheduler: { every: () => () => undefined },
  });
  model.start();
  const frame = () => frames.splice(0).forEach((flush) => flush());
  const update = (call: Call) => {
    cache.set(call.id, call);
    for (const l of updates) l({ call, changes: [], meta: { at: 0, source: 'event' } });
  };
  return { model, frame, update, agentName };
}

describe('LiveTableModel sorting on a busy floor', () => {
  it('a mute does not sort the rows again; a change of the sort value does', () => {
    const t = floor(200);
    t.model.setSort({ key: 'agent', direction: 'ascending' });
    t.frame();
    expect(t.model.getView().order[0]).toBe('c0');
    t.agentName.mockClear();
    t.update(callOf('c5', 5, true));
    t.frame();
    expect(t.model.getRow('c5')?.muted).toBe(true);
    // Only the changed row's old and new sort values were read, not a sort of 200 rows.
    expect(t.agentName.mock.calls.length).toBeLessThanOrEqual(2);

    t.model.setSort({ key: 'duration', direction: 'descending' });
    t.frame();
    expect(t.model.getView().order[0]).toBe('c0');
    t.update(callOf('c7', -1)); // now the longest call: it moves to the top
    t.frame();
    expect(t.model.getView().order.slice(0, 2)).toEqual(['c7', 'c0']);
  });
});

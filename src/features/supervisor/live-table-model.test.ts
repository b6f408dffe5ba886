import { describe, expect, it, vi } from 'vitest';
import type { ConversationActivity } from '../../platform/supervision';
import type { Call } from '../../platform/types';
import type { CallUpdate } from '../../calls/call-sync';
import { participant } from '../../testing/factories';
import { LiveTableModel } from './live-table-model';
import type { Names } from './table-order';

function callOf(
  id: string,
  over: { muted?: boolean; start?: number; agent?: string; playback?: Record<string, string> } = {},
): Call {
  return {
    id,
    participants: [
      participant({
        id: `${id}-c`,
        purpose: 'customer',
        startTime: over.start ?? 0,
        attributes: over.playback ?? {},
      }),
      participant({ id: `${id}-q`, purpose: 'acd', queueId: 'q1', state: 'terminated' }),
      participant({ id: `${id}-a`, userId: over.agent ?? `u-${id}`, muted: over.muted ?? false }),
    ],
  };
}

/** A fake watch and call cache (the real ones are covered by queue-watch.test.ts). */
function setup() {
  const lists: string[] = [];
  const summaries = new Map<string, ConversationActivity>();
  const asOf = new Map<string, number>();
  const unreadable = new Set<string>();
  const cache = new Map<string, Call>();
  const changeListeners = new Set<(ids: readonly string[]) => void>();
  const updateListeners = new Set<(u: CallUpdate) => void>();
  const frames: (() => void)[] = [];
  const ticks: (() => void)[] = [];
  const names: Record<string, string> = {};
  const namesApi: Names = { agent: (id) => names[id], queue: () => 'Support' };
  const onAgents = vi.fn();
  const model = new LiveTableModel({
    watch: {
      ids: () => [...lists],
      summary: (id) => summaries.get(id),
      queueOf: (id) => (lists.includes(id) ? 'q1' : undefined),
      asOf: (id) => asOf.get(id),
      isUnreadable: (id) => unreadable.has(id),
      onChange: (l) => {
        changeListeners.add(l);
        return () => changeListeners.delete(l);
      },
    },
    calls: {
      get: (id) => cache.get(id),
      onUpdate: (l) => {
        updateListeners.add(l);
        return () => updateListeners.delete(l);
      },
    },
    names: namesApi,
    queueIds: () => ['q1', 'q2'],
    onAgents,
    rowsPerFrame: 100,
    schedule: (flush) => {
      frames.push(flush);
      return () => frames.splice(frames.indexOf(flush), 1);
    },
    scheduler: {
      every: (_ms, run) => {
        ticks.push(run);
        return () => void ticks.splice(ticks.indexOf(run), 1);
      },
    },
  });
  const stop = model.start();
  const frame = () => {
    const pending = frames.splice(0);
    for (const flush of pending) flush();
    return pending.length;
  };
  /** A call joins (list + cache), as the watch reports it. */
  const join = (call: Call) => {
    cache.set(call.id, call);
    lists.push(call.id);
    for (const l of changeListeners) l([call.id]);
  };
  const update = (call: Call) => {
    cache.set(call.id, call);
    for (const l of updateListeners) l({ call, changes: [], meta: { at: 0, source: 'event' } });
  };
  const leave = (id: string) => {
    lists.splice(lists.indexOf(id), 1);
    cache.delete(id);
    for (const l of changeListeners) l([id]);
  };
  return {
    model,
    frame,
    join,
    update,
    leave,
    summaries,
    asOf,
    unreadable,
    lists,
    changeListeners,
    names,
    onAgents,
    ticks,
    stop,
    frames,
  };
}

describe('LiveTableModel', () => {
  it('builds at most rowsPerFrame rows a frame, the rest in the next frames, then stops asking', () => {
    const t = setup();
    t.frame();
    for (let i = 0; i < 250; i += 1) t.join(callOf(`c${i}`, { start: i }));
    expect(t.frame()).toBe(1);
    expect(t.model.getView().order).toHaveLength(100);
    expect(t.frame()).toBe(1);
    expect(t.model.getView().order).toHaveLength(200);
    expect(t.frame()).toBe(1);
    expect(t.model.getView().order).toHaveLength(250);
    expect(t.frames).toHaveLength(0);
  });

  it('batches any number of changes into one flush per frame', () => {
    const t = setup();
    t.frame();
    for (let i = 0; i < 50; i += 1) t.join(callOf(`c${i}`, { start: i }));
    for (let i = 0; i < 50; i += 1) t.update(callOf(`c${i}`, { start: i, muted: true }));
    expect(t.frames).toHaveLength(1);
    t.frame();
    expect(t.model.getView().order).toHaveLength(50);
    expect(t.model.getRow('c7')?.muted).toBe(true);
  });

  it('re-notifies and rebuilds only the row whose call changed; others keep their object', () => {
    const t = setup();
    t.join(callOf('a'));
    t.join(callOf('b'));
    t.frame();
    const rowB = t.model.getRow('b');
    const a = vi.fn();
    const b = vi.fn();
    t.model.subscribeRow('a', a);
    t.model.subscribeRow('b', b);
    t.update(callOf('a', { muted: true }));
    t.update(callOf('b')); // a new snapshot with nothing the table shows changed
    t.frame();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
    expect(t.model.getRow('b')).toBe(rowB);
  });

  it('shows a summary row until the call is read, then the full row', () => {
    const t = setup();
    t.summaries.set('s', { conversationId: 's', metric: 'oWaiting', queueId: 'q1' });
    t.lists.push('s');
    for (const l of t.changeListeners) l(['s']);
    t.frame();
    expect(t.model.getRow('s')).toMatchObject({ state: 'waiting', complete: false });
    t.summaries.delete('s');
    t.update(callOf('s', { muted: true }));
    t.frame();
    expect(t.model.getRow('s')).toMatchObject({ state: 'connected', muted: true, complete: true });
  });

  it('marks a row "as of" while its call owes a re-read, and unmarks it when the watch says so', () => {
    const t = setup();
    t.join(callOf('a', { muted: true }));
    t.frame();
    const fresh = t.model.getRow('a');
    expect(fresh?.asOf).toBeUndefined();
    const seen = vi.fn();
    t.model.subscribeRow('a', seen);
    t.asOf.set('a', 1234);
    for (const l of t.changeListeners) l(['a']);
    t.frame();
    expect(t.model.getRow('a')).toMatchObject({ muted: true, asOf: 1234 });
    expect(seen).toHaveBeenCalledTimes(1);
    t.asOf.delete('a');
    t.unreadable.add('a');
    for (const l of t.changeListeners) l(['a']);
    t.frame();
    expect(t.model.getRow('a')).toMatchObject({ unreadable: true });
    expect(t.model.getRow('a')?.asOf).toBeUndefined();
  });

  it('a call that leaves disappears from the rows and the order', () => {
    const t = setup();
    t.join(callOf('a'));
    t.join(callOf('b'));
    t.frame();
    const a = vi.fn();
    t.model.subscribeRow('a', a);
    t.leave('a');
    t.frame();
    expect(t.model.getRow('a')).toBeUndefined();
    expect(t.model.getView()).toMatchObject({ order: ['b'], total: 1 });
    expect(a).toHaveBeenCalledTimes(1);
  });

  it('keeps the same view object while the order has not changed', () => {
    const t = setup();
    t.join(callOf('a', { start: 1 }));
    t.join(callOf('b', { start: 2 }));
    t.frame();
    const view = t.model.getView();
    const listener = vi.fn();
    t.model.subscribeView(listener);
    t.update(callOf('a', { start: 1, muted: true }));
    t.frame();
    expect(t.model.getView()).toBe(view);
    expect(listener).not.toHaveBeenCalled();
    t.model.setFilter({ state: 'muted' });
    // The filter shows at once (a controlled input must not lose keystrokes); the order next frame.
    expect(listener).toHaveBeenCalledTimes(1);
    expect(t.model.getView()).toMatchObject({ order: ['a', 'b'], filter: { state: 'muted' } });
    t.frame();
    expect(t.model.getView()).toMatchObject({ order: ['a'], total: 2, filter: { state: 'muted' } });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('re-sorts when names arrive only if the order depends on them', () => {
    const t = setup();
    t.join(callOf('a', { agent: 'u1' }));
    t.join(callOf('b', { agent: 'u2' }));
    t.frame();
    t.model.namesChanged();
    expect(t.frames).toHaveLength(0);
    t.model.setSort({ key: 'agent', direction: 'ascending' });
    t.frame();
    t.names.u1 = 'Zed';
    t.names.u2 = 'Amy';
    t.model.namesChanged();
    t.frame();
    expect(t.model.getView().order).toEqual(['b', 'a']);
  });

  it('asks for each new agent’s name once', () => {
    const t = setup();
    t.join(callOf('a', { agent: 'u1' }));
    t.join(callOf('b', { agent: 'u1' }));
    t.join(callOf('c', { agent: 'u2' }));
    t.frame();
    t.update(callOf('a', { agent: 'u1', muted: true }));
    t.frame();
    expect(t.onAgents.mock.calls).toEqual([[['u1', 'u2']]]);
  });

  it('counts figures, the playback completion rate and samples the history', () => {
    const t = setup();
    t.join(callOf('a', { muted: true }));
    t.join(callOf('b'));
    const done = (state: string, requestId: string) => ({
      'lcp.playback.state': state,
      'lcp.playback.requestId': requestId,
    });
    t.update(callOf('a', { muted: true, playback: done('completed', 'r1') }));
    t.update(callOf('a', { muted: true, playback: done('completed', 'r1') }));
    t.update(callOf('b', { playback: done('stopped', 'r2') }));
    t.frame();
    expect(t.model.getFigures()).toMatchObject({
      total: 2,
      muted: 1,
      held: 0,
      perQueue: [
        { queueId: 'q1', count: 2 },
        { queueId: 'q2', count: 0 },
      ],
      playback: { completed: 1, ended: 2 },
    });
    t.ticks[0]!();
    t.update(callOf('a'));
    t.frame();
    t.ticks[0]!();
    expect(t.model.getFigures().history).toEqual({ muted: [1, 0], held: [0, 0] });
  });

  it('stop() lets go of everything', () => {
    const t = setup();
    t.stop();
    expect(t.changeListeners.size).toBe(0);
    expect(t.ticks).toHaveLength(0);
    expect(t.frames).toHaveLength(0);
  });
});

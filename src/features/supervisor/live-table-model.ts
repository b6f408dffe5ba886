import type { Call } from '../../platform/types';
import { createScheduler, type Scheduler } from '../../time/scheduler';
import type { CallUpdate } from '../../calls/call-sync';
import { countRows, EMPTY_FIGURES, PlaybackTally, pushSample, type Figures } from './figures';
import { endedPlayback, rowFromActivity, rowFromCall, sameRow, type LiveRow } from './live-row';
import type { QueueWatch } from '../../calls/queues/queue-watch';
import {
  DEFAULT_SORT,
  movesInOrder,
  orderRows,
  type Names,
  type RowFilter,
  type SortSpec,
} from './table-order';

/** What the table renders: the ids in order, and how they were chosen. */
export interface TableView {
  order: readonly string[];
  sort: SortSpec;
  filter: RowFilter;
  /** Rows held before filtering. */
  total: number;
}

export interface TableModelDeps {
  watch: Pick<QueueWatch, 'ids' | 'summary' | 'queueOf' | 'onChange' | 'asOf' | 'isUnreadable'>;
  calls: { get(id: string): Call | undefined; onUpdate(l: (u: CallUpdate) => void): () => void };
  names: Names;
  /** The chosen queues, in order (for the per-queue figures). */
  queueIds(): readonly string[];
  /** Agents seen for the first time (so their names can be looked up ahead of sorting). */
  onAgents?(userIds: string[]): void;
  /** Runs `flush` before the next paint; returns a cancel function. */
  schedule?: (flush: () => void) => () => void;
  /** Rows built at most per frame (a first snapshot's rows fill in over a few frames). */
  rowsPerFrame?: number;
  /** Muted/held history sampling for the sparklines. */
  sampleEveryMs?: number;
  historyLength?: number;
  /** The widget's scheduler (the sampling interval); the host's own timers when absent. */
  scheduler?: Pick<Scheduler, 'every'>;
}

/** Enough for any burst of events; a first snapshot of hundreds of calls takes a few frames. */
const ROWS_PER_FRAME = 200;

const animationFrame = (flush: () => void) => {
  const id = requestAnimationFrame(flush);
  return () => cancelAnimationFrame(id);
};

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The live table's model, plain TypeScript: rows built from the call cache (or the activity
 * summary until a call is read), re-built only for calls that changed, at most once per
 * animation frame however many events arrived, and at most `rowsPerFrame` rows a frame (the rest
 * in the next ones, so a first snapshot of thousands never makes one long task); each row keeps
 * its object while unchanged, so a row component re-renders only when its own call changed. Also
 * the order (sort + filter) and the figures.
 *
 * @example
 * const model = new LiveTableModel({ watch, calls, names, queueIds: () => chosen });
 * const stop = model.start();
 * model.subscribeRow(id, () => render(model.getRow(id)));
 */
export class LiveTableModel {
  private readonly rows = new Map<string, LiveRow>();
  private members = new Set<string>();
  private readonly dirty = new Set<string>();
  private membershipDirty = true;
  private orderDirty = true;
  private figuresDirty = true;
  private cancelFlush?: () => void;
  private view: TableView = { order: [], sort: DEFAULT_SORT, filter: {}, total: 0 };
  private figures: Figures = EMPTY_FIGURES;
  private readonly tally = new PlaybackTally();
  private readonly knownAgents = new Set<string>();
  private readonly rowListeners = new Map<string, Set<() => void>>();
  private readonly viewListeners = new Set<() => void>();
  private readonly figureListeners = new Set<() => void>();
  private readonly schedule: (flush: () => void) => () => void;

  constructor(private readonly deps: TableModelDeps) {
    this.schedule = deps.schedule ?? animationFrame;
  }

  /** Listens to the watch and the call cache, and samples the history; returns `stop`. */
  start(): () => void {
    const offChange = this.deps.watch.onChange((ids) => {
      this.membershipDirty = true;
      this.markDirty(ids);
    });
    const offUpdate = this.deps.calls.onUpdate(({ call }) => this.callUpdated(call));
    const stopSampling = (this.deps.scheduler ?? createScheduler()).every(
      this.deps.sampleEveryMs ?? 5000,
      () => this.sample(),
    );
    this.membershipDirty = true;
    this.requestFlush();
    return () => {
      offChange();
      offUpdate();
      stopSampling();
      this.cancelFlush?.();
      this.cancelFlush = undefined;
    };
  }

  markDirty(ids: Iterable<string>): void {
    for (const id of ids) this.dirty.add(id);
    this.requestFlush();
  }

  /** Names arrived: the order may change when it depends on them. */
  namesChanged(): void {
    const { sort, filter } = this.view;
    if (sort.key === 'agent' || sort.key === 'queue' || filter.agent) {
      this.orderDirty = true;
      this.requestFlush();
    }
  }

  /** The chosen queues changed (the per-queue figures follow). */
  queuesChanged(): void {
    this.figuresDirty = true;
    this.requestFlush();
  }

  /** Takes effect on screen at once (controls show it); the order follows in the next frame. */
  setSort(sort: SortSpec): void {
    this.view = { ...this.view, sort };
    this.orderDirty = true;
    this.emitView();
    this.requestFlush();
  }

  setFilter(filter: RowFilter): void {
    this.view = { ...this.view, filter };
    this.orderDirty = true;
    this.emitView();
    this.requestFlush();
  }

  getRow(id: string): LiveRow | undefined {
    return this.rows.get(id);
  }

  subscribeRow(id: string, listener: () => void): () => void {
    const set = this.rowListeners.get(id) ?? new Set();
    set.add(listener);
    this.rowListeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.rowListeners.delete(id);
    };
  }

  getView(): TableView {
    return this.view;
  }

  subscribeView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  getFigures(): Figures {
    return this.figures;
  }

  subscribeFigures(listener: () => void): () => void {
    this.figureListeners.add(listener);
    return () => this.figureListeners.delete(listener);
  }

  /** Applies everything pending now (what the scheduled frame does). */
  flush(): void {
    this.cancelFlush = undefined;
    const changed: string[] = [];
    if (this.membershipDirty) this.syncMembers(changed);
    let room = this.deps.rowsPerFrame ?? ROWS_PER_FRAME;
    for (const id of this.dirty) {
      if (room-- <= 0) break;
      this.dirty.delete(id);
      this.rebuild(id, changed);
    }
    this.announceAgents(changed);
    if (this.orderDirty) this.reorder();
    if (changed.length > 0 || this.figuresDirty) this.refigure();
    for (const id of changed)
      for (const listener of [...(this.rowListeners.get(id) ?? [])]) listener();
    if (this.dirty.size > 0) this.requestFlush();
  }

  private callUpdated(call: Call): void {
    if (!this.members.has(call.id) && this.deps.watch.queueOf(call.id) === undefined) return;
    const ended = endedPlayback(call);
    if (ended && this.tally.record(ended.requestId, ended.state)) this.figuresDirty = true;
    this.markDirty([call.id]);
  }

  private requestFlush(): void {
    this.cancelFlush ??= this.schedule(() => this.flush());
  }

  private syncMembers(changed: string[]): void {
    this.membershipDirty = false;
    this.members = new Set(this.deps.watch.ids());
    for (const id of [...this.rows.keys()]) {
      if (this.members.has(id)) continue;
      this.rows.delete(id);
      changed.push(id);
      this.orderDirty = true;
    }
    for (const id of this.members) if (!this.rows.has(id)) this.dirty.add(id);
  }

  private rebuild(id: string, changed: string[]): void {
    if (!this.members.has(id)) return;
    const call = this.deps.calls.get(id);
    const summary = call ? undefined : this.deps.watch.summary(id);
    const next = call
      ? rowFromCall(call, this.deps.watch.queueOf(id))
      : summary && rowFromActivity(summary);
    if (next) {
      const asOf = this.deps.watch.asOf(id);
      if (asOf !== undefined) next.asOf = asOf;
      if (this.deps.watch.isUnreadable(id)) next.unreadable = true;
    }
    const previous = this.rows.get(id);
    if (!next) {
      if (this.rows.delete(id)) {
        changed.push(id);
        this.orderDirty = true;
      }
    } else if (!sameRow(previous, next)) {
      this.rows.set(id, next);
      changed.push(id);
      // Sorting 2,000 rows every frame is most of a busy floor's work: only when it may move.
      const { sort, filter } = this.view;
      if (!previous || movesInOrder(previous, next, sort, filter, this.deps.names))
        this.orderDirty = true;
    }
  }

  private announceAgents(changed: readonly string[]): void {
    const fresh: string[] = [];
    for (const id of changed) {
      const agent = this.rows.get(id)?.agentUserId;
      if (agent && !this.knownAgents.has(agent)) {
        this.knownAgents.add(agent);
        fresh.push(agent);
      }
    }
    if (fresh.length > 0) this.deps.onAgents?.(fresh);
  }

  private reorder(): void {
    this.orderDirty = false;
    const order = orderRows(this.rows.values(), this.view.sort, this.view.filter, this.deps.names);
    if (sameIds(order, this.view.order) && this.view.total === this.rows.size) return;
    this.view = { ...this.view, order, total: this.rows.size };
    this.emitView();
  }

  private emitView(): void {
    for (const listener of [...this.viewListeners]) listener();
  }

  private refigure(): void {
    this.figuresDirty = false;
    this.figures = {
      ...countRows(this.rows.values(), this.deps.queueIds()),
      playback: this.tally.counts(),
      history: this.figures.history,
    };
    for (const listener of [...this.figureListeners]) listener();
  }

  private sample(): void {
    const length = this.deps.historyLength ?? 36;
    this.figures = {
      ...this.figures,
      history: {
        muted: pushSample(this.figures.history.muted, this.figures.muted, length),
        held: pushSample(this.figures.history.held, this.figures.held, length),
      },
    };
    for (const listener of [...this.figureListeners]) listener();
  }
}

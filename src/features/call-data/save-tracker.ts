import type { AttributeIntents } from '../../calls/use-intents';
import { summarizeSave, type SaveRecord, type SaveSummary } from './save-summary';

export interface TrackedSave {
  record: SaveRecord;
  summary: SaveSummary;
}

/** How many finished saves stay on screen (the newest). */
const FINISHED_KEPT = 1;

/**
 * The saves of one participant (the agent's, and the CRM write-back): each a single
 * `requestAttributes`, followed through the intent registry until every key is confirmed by a
 * snapshot, refused or replaced. A finished save's summary is frozen (later changes of the key
 * do not rewrite what happened) and reported once through `onFinished`. Plain TS; React reads it
 * with `useSyncExternalStore`.
 *
 * @example
 * const tracker = new SaveTracker(intents, cid, pid, (s) => announce(s));
 * tracker.save({ tier: 'Gold' }, 'agent');
 */
export class SaveTracker {
  private saves: TrackedSave[] = [];
  private readonly frozen = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private stop?: () => void;
  private nextId = 1;

  constructor(
    private readonly intents: AttributeIntents,
    private readonly conversationId: string,
    private readonly participantId: string,
    private readonly onFinished: (save: TrackedSave) => void,
  ) {}

  save(values: Record<string, string>, source: SaveRecord['source'], signIn?: number): number {
    const id = this.nextId;
    this.nextId += 1;
    this.intents.requestAttributes(this.conversationId, this.participantId, values);
    const record: SaveRecord = { id, source, values, signIn };
    this.saves = [...this.saves, { record, summary: this.summarize(record) }];
    this.refresh(true);
    return id;
  }

  dismiss(id: number): void {
    const next = this.saves.filter((s) => s.record.id !== id);
    if (next.length === this.saves.length) return;
    this.saves = next;
    this.notify();
  }

  /** The saves in progress and the last finished one; the same array while nothing changed. */
  getSnapshot = (): readonly TrackedSave[] => this.saves;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.stop ??= this.intents.subscribe(() => this.refresh(false));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = undefined;
      }
    };
  };

  private summarize(record: SaveRecord): SaveSummary {
    return summarizeSave(record, (key) =>
      this.intents.attribute(this.conversationId, this.participantId, key),
    );
  }

  private refresh(changed: boolean): void {
    const finished: TrackedSave[] = [];
    let dirty = changed;
    const next = this.saves.map((save) => {
      if (this.frozen.has(save.record.id)) return save;
      const summary = this.summarize(save.record);
      if (summary.done) {
        this.frozen.add(save.record.id);
        finished.push({ record: save.record, summary });
      }
      if (sameSummary(summary, save.summary)) return save;
      dirty = true;
      return { record: save.record, summary };
    });
    if (finished.length > 0) {
      // Keep the saves in progress and the newest finished ones.
      const done = next.filter((s) => this.frozen.has(s.record.id));
      const keep = new Set(done.slice(-FINISHED_KEPT).map((s) => s.record.id));
      this.saves = next.filter((s) => !this.frozen.has(s.record.id) || keep.has(s.record.id));
    } else if (dirty) this.saves = next;
    if (dirty || finished.length > 0) this.notify();
    for (const save of finished) this.onFinished(save);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function sameSummary(a: SaveSummary, b: SaveSummary): boolean {
  return (
    a.done === b.done &&
    a.saved.join('\u0000') === b.saved.join('\u0000') &&
    a.failed.length === b.failed.length &&
    a.failed.every((f, i) => f.key === b.failed[i]?.key && f.outcome === b.failed[i]?.outcome) &&
    a.replaced.length === b.replaced.length &&
    a.replaced.every((r, i) => r.key === b.replaced[i]?.key && r.now === b.replaced[i]?.now)
  );
}

import { toPlatformError, type PlatformError } from '../../platform/errors';
import type { TopicEvent, TopicRegistry } from '../../realtime/topic-registry';
import { queueCallsTopic } from '../../realtime/topics';
import type { Cancel, Scheduler } from '../../time/scheduler';

export interface QueueTopicHandlers {
  onEvent(qid: string, event: TopicEvent): void;
  /** The topic's re-read; `current()` turns false once this subscription is let go. */
  snapshot(qid: string, current: () => boolean): Promise<void>;
  onRejected(qid: string, reason: string): void;
  onFailed(qid: string, error: PlatformError): void;
}

export interface QueueTopicsDeps {
  registry: Pick<TopicRegistry, 'subscribe' | 'resync'>;
  scheduler: Pick<Scheduler, 'after'>;
  /** Whether the channel is live (a topic added then gets its re-read from the channel). */
  isLive(): boolean;
  /** How long to wait for the channel's re-read of a newly watched queue before asking for it. */
  ensureSnapshotMs?: number;
}

interface Entry {
  off(): void;
  cancelEnsure?: Cancel;
  snapshotStarted: boolean;
}

/**
 * One queue-calls topic per watched queue in the topic registry, and the guarantee that each new
 * one gets its snapshot: the channel re-reads a topic after it subscribes it, but a topic it
 * still held (let go and taken back within its debounce) gets none, so one is asked for.
 *
 * @example
 * const topics = new QueueTopics(deps, { onEvent, snapshot, onRejected, onFailed });
 * topics.add('q1');
 * topics.remove('q1');
 */
export class QueueTopics {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly deps: QueueTopicsDeps,
    private readonly handlers: QueueTopicHandlers,
  ) {}

  ids(): string[] {
    return [...this.entries.keys()];
  }

  has(qid: string): boolean {
    return this.entries.has(qid);
  }

  add(qid: string): void {
    const entry: Entry = { off: () => undefined, snapshotStarted: false };
    this.entries.set(qid, entry);
    const current = () => this.entries.get(qid) === entry;
    const topic = queueCallsTopic(qid);
    try {
      entry.off = this.deps.registry.subscribe({
        topic,
        onEvent: (event) => this.handlers.onEvent(qid, event),
        resync: () => {
          if (!current()) return Promise.resolve();
          entry.snapshotStarted = true;
          return this.handlers.snapshot(qid, current);
        },
        onRejected: (reason) => this.handlers.onRejected(qid, reason),
      });
    } catch (error) {
      this.handlers.onFailed(qid, toPlatformError(error));
      return;
    }
    entry.cancelEnsure = this.deps.scheduler.after(this.deps.ensureSnapshotMs ?? 1000, () => {
      entry.cancelEnsure = undefined;
      if (!current() || entry.snapshotStarted || !this.deps.isLive()) return;
      void this.deps.registry.resync([topic]).catch(() => undefined);
    });
  }

  remove(qid: string): void {
    const entry = this.entries.get(qid);
    entry?.off();
    entry?.cancelEnsure?.();
    this.entries.delete(qid);
  }
}

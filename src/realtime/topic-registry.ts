import { createScheduler, NamedTimers, type Scheduler } from '../time/scheduler';

/** One event for a subscribed topic, as it came off the socket (the body not yet parsed). */
export interface TopicEvent {
  topicName: string;
  body: unknown;
  correlationId?: string;
}

export interface TopicSubscription {
  topic: string;
  onEvent(event: TopicEvent): void;
  /**
   * Re-reads this topic's state over REST. Runs once after every (re)subscribe of the topic;
   * the topic's events that arrive meanwhile are held and delivered after it.
   */
  resync?(): Promise<void>;
  /** The platform refused the topic (e.g. a missing permission). */
  onRejected?(reason: string): void;
}

/** The platform allows 1000 topics per channel (contract §3.2). */
const MAX_TOPICS = 1000;

export class TopicLimitError extends Error {
  readonly code = 'topics.limit';
  constructor(readonly limit: number) {
    super(`A notifications channel holds at most ${limit} topics.`);
  }
}

export interface TopicRegistryOptions {
  maxTopics?: number;
  /** Changes to the topic set within this window roll into one subscription request. */
  debounceMs?: number;
  /** The widget's scheduler; the host's own timers when absent. */
  scheduler?: Scheduler;
}

interface Entry {
  name: string;
  subscriptions: Set<TopicSubscription>;
  /** Events held while this topic's owners re-read. */
  held: TopicEvent[] | null;
}

/**
 * The topics the widget's features need, and who gets their events. Features `subscribe()`;
 * the channel holds the union, replaces its subscriptions in one debounced request when the set
 * changes, routes each event by `topicName`, and after every (re)subscribe asks `resync()`.
 *
 * @example
 * const off = registry.subscribe({ topic: userCallsTopic(me), onEvent, resync: reReadMyCalls });
 * off(); // the channel drops the topic in its next subscription request
 */
export class TopicRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly timers: NamedTimers;
  private readonly maxTopics: number;
  private readonly debounceMs: number;

  constructor(options: TopicRegistryOptions = {}) {
    this.maxTopics = options.maxTopics ?? MAX_TOPICS;
    this.debounceMs = options.debounceMs ?? 25;
    this.timers = new NamedTimers(options.scheduler ?? createScheduler());
  }

  /** Adds a subscription; throws TopicLimitError when a new topic would pass the limit. */
  subscribe(subscription: TopicSubscription): () => void {
    const key = subscription.topic.toLowerCase();
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.maxTopics) throw new TopicLimitError(this.maxTopics);
      entry = { name: subscription.topic, subscriptions: new Set(), held: null };
      this.entries.set(key, entry);
      this.changed();
    }
    entry.subscriptions.add(subscription);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.entries.get(key);
      if (!current?.subscriptions.delete(subscription)) return;
      if (current.subscriptions.size === 0) {
        this.entries.delete(key);
        this.changed();
      }
    };
  }

  /** The union of subscribed topics, as first spelled by a subscriber. */
  topics(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  has(topicName: string): boolean {
    return this.entries.has(topicName.toLowerCase());
  }

  /** Called (debounced) when the topic set changed; returns the function that removes it. */
  onTopicsChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers an event to the topic's subscribers; false when nobody subscribed to it. */
  dispatch(event: TopicEvent): boolean {
    const entry = this.entries.get(event.topicName.toLowerCase());
    if (!entry) return false;
    if (entry.held) entry.held.push(event);
    else for (const s of [...entry.subscriptions]) s.onEvent(event);
    return true;
  }

  /** Tells the owners of `topic` that the platform refused it. */
  reject(topic: string, reason: string): void {
    const entry = this.entries.get(topic.toLowerCase());
    for (const s of entry?.subscriptions ?? []) s.onRejected?.(reason);
  }

  /**
   * Runs each owner's resync once for the given topics (all by default), holding each topic's
   * events until its owners' re-reads finish, then delivering them in order. A resync shared by
   * several topics runs once. Rejects with the first failure after every re-read has settled.
   */
  async resync(topics?: readonly string[]): Promise<void> {
    const wanted = topics
      ? topics.flatMap((t) => this.entries.get(t.toLowerCase()) ?? [])
      : [...this.entries.values()];
    const runs = new Map<() => Promise<void>, Entry[]>();
    for (const entry of wanted) {
      entry.held ??= [];
      for (const s of entry.subscriptions) {
        if (!s.resync) continue;
        const key = s.resync;
        runs.set(key, [...(runs.get(key) ?? []), entry]);
      }
    }
    const pending = new Map<Entry, number>();
    for (const entries of runs.values())
      for (const e of entries) pending.set(e, (pending.get(e) ?? 0) + 1);
    const release = (entry: Entry) => {
      const left = (pending.get(entry) ?? 1) - 1;
      pending.set(entry, left);
      if (left <= 0) this.release(entry);
    };
    for (const entry of wanted) if (!pending.has(entry)) this.release(entry);
    const results = await Promise.allSettled(
      [...runs].map(async ([run, entries]) => {
        try {
          await run();
        } finally {
          for (const entry of entries) release(entry);
        }
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Stops the debounce timer; subscriptions stay (the registry outlives channels). */
  dispose(): void {
    this.timers.clearAll();
  }

  private release(entry: Entry): void {
    const held = entry.held ?? [];
    entry.held = null;
    for (const event of held) for (const s of [...entry.subscriptions]) s.onEvent(event);
  }

  private changed(): void {
    this.timers.set('changed', this.debounceMs, () => {
      for (const listener of [...this.listeners]) listener();
    });
  }
}

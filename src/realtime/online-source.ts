export type OnlineSetup = (setOnline: (online: boolean) => void) => () => void;

const windowEvents: OnlineSetup = (setOnline) => {
  if (typeof window === 'undefined') return () => undefined;
  const online = () => setOnline(true);
  const offline = () => setOnline(false);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
};

/**
 * The browser's online/offline events as a subscribable source. Window listeners are attached
 * on the first subscriber and removed with the last; the source can be replaced (tests, or an
 * embedding host that knows better).
 *
 * @example
 * const off = onlineSource.subscribe((online) => online && channel.reconnectNow());
 */
export class OnlineSource {
  private readonly listeners = new Set<(online: boolean) => void>();
  private cleanup?: () => void;

  constructor(private setup: OnlineSetup = windowEvents) {}

  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.cleanup = this.setup((online) => this.emit(online));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.cleanup?.();
        this.cleanup = undefined;
      }
    };
  }

  /** Swaps the event source; re-attaches if anyone is listening. */
  setEventListener(setup: OnlineSetup): void {
    this.cleanup?.();
    this.setup = setup;
    this.cleanup = this.listeners.size > 0 ? setup((online) => this.emit(online)) : undefined;
  }

  private emit(online: boolean): void {
    for (const listener of [...this.listeners]) listener(online);
  }
}

import { useSyncExternalStore } from 'react';
import { useServices } from '../../services/widget-services';
import type { LocalPlayback } from './play-request';
import { slotKey } from '../../services/widget-slots';

/** Calls whose last playback the store remembers (the newest ones; older calls are forgotten). */
const CALLS_KEPT = 20;

/**
 * The playbacks this panel asked for, one per call (the newest), so that switching calls or
 * closing the panel keeps what it knows. One store per mounted widget.
 */
export class PlaybackStore {
  private readonly byCall = new Map<string, LocalPlayback>();
  private readonly listeners = new Set<() => void>();

  get(conversationId: string): LocalPlayback | undefined {
    return this.byCall.get(conversationId);
  }

  /** A new playback replaces the call's previous one. */
  put(playback: LocalPlayback): void {
    this.byCall.delete(playback.conversationId);
    this.byCall.set(playback.conversationId, playback);
    for (const id of [...this.byCall.keys()].slice(0, Math.max(0, this.byCall.size - CALLS_KEPT)))
      this.byCall.delete(id);
    this.notify();
  }

  /** Changes that playback, if it is still the call's current one. */
  patch(conversationId: string, requestId: string, change: Partial<LocalPlayback>): void {
    const current = this.byCall.get(conversationId);
    if (current?.requestId !== requestId) return;
    this.byCall.set(conversationId, { ...current, ...change });
    this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Each widget's local playback state, kept in its slots (never shared between widgets). */
const PLAYBACK_STORE = slotKey<PlaybackStore>('playback.store');

/** The store of the widget these services belong to. */
export function usePlaybackStore(): PlaybackStore {
  const { slots } = useServices();
  return slots.get(PLAYBACK_STORE, () => new PlaybackStore());
}

export function useLocalPlayback(conversationId: string): LocalPlayback | undefined {
  const store = usePlaybackStore();
  return useSyncExternalStore(store.subscribe, () => store.get(conversationId));
}

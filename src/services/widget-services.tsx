import type { I18n } from '@lingui/core';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../platform/platform';
import type { CallSync } from '../calls/call-sync';
import type { ConnectionState, ConnectionStore } from '../realtime/connection-store';
import type { TopicRegistry } from '../realtime/topic-registry';
import type { SessionState, SessionStore } from '../stores/session-store';
import type { UiState, UiStore } from '../stores/ui-store';
import type { NameDirectory } from '../directory/name-directory';
import type { IntentRegistry } from '../calls/intents/intent-registry';
import { createNowClock } from '../time/now-clock';
import type { Scheduler } from '../time/scheduler';
import { NowClockContext } from '../time/use-now';
import { slotKey, type WidgetSlots } from './widget-slots';

/** Everything a mounted widget shares; one per mount, so two widgets on a page never mix. */
export interface WidgetServices {
  platform: Platform;
  session: SessionStore;
  connection: ConnectionStore;
  ui: UiStore;
  /** Topics the features need; the notifications channel follows it. */
  registry: TopicRegistry;
  /** Call snapshots → query cache, with the diffs of every change. */
  calls: CallSync;
  /** The agent's pending changes, their provenance and outcomes, per call. */
  intents: IntentRegistry;
  directory: NameDirectory;
  i18n: I18n;
  /** Opens the sign-in window; call it from a click. */
  renewSignIn(): Promise<void>;
  /** A request found the token refused (401). */
  onUnauthorized(): void;
  /** The widget's one scheduler: every timer of the widget runs on it. */
  scheduler: Scheduler;
  /** Per-widget state of the features (disposed when the widget stops); never module-level. */
  slots: WidgetSlots;
}

const NOW_CLOCK = slotKey<ReturnType<typeof createNowClock>>('time.now-clock', (clock) =>
  clock.dispose(),
);

const ServicesContext = createContext<WidgetServices | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: WidgetServices;
  children: ReactNode;
}) {
  // Looked up on first use, so services without a clock (a test's partial set) still provide.
  const clock = useCallback(
    () => services.slots.get(NOW_CLOCK, () => createNowClock(services.scheduler)),
    [services],
  );
  return (
    <ServicesContext.Provider value={services}>
      <NowClockContext.Provider value={clock}>{children}</NowClockContext.Provider>
    </ServicesContext.Provider>
  );
}

export function useServices(): WidgetServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>.');
  return services;
}

export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useServices().session, selector);
}

export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useServices().connection, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useServices().ui, selector);
}

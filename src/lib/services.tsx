import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../platform/platform';
import type { ConnectionState, ConnectionStore } from '../realtime/connection-store';
import type { SessionState, SessionStore } from '../stores/session-store';
import type { UiState, UiStore } from '../stores/ui-store';

/** Everything a mounted widget shares; one per mount, so two widgets on a page never mix. */
export interface WidgetServices {
  platform: Platform;
  session: SessionStore;
  connection: ConnectionStore;
  ui: UiStore;
  /** Re-read the user's calls over REST once (after a failed or unconfirmed change). */
  resync(): Promise<void>;
  /** Called when a request found the token expired: re-authenticate, keep the panel. */
  onUnauthorized(): void;
}

const ServicesContext = createContext<WidgetServices | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: WidgetServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
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

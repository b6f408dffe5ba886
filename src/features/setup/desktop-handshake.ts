import { slotKey } from '../../services/widget-slots';

/** Whether the desktop's first lifecycle hook reached this widget (kept from the page's load). */
export interface DesktopHandshake {
  bootstrapSeen(): boolean;
  stop(): void;
}

/**
 * Per widget, when it opens on the setup view framed by a desktop: the desktop sends `bootstrap`
 * once, when the frame loads, long before the setup view's chunk (and the admin's click), so
 * the composition root listens from the start and the check reads it later.
 */
export const DESKTOP_HANDSHAKE = slotKey<DesktopHandshake>('setup.desktop-handshake', (h) =>
  h.stop(),
);

/**
 * Listens for the Client App SDK's `bootstrap` lifecycle hook from the parent window on the
 * validated host origin only (`{purecloudEventType: 'appLifecycleHook', hook: 'bootstrap'}`).
 *
 * @example
 * services.slots.get(DESKTOP_HANDSHAKE, () => watchDesktopHandshake(window, hostOrigin));
 */
export function watchDesktopHandshake(win: Window, hostOrigin: string): DesktopHandshake {
  let seen = false;
  const listener = (event: MessageEvent) => {
    if (event.source !== win.parent || event.origin !== hostOrigin) return;
    const data = event.data as { purecloudEventType?: unknown; hook?: unknown } | null;
    if (data?.purecloudEventType === 'appLifecycleHook' && data.hook === 'bootstrap') seen = true;
  };
  win.addEventListener('message', listener);
  return { bootstrapSeen: () => seen, stop: () => win.removeEventListener('message', listener) };
}

import { frameAncestorOrigins, framingVerdict } from '../config/frame-ancestors';
import type { FramingVerdict, FramingView } from '../config/frame-ancestors';
import type { PlatformTarget } from '../config/target';
import { safeStorage } from '../platform/safe-storage';

/** Set in this frame's session once its parent was found to be the desktop (referrer check). */
const ACCEPTED_KEY = 'lcp.framing.accepted';

/** Where the sign-in page of the target lives (a redirect sign-in returns from there). */
const loginOrigin = (target: PlatformTarget) =>
  target.kind === 'emulator' ? new URL(target.url).origin : `https://login.${target.environment}`;

/** Reads the framing of this page (a cross-origin `top` is compared, never read). */
function readFraming(win: Window): FramingView {
  let framed: boolean;
  try {
    framed = win.top !== win.self;
  } catch {
    framed = true;
  }
  const list = (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  return {
    framed,
    ...(list ? { ancestorOrigins: Array.from(list) } : {}),
    referrer: win.document.referrer,
  };
}

/**
 * Whether this page may run the widget. A page framed by anything but the target's Genesys
 * Cloud desktop (the emulator's origin for the emulator) is refused, so that another site cannot
 * frame Mute, Barge or edits for a click it tricks the agent into (clickjacking), even where the
 * host forgot the `frame-ancestors` header.
 *
 * Where the browser lacks `location.ancestorOrigins` (Firefox), the parent is read from the
 * referrer. A redirect sign-in inside the frame replaces it with the login page (or the widget's
 * own address): that is accepted only in a frame whose parent was accepted before, remembered in
 * session storage, which the browser keeps apart per top-level site.
 *
 * @example
 * const verdict = checkFraming(window, { kind: 'region', environment: 'mypurecloud.ie' });
 * if (!verdict.ok) showRefusal(verdict.origins);
 */
export function checkFraming(win: Window, target: PlatformTarget): FramingVerdict {
  const view = readFraming(win);
  if (!view.framed) return { ok: true };
  const storage = safeStorage(() => win.sessionStorage);
  const returning = storage.get(ACCEPTED_KEY) === '1' && !view.ancestorOrigins;
  const verdict = framingVerdict(
    view,
    frameAncestorOrigins(target),
    returning ? [loginOrigin(target), win.location.origin] : [],
  );
  if (verdict.ok && !view.ancestorOrigins) storage.set(ACCEPTED_KEY, '1');
  return verdict;
}

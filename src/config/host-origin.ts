import { message, type Message } from '../i18n/message';
import { REGIONS, type PlatformTarget } from './target';

/**
 * Whether `gcHostOrigin` is the Genesys Cloud desktop the widget may talk to over postMessage:
 * `https://apps.<environment>` of a known Genesys environment (for the emulator, only the
 * emulator's own origin, where its desktop host page runs). Anything else is refused, and
 * nothing is ever posted to it.
 */
export function checkHostOrigin(
  hostOrigin: string | undefined,
  target: PlatformTarget,
): { hostOrigin?: string; problem?: Message } {
  if (!hostOrigin) return {};
  let url: URL;
  try {
    url = new URL(hostOrigin);
  } catch {
    return { problem: message('launch.hostOriginRefused', { origin: hostOrigin }) };
  }
  const ok =
    url.origin === hostOrigin &&
    (target.kind === 'emulator'
      ? url.origin === new URL(target.url).origin
      : url.protocol === 'https:' &&
        Object.values(REGIONS).some((environment) => url.hostname === `apps.${environment}`));
  return ok
    ? { hostOrigin: url.origin }
    : { problem: message('launch.hostOriginRefused', { origin: hostOrigin }) };
}

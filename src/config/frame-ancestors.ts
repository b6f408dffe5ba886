import type { PlatformTarget } from './target.js';

/**
 * Who may frame the widget: the Genesys Cloud desktop of the target, `https://apps.<environment>`
 * (for the emulator, the emulator's own origin, where its desktop host page runs). The one
 * source of both the `frame-ancestors` directive the host sends (csp.ts, the build's preview and
 * the deploy/ generator) and the widget's own check when it finds itself framed.
 *
 * @example
 * frameAncestorOrigins({ kind: 'region', environment: 'mypurecloud.ie' }); // ['https://apps.mypurecloud.ie']
 */
export function frameAncestorOrigins(target: PlatformTarget): string[] {
  return target.kind === 'emulator'
    ? [new URL(target.url).origin]
    : [`https://apps.${target.environment}`];
}

/** What the page knows about the frames around it. */
export interface FramingView {
  /** The page runs inside a frame (`window.top !== window`). */
  framed: boolean;
  /** `location.ancestorOrigins`, parent first; undefined where the browser lacks it (Firefox). */
  ancestorOrigins?: readonly string[];
  /** `document.referrer`: the parent's address when the frame was opened, where ancestorOrigins is missing. */
  referrer: string;
}

export type FramingVerdict = { ok: true } | { ok: false; origins: string[] };

const originOf = (address: string): string | undefined => {
  try {
    const origin = new URL(address).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};

/**
 * Whether a framed widget may run: every ancestor must be one of `allowed`. Without
 * `ancestorOrigins`, the parent's origin is read from the referrer (only the parent can be
 * checked there; the `frame-ancestors` header covers the rest). The refusal names the origins
 * that are not allowed (`null` for a sandboxed or unknown one).
 *
 * @example
 * framingVerdict({ framed: true, ancestorOrigins: ['https://evil.example'], referrer: '' }, ['https://apps.mypurecloud.ie']);
 * // { ok: false, origins: ['https://evil.example'] }
 */
export function framingVerdict(
  view: FramingView,
  allowed: readonly string[],
  /** Also accepted as the referrer (never as an ancestor origin): see checkFraming. */
  referrers: readonly string[] = [],
): FramingVerdict {
  if (!view.framed) return { ok: true };
  if (view.ancestorOrigins) {
    const refused = [...new Set(view.ancestorOrigins.filter((o) => !allowed.includes(o)))];
    if (view.ancestorOrigins.length === 0) return { ok: false, origins: ['null'] };
    return refused.length === 0 ? { ok: true } : { ok: false, origins: refused };
  }
  const parent = originOf(view.referrer) ?? 'null';
  return allowed.includes(parent) || referrers.includes(parent)
    ? { ok: true }
    : { ok: false, origins: [parent] };
}

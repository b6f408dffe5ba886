import { parseCsp, readMetaCsp } from './checks/csp';
import type { FrameView, MicPermission } from './checks/embedding-checks';
import type { BrowserEnv } from './run-checks';

interface PolicyLike {
  allowsFeature(feature: string): boolean;
}

/** Whether session storage can be written and read back (a sandbox without same-origin: no). */
function storageWorks(win: Window): boolean {
  try {
    const key = 'lcp.setup.probe';
    win.sessionStorage.setItem(key, '1');
    const back = win.sessionStorage.getItem(key);
    win.sessionStorage.removeItem(key);
    return back === '1';
  } catch {
    return false;
  }
}

/** The frame as this page sees it, without reading anything of a cross-origin parent. */
export function frameView(win: Window): FrameView {
  let framed: boolean;
  try {
    framed = win.top !== win.self;
  } catch {
    framed = true;
  }
  const list = (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const doc = win.document as Document & {
    permissionsPolicy?: PolicyLike;
    featurePolicy?: PolicyLike;
  };
  const policy = doc.permissionsPolicy ?? doc.featurePolicy;
  return {
    framed,
    ...(list ? { ancestorOrigins: Array.from(list) } : {}),
    referrer: win.document.referrer,
    ownOrigin: win.location.origin,
    storageWorks: storageWorks(win),
    policyAllows: (feature) => {
      if (typeof policy?.allowsFeature !== 'function') return undefined;
      try {
        return policy.allowsFeature(feature);
      } catch {
        return undefined;
      }
    },
  };
}

const originOf = (address: string) => {
  try {
    return new URL(address).origin;
  } catch {
    return undefined;
  }
};

/**
 * The real browser for the checks: the page's policy and frame read once, `fetch`, sockets,
 * an audio element that is never attached or played, the microphone permission without a
 * prompt, and the policy violations the browser reports (by origin only: a blocked address may
 * carry a signature).
 */
export function browserEnv(win: Window & typeof globalThis): BrowserEnv {
  const policy = readMetaCsp(win.document);
  return {
    pageUrl: win.location.href,
    csp: policy ? parseCsp(policy) : undefined,
    frame: frameView(win),
    fetch: (input, init) => win.fetch(input, init),
    openSocket: (url) => new win.WebSocket(url),
    newAudio: () => new win.Audio(),
    async micPermission(): Promise<MicPermission> {
      try {
        const status = await win.navigator.permissions.query({
          name: 'microphone' as PermissionName,
        });
        return status.state;
      } catch {
        return undefined;
      }
    },
    onViolation(listener) {
      const handler = (event: SecurityPolicyViolationEvent) => {
        const origin = originOf(event.blockedURI);
        if (origin) listener(origin);
      };
      win.document.addEventListener('securitypolicyviolation', handler);
      return () => win.document.removeEventListener('securitypolicyviolation', handler);
    },
  };
}

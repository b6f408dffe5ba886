/**
 * Reading the page's Content-Security-Policy (the `<meta>` the build writes) and answering
 * whether a directive lets the page reach a URL, as CSP Level 3 matches sources: `'self'`
 * (with ws/wss to the same host), `*`, schemes (`https:` also allows `wss:`), hosts with a
 * `*.` wildcard and ports. Source paths are not compared (the built policy has none).
 */
export type Csp = ReadonlyMap<string, readonly string[]>;

/** Directive name (lower case) → its source list. The first of a repeated directive wins. */
export function parseCsp(policy: string): Csp {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** The policy of the page's `<meta http-equiv="Content-Security-Policy">`, if it has one. */
export function readMetaCsp(doc: Pick<Document, 'querySelector'>): string | undefined {
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  return meta?.getAttribute('content') ?? undefined;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
};

/** CSP 3 "scheme-part matching": http also allows https, ws and wss; https also wss; ws wss. */
function schemeMatches(source: string, target: string): boolean {
  if (source === target) return true;
  if (source === 'http:') return ['https:', 'ws:', 'wss:'].includes(target);
  if (source === 'https:') return target === 'wss:';
  if (source === 'ws:') return target === 'wss:';
  return false;
}

const portOf = (url: URL) => url.port || DEFAULT_PORTS[url.protocol] || '';

function hostSourceMatches(source: string, target: URL, page: URL): boolean {
  const match = /^(?:([a-z][a-z0-9+.-]*:)\/\/)?(\*|(?:\*\.)?[^:/]+)(?::(\d+|\*))?(?:\/.*)?$/i.exec(
    source,
  );
  if (!match) return false;
  const [, scheme, host = '', port] = match;
  if (!schemeMatches((scheme ?? page.protocol).toLowerCase(), target.protocol)) return false;
  const wanted = host.toLowerCase();
  const hostname = target.hostname.toLowerCase();
  if (wanted.startsWith('*.')) {
    if (!hostname.endsWith(wanted.slice(1))) return false;
  } else if (wanted !== '*' && wanted !== hostname) return false;
  if (port === '*') return true;
  const sourcePort =
    port ?? (scheme ? DEFAULT_PORTS[scheme.toLowerCase()] : DEFAULT_PORTS[target.protocol]);
  if (sourcePort === portOf(target)) return true;
  // An http source on the default port also allows https on its default port (and ws to wss).
  return port === undefined && sourcePort === '80' && portOf(target) === '443';
}

function sourceMatches(source: string, target: URL, page: URL): boolean {
  const s = source.toLowerCase();
  if (s === "'none'") return false;
  if (s === '*') return ['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol);
  if (s === "'self'") {
    if (target.origin === page.origin) return true;
    const sameHost = target.host === page.host;
    return (
      sameHost &&
      ((page.protocol === 'http:' && ['ws:', 'wss:', 'https:'].includes(target.protocol)) ||
        (page.protocol === 'https:' && target.protocol === 'wss:'))
    );
  }
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return schemeMatches(s, target.protocol);
  if (s.startsWith("'")) return false;
  return hostSourceMatches(s, target, page);
}

/**
 * Whether the policy lets the page at `pageUrl` reach `url` under `directive` (falling back to
 * `default-src`; no directive at all allows everything).
 *
 * @example
 * cspAllows(parseCsp("connect-src 'self' wss://streaming.mypurecloud.ie"), 'connect-src',
 *   'wss://streaming.mypurecloud.ie/channels/x', 'https://lcp.example.com/'); // true
 */
export function cspAllows(csp: Csp, directive: string, url: string, pageUrl: string): boolean {
  const sources = csp.get(directive) ?? csp.get('default-src');
  if (!sources) return true;
  let target: URL;
  let page: URL;
  try {
    target = new URL(url);
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  return sources.some((source) => sourceMatches(source, target, page));
}

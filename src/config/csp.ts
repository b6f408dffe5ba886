import { frameAncestorOrigins } from './frame-ancestors.js';
import type { PlatformTarget } from './target.js';

/**
 * The widget's Content-Security-Policy: scripts and styles only from its own origin (no inline
 * code or style attributes), network only to the Genesys Cloud hosts of its target (API, login,
 * notification sockets) and the CRM, framed only by the Genesys Cloud desktop. The build puts it
 * in a `<meta>` tag (everything but `frame-ancestors`, which only a header can carry); the host
 * serves the whole policy as a header (deploy/hosting.md), generated from this same function
 * (scripts/deploy-config.ts). Who may frame comes from frameAncestorOrigins, which the widget
 * also checks itself when framed (widget/framing-guard.ts).
 *
 * @example
 * contentSecurityPolicy({ kind: 'region', environment: 'mypurecloud.ie' }, { header: true })
 */
export function contentSecurityPolicy(
  target: PlatformTarget,
  options: {
    crmUrl?: string;
    header?: boolean;
    /** Test stacks only: more pages the header lets frame the widget (the widget still refuses them). */
    extraAncestors?: string[];
  } = {},
): string {
  const hosts =
    target.kind === 'emulator'
      ? [new URL(target.url).origin, new URL(target.url).origin.replace(/^http/, 'ws')]
      : [
          `https://api.${target.environment}`,
          `https://login.${target.environment}`,
          `wss://streaming.${target.environment}`,
        ];
  const crm = options.crmUrl ? [new URL(options.crmUrl).origin] : [];
  // Prompt audio: the emulator serves it itself; a real org hands out presigned URLs on hosts of
  // its own (contract §2.9), so any https media host is allowed there, media only.
  const media = target.kind === 'emulator' ? [new URL(target.url).origin] : ['https:'];
  const ancestors = [...frameAncestorOrigins(target), ...(options.extraAncestors ?? [])];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['media-src', ["'self'", ...media]],
    ['connect-src', ["'self'", ...hosts, ...crm]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ...(options.header ? ([['frame-ancestors', ancestors]] as [string, string[]][]) : []),
  ];
  return directives.map(([name, values]) => `${name} ${[...new Set(values)].join(' ')}`).join('; ');
}

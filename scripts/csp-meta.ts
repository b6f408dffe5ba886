import { loadEnv, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../src/config/csp.js';
import { parseEnv, type WidgetEnv } from '../src/config/env.js';

/**
 * The build's settings as the widget reads them (VITE_* from the environment and the mode's
 * .env files), or undefined when they are incomplete (the widget then says so itself).
 */
export function buildEnv(mode: string, cwd = process.cwd()): WidgetEnv | undefined {
  try {
    return parseEnv({ ...process.env, ...loadEnv(mode, cwd, 'VITE_') });
  } catch {
    return undefined;
  }
}

/**
 * The policy of a build: `meta` for the page's `<meta>` tag (no `frame-ancestors`, which a meta
 * tag cannot carry), `header` for the host (deploy/nginx, the preview server). Both come from
 * contentSecurityPolicy with the same settings, so they differ only by `frame-ancestors`.
 *
 * @example
 * buildPolicy(env, 'header'); // "default-src 'self'; …; frame-ancestors https://apps.mypurecloud.ie"
 */
export function buildPolicy(env: WidgetEnv, kind: 'meta' | 'header'): string {
  return contentSecurityPolicy(env.target, { crmUrl: env.crmUrl, header: kind === 'header' });
}

/**
 * The built page carries its Content-Security-Policy in a meta tag (built for the configured
 * target); the host adds the whole policy, `frame-ancestors` included, as a header
 * (scripts/deploy-config.ts writes it for nginx). Development keeps Vite's inline client.
 */
export function cspMeta(mode: string): Plugin {
  return {
    name: 'lcp-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      const env = buildEnv(mode);
      if (!env) return [];
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: buildPolicy(env, 'meta') },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

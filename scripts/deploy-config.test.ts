import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameAncestorOrigins, framingVerdict } from '../src/config/frame-ancestors.js';
import { parseEnv } from '../src/config/env.js';
import { buildPolicy, cspMeta } from './csp-meta.js';
import { nginxConfig } from './deploy-config.js';

/**
 * One source for who may frame the widget and what it may load: the build's meta tag (the Vite
 * plugin), the host's header (the deploy/ generator and its committed nginx example) and the
 * widget's own framing check all come from src/config/csp.ts and frame-ancestors.ts.
 */
const EXAMPLE = {
  VITE_GC_REGION: 'eu_west_1',
  VITE_GC_CLIENT_ID: 'example',
  VITE_CRM_URL: 'https://crm.example.com/lookup',
};

afterEach(() => vi.unstubAllEnvs());

/** The `<meta>` policy the production build puts in index.html with these settings. */
function builtMeta(settings: Record<string, string>): string | undefined {
  vi.unstubAllEnvs();
  for (const key of ['VITE_GC_REGION', 'VITE_GC_EMULATOR_URL', 'VITE_GC_CLIENT_ID', 'VITE_CRM_URL'])
    vi.stubEnv(key, '');
  for (const [key, value] of Object.entries(settings)) vi.stubEnv(key, value);
  const transform = cspMeta('production').transformIndexHtml as (
    html: string,
  ) => HtmlTagDescriptor[];
  const tag = transform('<html></html>')[0];
  return tag?.attrs?.content as string | undefined;
}

const headerOf = (config: string) =>
  /add_header Content-Security-Policy "([^"]+)" always;/.exec(config)?.[1];

describe('deploy config', () => {
  it('the committed nginx example is the generator’s output for the documented settings', () => {
    const committed = readFileSync(
      new URL('../deploy/nginx/live-call-panel.conf', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(nginxConfig({ env: parseEnv(EXAMPLE), serverName: 'lcp.example.com' }));
  });

  it('the header is the build’s meta policy plus frame-ancestors, for a region and for the emulator', () => {
    const builds: Record<string, string>[] = [
      EXAMPLE,
      { VITE_GC_REGION: 'ap_southeast_2', VITE_GC_CLIENT_ID: 'x' },
      { VITE_GC_EMULATOR_URL: 'http://127.0.0.1:8787' },
    ];
    for (const settings of builds) {
      const env = parseEnv(settings);
      const meta = builtMeta(settings);
      const header = headerOf(nginxConfig({ env, serverName: 'lcp.example.com' }));
      expect(meta).toBe(buildPolicy(env, 'meta'));
      expect(meta).not.toContain('frame-ancestors');
      expect(header).toBe(`${meta}; frame-ancestors ${frameAncestorOrigins(env.target).join(' ')}`);
    }
  });

  it('the widget accepts as its parent exactly what the header lets frame it', () => {
    const env = parseEnv(EXAMPLE);
    const header = headerOf(nginxConfig({ env, serverName: 'lcp.example.com' }))!;
    const ancestors = /frame-ancestors ([^;]+)$/.exec(header)![1]!.split(' ');
    expect(ancestors).toEqual(['https://apps.mypurecloud.ie']);
    const framedBy = (origin: string) =>
      framingVerdict(
        { framed: true, ancestorOrigins: [origin], referrer: '' },
        frameAncestorOrigins(env.target),
      );
    for (const origin of ancestors) expect(framedBy(origin)).toEqual({ ok: true });
    expect(framedBy('https://apps.mypurecloud.de').ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../config/csp';
import { cspAllows, parseCsp, readMetaCsp } from './csp';

const PAGE = 'https://lcp.example.com/panel/?view=setup';

describe('reading a policy', () => {
  it('keeps the first of a repeated directive and falls back to default-src', () => {
    const csp = parseCsp("default-src 'self'; connect-src https://a.example; connect-src *");
    expect(cspAllows(csp, 'connect-src', 'https://a.example/x', PAGE)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'https://b.example/x', PAGE)).toBe(false);
    expect(cspAllows(csp, 'media-src', 'https://lcp.example.com/a.wav', PAGE)).toBe(true);
    expect(cspAllows(csp, 'media-src', 'https://b.example/a.wav', PAGE)).toBe(false);
    expect(cspAllows(parseCsp("script-src 'self'"), 'connect-src', 'https://x.example', PAGE)).toBe(
      true,
    );
  });

  it('matches self (with sockets to the same host), schemes, wildcard hosts and ports', () => {
    const csp = parseCsp(
      "connect-src 'self' https: *.pure.cloud:443 http://127.0.0.1:8787; media-src 'none'",
    );
    expect(cspAllows(csp, 'connect-src', 'wss://lcp.example.com/socket', PAGE)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'wss://streaming.mypurecloud.ie/c/1', PAGE)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'http://plain.example/', PAGE)).toBe(false);
    expect(cspAllows(csp, 'connect-src', 'https://api.usw2.pure.cloud/api/v2', PAGE)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'ws://127.0.0.1:8787/channels/x', PAGE)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'http://127.0.0.1:9999/', PAGE)).toBe(false);
    expect(cspAllows(csp, 'media-src', 'https://lcp.example.com/a.wav', PAGE)).toBe(false);
    const hosts = parseCsp('connect-src api.mypurecloud.ie *.example.org');
    expect(cspAllows(hosts, 'connect-src', 'https://api.mypurecloud.ie/x', PAGE)).toBe(true);
    expect(cspAllows(hosts, 'connect-src', 'https://login.mypurecloud.ie/', PAGE)).toBe(false);
    expect(cspAllows(hosts, 'connect-src', 'https://crm.example.org/lookup', PAGE)).toBe(true);
    expect(cspAllows(hosts, 'connect-src', 'https://example.org/', PAGE)).toBe(false);
  });

  it('reads the policy of the page’s meta tag', () => {
    document.head.innerHTML =
      '<meta http-equiv="Content-Security-Policy" content="connect-src \'self\'">';
    expect(readMetaCsp(document)).toBe("connect-src 'self'");
    document.head.innerHTML = '';
    expect(readMetaCsp(document)).toBeUndefined();
  });
});

describe('the policy the build writes', () => {
  it('lets a region’s page reach its API, login and streaming hosts and the CRM, and media anywhere over https', () => {
    const csp = parseCsp(
      contentSecurityPolicy(
        { kind: 'region', environment: 'mypurecloud.ie' },
        { crmUrl: 'https://crm.example.com/lookup' },
      ),
    );
    for (const url of [
      'https://api.mypurecloud.ie/api/v2/users/me',
      'https://login.mypurecloud.ie/',
      'wss://streaming.mypurecloud.ie/channels/streaming-0-x',
      'https://crm.example.com/lookup',
    ])
      expect(cspAllows(csp, 'connect-src', url, PAGE), url).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'https://api.mypurecloud.com/api/v2', PAGE)).toBe(false);
    expect(cspAllows(csp, 'media-src', 'https://prompts.s3.example/a.wav?sig=1', PAGE)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'https://prompts.s3.example/a.wav', PAGE)).toBe(false);
  });

  it('lets an emulator build reach the emulator over http and ws', () => {
    const csp = parseCsp(contentSecurityPolicy({ kind: 'emulator', url: 'http://127.0.0.1:8787' }));
    const page = 'http://127.0.0.1:5173/?view=setup';
    expect(cspAllows(csp, 'connect-src', 'http://127.0.0.1:8787/api/v2/tokens/me', page)).toBe(
      true,
    );
    expect(cspAllows(csp, 'connect-src', 'ws://127.0.0.1:8787/channels/c1', page)).toBe(true);
    expect(cspAllows(csp, 'connect-src', 'ws://127.0.0.1:9999/channels/c1', page)).toBe(false);
  });
});

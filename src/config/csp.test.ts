import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows only the target’s Genesys Cloud hosts, no inline code, framed only by the desktop', () => {
    const csp = contentSecurityPolicy(
      { kind: 'region', environment: 'mypurecloud.ie' },
      { crmUrl: 'https://crm.example.com/lookup?x=1', header: true },
    );
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain(
      "connect-src 'self' https://api.mypurecloud.ie https://login.mypurecloud.ie wss://streaming.mypurecloud.ie https://crm.example.com;",
    );
    expect(csp).toMatch(/; frame-ancestors https:\/\/apps\.mypurecloud\.ie$/);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('for the emulator: its origin over http and ws; the meta version has no frame-ancestors', () => {
    const csp = contentSecurityPolicy({ kind: 'emulator', url: 'http://127.0.0.1:8787' });
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8787 ws://127.0.0.1:8787");
    expect(csp).not.toContain('frame-ancestors');
  });
});

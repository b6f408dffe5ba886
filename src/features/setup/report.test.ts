import { setupI18n } from '@lingui/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, SetupText } from './model';
import { buildReport, scrub, summaryText, type Render } from './report';
import type { SetupRun } from './run-checks';
import { CATALOG } from './text';

const TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const SECRETS = { values: [TOKEN, 'Sam Supervisor', 'sam@example.com', undefined] };

let render: Render;
beforeAll(async () => {
  const i18n = setupI18n();
  i18n.load('en', await CATALOG.en());
  i18n.activate('en');
  render = (m: SetupText) => i18n._(m.id, m.values);
});

describe('scrub', () => {
  it('masks the secrets given, numbers, addresses and bearer tokens', () => {
    expect(scrub('Hello sam supervisor, SAM@EXAMPLE.COM', SECRETS)).toBe(
      'Hello [removed], [removed]',
    );
    expect(scrub(`Authorization: Bearer ${TOKEN}x`, SECRETS)).toBe('Authorization: [removed]');
    expect(scrub(`token ${TOKEN} here`, SECRETS)).toBe('token [removed] here');
    expect(scrub('call tel:+13175550142 or +1 (317) 555-0142 or 3175550142', SECRETS)).toBe(
      'call [removed] or [removed] or [removed]',
    );
    expect(scrub('sip:agent@lcp.example:5060 and dana@caller.example', SECRETS)).toBe(
      '[removed] and [removed]',
    );
  });

  it('leaves hosts, permissions, statuses and short numbers alone', () => {
    const text =
      'https://api.mypurecloud.ie answered 404; routing:queue:view; 12 requests in 2026-12-07';
    expect(scrub(text, SECRETS)).toBe(text);
  });
});

const check = (extra: Partial<CheckResult>): CheckResult => ({
  id: 'notifications',
  features: ['agentPanel', 'callData', 'supervisor'],
  status: 'works',
  title: { id: 'setup.notifications.title' },
  detail: { id: 'setup.notifications.works', values: { seconds: 1 } },
  ...extra,
});

const run = (checks: CheckResult[]): SetupRun => ({
  checks,
  requests: 10,
  startedAt: Date.parse('2026-12-07T10:00:00Z'),
  finishedAt: Date.parse('2026-12-07T10:00:02Z'),
});

describe('the report', () => {
  it('lists each feature’s verdict and each check in the admin’s words', () => {
    const report = buildReport(
      run([
        check({}),
        check({
          id: 'permission.queueView',
          features: ['supervisor'],
          status: 'willNotWork',
          title: { id: 'setup.what.queueList' },
          detail: {
            id: 'setup.permission.missing',
            values: { permissions: 'routing:queue:view' },
          },
          fix: { id: 'setup.permission.fix', values: { permissions: 'routing:queue:view' } },
          needs: ['routing:queue:view'],
          facts: { permissions: 'routing:queue:view' },
        }),
      ]),
      { render, language: 'en', environment: 'mypurecloud.ie', framed: false, secrets: SECRETS },
    );
    expect(report).toMatchObject({
      report: 'live-call-panel-setup-check',
      version: 1,
      generatedAt: '2026-12-07T10:00:02.000Z',
      environment: 'mypurecloud.ie',
      requests: 10,
      durationMs: 2000,
    });
    expect(report.features.find((f) => f.feature === 'supervisor')).toEqual({
      feature: 'supervisor',
      name: 'Supervisor view',
      status: 'willNotWork',
      limits: 0,
      checks: ['permission.queueView', 'notifications'],
    });
    expect(report.checks.find((c) => c.id === 'permission.queueView')).toMatchObject({
      title: 'The queue list and live updates per queue',
      detail: 'Will not work: the user’s roles lack routing:queue:view.',
      needs: ['routing:queue:view'],
    });
    const summary = summaryText(report, render);
    expect(summary).toContain('Supervisor view: Will not work\n');
    expect(summary).toContain(
      '  ✗ The queue list and live updates per queue: Will not work: the user’s roles lack routing:queue:view.',
    );
    expect(summary).toContain(
      '      Fix: Add the permission routing:queue:view to a role of this user',
    );
  });

  it('carries no token, name or number, whatever a check wrote', () => {
    const report = buildReport(
      run([
        check({
          detail: { id: 'setup.notifications.rejected', values: { reason: `for Sam Supervisor` } },
          notes: [{ id: 'setup.api.failed', values: { host: 'tel:+13175550142', error: TOKEN } }],
          facts: { streamingHost: `sam@example.com ${TOKEN}`, released: true, count: 3 },
        }),
      ]),
      { render, language: 'en', environment: 'Sam Supervisor', framed: true, secrets: SECRETS },
    );
    const json = JSON.stringify(report);
    const summary = summaryText(report, render);
    for (const text of [json, summary]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/Sam|sam@|\+1317|tel:/);
    }
    expect(report.checks[0]?.facts).toEqual({
      streamingHost: '[removed] [removed]',
      released: true,
      count: 3,
    });
  });
});
